"""Export formats for the log: CSV (one flat row per event) and JSON lines (the full record).

Both are generators of text chunks, so a caller can stream any number of events. CSV is read
by people, so it uses the dashboard's and the CLI's words (level "calm", outcome "not shown" or
"CLI"); JSON lines keep the stored values (level "none", outcome null), as `--json` does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from bot.store.vocabulary import EXPORT_FORMATS as FORMATS
from bot.store.vocabulary import level_word, outcome_word

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
CSV_COLUMNS = (
    "id",
    "uid",
    "created_at",
    "channel_kind",
    "workspace",
    "channel",
    "thread",
    "agent",
    "conversation_id",
    "trigger",
    "playbook",
    "confidence",
    "escalation_score",
    "escalation_level",
    "escalation_reasons",
    "outcome",
    "edit_ratio",
    "rating",
    "comment",
    "suggestions",
    "coaching",
    "summary",
    "follow_up_turns",
    "follow_up_first_reply_seconds",
    "follow_up_thanked",
    "follow_up_came_back",
    "follow_up_escalation_score",
    "follow_up_escalation_level",
    "excerpt",
    "content_mode",
    "backend",
    "model",
    "prompt_version",
    "latency_ms",
    "tokens_prompt",
    "tokens_completion",
    "fallback",
    "fallback_reason",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ROWS_PER_CHUNK = 200


def json_safe(row: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading '."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _flat(row: dict) -> list[str]:
    flat = dict(row)
    # People read CSV: the dashboard's and the CLI's words (calm; not shown or CLI).
    flat["escalation_level"] = level_word(row.get("escalation_level"))
    flat["outcome"] = outcome_word(row.get("outcome"), row.get("channel_kind"))
    flat["escalation_reasons"] = "; ".join(row.get("escalation_reasons") or [])
    flat["suggestions"] = "\n".join(
        f"{n}. {s.get('text', '')} (why: {s.get('why', '')})"
        for n, s in enumerate(row.get("suggestions") or [], 1)
    )
    flat["coaching"] = "\n".join(row.get("coaching") or [])
    summary = row.get("summary") or {}
    flat["summary"] = "\n".join(
        f"{label}: {summary[key]}"
        for label, key in (("Wants", "wants"), ("Tried", "tried"), ("At stake", "at_stake"))
        if summary.get(key)
    )
    for key, value in (row.get("follow_up") or {}).items():
        flat[f"follow_up_{key}"] = value
    flat["excerpt"] = "\n".join(
        f"{m.get('role')}: {m.get('text')}" for m in row.get("excerpt") or []
    )
    return [_cell(flat.get(column)) for column in CSV_COLUMNS]


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for number, row in enumerate(rows, 1):
        writer.writerow(_flat(row))
        if number % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: Iterable[dict]) -> Iterator[str]:
    lines = []
    for row in rows:
        lines.append(json.dumps(json_safe(row), ensure_ascii=False) + "\n")
        if len(lines) == _ROWS_PER_CHUNK:
            yield "".join(lines)
            lines.clear()
    yield "".join(lines)


def export_chunks(rows: Iterable[dict], fmt: str) -> Iterator[str]:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows)
