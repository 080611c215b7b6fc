"""Reading an /api/messages body: exact media type, UTF-8 only, size and nesting bounded first.

The media type is aiohttp's parse of Content-Type (`text/plain;application/json` is text/plain),
and the body is read only up to MAX_BYTES, then parsed by bot/bounded_json.py, which counts the
nesting depth before `json` recurses. A Teams activity is a few kilobytes and nests about ten
levels; the bounds leave ample room for Adaptive Card invokes.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

from aiohttp import web

from bot import bounded_json, messages
from bot.teams.gate import Refused

MAX_BYTES = 512 * 1024
MAX_DEPTH = 64


def check_content_type(request: web.Request) -> None:
    if request.content_type != "application/json":
        raise Refused(415, messages.TEAMS_NOT_JSON)
    charset = request.charset
    if charset is None:
        return
    try:
        utf8 = codecs.lookup(charset).name == "utf-8"
    except LookupError:
        utf8 = False
    if not utf8:
        raise Refused(415, messages.teams_bad_charset(charset))


async def _read_bounded(request: web.Request) -> bytes:
    if (request.content_length or 0) > MAX_BYTES:
        raise Refused(413, messages.teams_too_large(MAX_BYTES))
    chunks, size = [], 0
    async for chunk in request.content.iter_any():
        size += len(chunk)
        if size > MAX_BYTES:  # chunked, or longer than its Content-Length said
            raise Refused(413, messages.teams_too_large(MAX_BYTES))
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: web.Request) -> Any:
    """The parsed body; raises Refused (413, 415 or 400) with the reason."""
    check_content_type(request)
    raw = await _read_bounded(request)
    try:
        return bounded_json.loads(raw, MAX_BYTES, MAX_DEPTH)
    except bounded_json.JSONLimitError as exc:
        raise Refused(400, messages.teams_bad_json(str(exc))) from None
    except UnicodeDecodeError:
        raise Refused(400, messages.teams_bad_json("not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise Refused(400, messages.teams_bad_json(exc.msg)) from None
