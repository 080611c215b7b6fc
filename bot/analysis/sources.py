"""Past transcripts as a stream of conversations, whatever the export they come from.

Formats (`--format`, or found from the file):
- `jsonl`: the `classify` input, one conversation per line, `{"id", "messages": [{"role",
  "text", "ts"}]}` or `{"id", "text"}`; or one message per line, `{"conversation_id", "role",
  "text", "ts"}`.
- `csv`: one message per row with a header naming `conversation_id`, `role`, `text` and
  optionally `timestamp` (synonyms accepted, see COLUMNS).
- `zendesk`: one ticket per line, `{"id", "requester_id", "comments": [...]}` (or `{"ticket",
  "comments"}`), the comments as Zendesk's Ticket Comments API gives them (`author_id`, `body`
  or `plain_body`, `created_at`, `public`). The requester's comments are the customer's; private
  notes are skipped.
- `freshdesk`: one conversation object per line, as Freshdesk's "List all conversations of a
  Ticket" API returns them (`ticket_id`, `body_text`, `incoming`, `private`, `created_at`):
  incoming ones are the customer's; private notes are skipped.

Messages of one conversation need not be adjacent: up to MAX_OPEN conversations are kept open
at once, and the one untouched longest is closed when another opens. Memory stays bounded
whatever the file's size.
"""

from __future__ import annotations

import csv
import json
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from bot import bounded_json
from bot.analysis import FORMATS
from bot.commands.inputs import MAX_JSON_DEPTH, MAX_LINE_BYTES, bounded_lines
from bot.core.conversation import Conversation, Message

MAX_OPEN = 2_000  # conversations open at once, for files whose messages are interleaved
MAX_MESSAGES = 200  # messages kept per conversation; later ones are counted, not kept
MAX_TEXT = 4_000  # characters kept per message
COLUMNS = {
    "conversation_id": ("conversation_id", "conversation", "thread_id", "ticket_id", "id"),
    "role": ("role", "sender", "speaker", "author_type", "from"),
    "text": ("text", "message", "body", "content"),
    "timestamp": ("timestamp", "ts", "created_at", "time", "date"),
}
CUSTOMER_ROLES = {"customer", "client", "user", "end-user", "end_user", "requester", "caller"}
AGENT_ROLES = {"agent", "support", "staff", "operator", "admin", "rep", "advisor", "assistant"}


class SourceError(ValueError):
    """The file cannot be read as the format says; the message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Row:
    """One message before it joins its conversation."""

    conversation_id: str
    role: str
    text: str
    ts: float | None


def timestamp(value) -> float | None:
    """Seconds since the epoch from a number, a numeric string or ISO 8601 (naive = UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) / (1000 if value > 1e11 else 1)  # milliseconds, as some exports
    text = str(value).strip()
    try:
        return timestamp(float(text))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"timestamp {text[:40]!r} is neither a number nor ISO 8601") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def role_of(value) -> str:
    role = str(value or "").strip().lower()
    if role in CUSTOMER_ROLES:
        return "customer"
    if role in AGENT_ROLES:
        return "agent"
    raise ValueError(f"role {str(value)[:40]!r} is neither a customer nor an agent")


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError("the message text is missing or not a string")
    return value[:MAX_TEXT]


class Conversations:
    """Rows grouped into conversations, at most MAX_OPEN open at a time."""

    def __init__(self, max_open: int = MAX_OPEN, max_messages: int = MAX_MESSAGES):
        self.open: OrderedDict[str, Conversation] = OrderedDict()
        self.max_open, self.max_messages = max_open, max_messages
        self.messages = 0

    def add(self, row: Row) -> Iterator[Conversation]:
        """Adds the row; yields a conversation closed to make room, if one was."""
        self.messages += 1
        conversation = self.open.get(row.conversation_id)
        if conversation is None:
            if len(self.open) >= self.max_open:
                yield self.open.popitem(last=False)[1]
            conversation = self.open[row.conversation_id] = Conversation(row.conversation_id)
        else:
            self.open.move_to_end(row.conversation_id)
        if len(conversation.messages) < self.max_messages:
            conversation.messages.append(Message(row.role, row.text, row.ts))

    def close_all(self) -> Iterator[Conversation]:
        while self.open:
            yield self.open.popitem(last=False)[1]


# --- one record (a JSON line or a CSV row) into rows ----------------------------------------


def jsonl_rows(record: dict, number: int) -> list[Row]:
    if "messages" in record or ("text" in record and "role" not in record):
        conversation_id = str(record.get("id", number))
        items = record.get("messages")
        if items is None:
            return [Row(conversation_id, "customer", _text(record.get("text")), None)]
        if not isinstance(items, list):
            raise ValueError('"messages" must be a list')
        rows = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise ValueError(f"messages[{index}] must be an object")
            role = role_of(item.get("role", "customer"))
            ts = timestamp(item.get("ts", item.get("timestamp")))
            rows.append(Row(conversation_id, role, _text(item.get("text")), ts))
        return rows
    conversation_id = record.get("conversation_id", record.get("id"))
    if conversation_id is None:
        raise ValueError('needs "messages", "text", or "conversation_id" with "role" and "text"')
    ts = timestamp(record.get("ts", record.get("timestamp")))
    return [Row(str(conversation_id), role_of(record.get("role")), _text(record.get("text")), ts)]


