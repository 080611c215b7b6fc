"""Reading conversations and JSON lines from files or stdin, with clear errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bot import bounded_json, messages
from bot.core.conversation import Conversation
from bot.messages import UserError

# Bounds on what the commands read, checked before anything is parsed.
MAX_CONVERSATION_BYTES = 4 * 1024 * 1024  # `tip`: one conversation, text or JSON
MAX_LINE_BYTES = 1024 * 1024  # `classify`: one JSON line
MAX_JSON_DEPTH = 64  # a conversation needs 3 levels ({"messages": [{...}]})


def read_text(source: str) -> str:
    """The whole of FILE, or stdin for '-'; refuses empty and binary input."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_CONVERSATION_BYTES + 1)
        else:
            with open(source, "rb") as handle:
                raw = handle.read(MAX_CONVERSATION_BYTES + 1)
    except OSError as exc:
        raise UserError(messages.unreadable(source, exc.strerror or str(exc))) from None
    if len(raw) > MAX_CONVERSATION_BYTES:
        raise UserError(messages.too_large(source, MAX_CONVERSATION_BYTES))
    if b"\x00" in raw:
        raise UserError(messages.binary_input(source))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(messages.binary_input(source)) from None
    if not text.strip():
        raise UserError(messages.empty_input(source))
    return text


def conversation_from_record(record: dict, default_id: str = "adhoc") -> Conversation:
    """`{"text": ...}` or `{"messages": [...]}`; raises ValueError saying what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    conversation_id = str(record.get("id", default_id))
    if "messages" in record:
        conversation = Conversation.from_dicts(record["messages"], id=conversation_id)
    elif isinstance(record.get("text"), str):
        conversation = Conversation.from_text(record["text"], id=conversation_id)
    else:
        raise ValueError('needs "text" (a string) or "messages" (a list)')
    return conversation


def read_conversation(source: str) -> Conversation:
    text = read_text(source)
    name = "stdin" if source == "-" else Path(source).stem
    if text.lstrip().startswith(("{", "[")):
        try:
            data = bounded_json.loads(text, MAX_CONVERSATION_BYTES, MAX_JSON_DEPTH)
        except bounded_json.JSONLimitError as exc:
            raise UserError(messages.refused_json(source, str(exc))) from None
        except json.JSONDecodeError as exc:
            raise UserError(messages.bad_json(source, str(exc))) from None
        if isinstance(data, list):
            data = {"messages": data}
        try:
            conversation = conversation_from_record(data, default_id=name)
        except ValueError as exc:
            raise UserError(messages.bad_conversation(source, str(exc))) from None
    else:
        conversation = Conversation.from_text(text, id=name)
    if conversation.is_empty():
        raise UserError(messages.empty_input(source))
    return conversation


def bounded_lines(stream) -> Iterator[bytes | None]:
    """Each line of the stream, or None for a line over MAX_LINE_BYTES (read past, never kept)."""
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(64 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def json_lines(source: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) per non-blank line, streamed; a bad line stops nothing."""
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        raise UserError(messages.unreadable(source, exc.strerror or str(exc))) from None
    seen_any = False
    with stream:
        for number, raw in enumerate(bounded_lines(stream), start=1):
            if raw is None:
                seen_any = True
                yield number, None, f"longer than {MAX_LINE_BYTES:,} bytes; not read"
                continue
            if b"\x00" in raw:
                raise UserError(messages.binary_input(source))
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")
            if not line.strip():
                continue
            seen_any = True
            try:
                record = bounded_json.loads(line, MAX_LINE_BYTES, MAX_JSON_DEPTH)
            except bounded_json.JSONLimitError as exc:
                yield number, None, f"not read: {exc}"
                continue
            except json.JSONDecodeError as exc:
                yield number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield number, None, "expected a JSON object"
                continue
            yield number, record, None
    if not seen_any:
        raise UserError(messages.empty_input(source))
