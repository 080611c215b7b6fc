"""JSON parsed only after its size and nesting depth are checked.

Python's json module recurses once per level, so text nested a few thousand levels deep raises
RecursionError (a traceback, or a dead worker) instead of a clear error. The depth is counted here
in one pass first, skipping over strings; text with fewer brackets than the limit needs no pass.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core import prebuilt

# A string (with its escapes) or one bracket; everything else is skipped.
_STRING_OR_BRACKET = prebuilt.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


class JSONLimitError(ValueError):
    """Text too large or too deeply nested to parse; the message says which limit it broke."""


def check_depth(text: str, max_depth: int) -> None:
    if text.count("[") + text.count("{") <= max_depth:
        return
    depth = 0
    for token in _STRING_OR_BRACKET.finditer(text):
        mark = token.group()[0]
        if mark in "[{":
            depth += 1
            if depth > max_depth:
                raise JSONLimitError(f"nested more than {max_depth} levels deep")
        elif mark in "]}":
            depth -= 1


def loads(text: str | bytes, max_bytes: int, max_depth: int) -> Any:
    """json.loads, refusing text over max_bytes (UTF-8) or nested deeper than max_depth.

    Raises JSONLimitError for a broken limit, json.JSONDecodeError for invalid JSON.
    """
    if isinstance(text, bytes) or text.isascii():
        size = len(text)
    else:
        size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise JSONLimitError(f"larger than {max_bytes:,} bytes")
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    check_depth(text, max_depth)
    return json.loads(text)