def zendesk_rows(record: dict, number: int) -> list[Row]:
    ticket = record.get("ticket", record)
    comments = record.get("comments", ticket.get("comments"))
    if not isinstance(comments, list):
        raise ValueError('a Zendesk ticket needs "comments" (a list)')
    requester = ticket.get("requester_id")
    if requester is None and comments and isinstance(comments[0], dict):
        requester = comments[0].get("author_id")  # the ticket opens with the requester's words
    ticket_id = str(ticket.get("id", number))
    rows = []
    for index, comment in enumerate(comments):
        if not isinstance(comment, dict):
            raise ValueError(f"comments[{index}] must be an object")
        if comment.get("public") is False:
            continue  # an internal note: the customer never saw it
        role = "customer" if comment.get("author_id") == requester else "agent"
        text = comment.get("plain_body", comment.get("body"))
        rows.append(Row(ticket_id, role, _text(text), timestamp(comment.get("created_at"))))
    return rows


def freshdesk_rows(record: dict, number: int) -> list[Row]:
    if "ticket_id" not in record or "incoming" not in record:
        raise ValueError('a Freshdesk conversation needs "ticket_id" and "incoming"')
    if record.get("private") is True:
        return []
    role = "customer" if record["incoming"] is True else "agent"
    text = record.get("body_text", record.get("body"))
    return [Row(str(record["ticket_id"]), role, _text(text), timestamp(record.get("created_at")))]


JSON_FORMATS: dict[str, Callable[[dict, int], list[Row]]] = {
    "jsonl": jsonl_rows,
    "zendesk": zendesk_rows,
    "freshdesk": freshdesk_rows,
}


def json_format_of(record: dict) -> str:
    """Which export a JSON record comes from, by the fields it carries."""
    if "comments" in record or "comments" in (record.get("ticket") or {}):
        return "zendesk"
    if "ticket_id" in record and "incoming" in record:
        return "freshdesk"
    return "jsonl"


def csv_columns(header: list[str]) -> dict[str, int]:
    lowered = [h.strip().lower() for h in header]
    found = {}
    for name, synonyms in COLUMNS.items():
        index = next((lowered.index(s) for s in synonyms if s in lowered), None)
        if index is not None:
            found[name] = index
    missing = [n for n in ("conversation_id", "role", "text") if n not in found]
    if missing:
        raise SourceError(
            f"the CSV header has no column for {', '.join(missing)} (it has: {', '.join(header)})"
        )
    return found


def csv_rows(lines: Iterator[str]) -> Iterator[tuple[int, list[Row] | None, str | None]]:
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise SourceError(f"not CSV: {exc}") from None
    columns = csv_columns(header)
    number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number = reader.line_num
            yield number, None, f"not valid CSV ({exc})"
            continue
        number = reader.line_num
        if not any(cells):
            continue
        try:
            ts_index = columns.get("timestamp")
            row = Row(
                cells[columns["conversation_id"]],
                role_of(cells[columns["role"]]),
                _text(cells[columns["text"]]),
                timestamp(cells[ts_index]) if ts_index is not None else None,
            )
        except IndexError:
            yield number, None, f"has {len(cells)} cells, fewer than the header's {len(header)}"
            continue
        except ValueError as exc:
            yield number, None, str(exc)
            continue
        yield number, [row], None


def _decoded(lines: Iterator[bytes | None], on_bytes: Callable[[int], None]) -> Iterator[str]:
    for number, raw in enumerate(lines, start=1):
        if raw is None:
            raise SourceError(f"line {number} is longer than {MAX_LINE_BYTES:,} bytes")
        on_bytes(len(raw))
        if b"\x00" in raw:
            raise SourceError("binary data, not text")
        yield raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")


def _json_records(
    lines: Iterator[str], fmt: str
) -> Iterator[tuple[int, list[Row] | None, str | None]]:
    reader = JSON_FORMATS.get(fmt)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = bounded_json.loads(line, MAX_LINE_BYTES, MAX_JSON_DEPTH)
        except (bounded_json.JSONLimitError, json.JSONDecodeError) as exc:
            yield number, None, f"not valid JSON ({getattr(exc, 'msg', exc)})"
            continue
        if not isinstance(record, dict):
            yield number, None, "expected a JSON object"
            continue
        if reader is None:  # auto: the first record says which export this is
            reader = JSON_FORMATS[json_format_of(record)]
        try:
            yield number, reader(record, number), None
        except (ValueError, TypeError) as exc:
            yield number, None, str(exc)


def _is_csv(path: str, first: bytes) -> bool:
    return path.lower().endswith(".csv") or first.lstrip()[:1] not in (b"{", b"")


def read_conversations(
    path: str,
    fmt: str = "auto",
    on_bytes: Callable[[int], None] = lambda n: None,
    on_error: Callable[[int, str], None] = lambda number, reason: None,
) -> Iterator[Conversation]:
    """Every conversation in the file, streamed; a bad line or row is reported to `on_error`
    (line number, reason) and skipped. SourceError when the file cannot be read at all."""
    if fmt not in FORMATS:
        raise SourceError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the generator ends)
    except OSError as exc:
        raise SourceError(f"cannot read it ({exc.strerror or exc})") from None
    with stream:
        if fmt == "auto" and _is_csv(path, stream.peek(64)[:64]):
            fmt = "csv"  # otherwise JSON lines, whose first record says which export
        lines = _decoded(bounded_lines(stream), on_bytes)
        records = csv_rows(lines) if fmt == "csv" else _json_records(lines, fmt)
        grouped = Conversations()
        for number, rows, error in records:
            if error is not None:
                on_error(number, error)
                continue
            for row in rows:
                yield from grouped.add(row)
        yield from grouped.close_all()
