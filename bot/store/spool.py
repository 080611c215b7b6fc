"""The spool: a local JSON-lines file where log records wait while the database is down.

Each line is `{"kind": "event" | "outcome", "row": {...}}`. Appends and replays take an
exclusive lock on the file, so processes sharing a spool never lose or double a line; a replay
empties the file only after the database has committed every record in it. A line that cannot
be read (e.g. cut short by a crash) is moved to `<spool>.bad`, never dropped.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)
_TIMES = ("created_at",)


def _encode(record: dict) -> str:
    row = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in record["row"].items()}
    return (
        json.dumps({"kind": record["kind"], "row": row}, ensure_ascii=False, separators=(",", ":"))
        + "\n"
    )


def _decode(line: str) -> tuple[str, dict]:
    record = json.loads(line)
    kind, row = record["kind"], dict(record["row"])
    for name in _TIMES:
        if isinstance(row.get(name), str):
            row[name] = datetime.fromisoformat(row[name])
    return kind, row


class Spool:
    def __init__(self, path: Path | str):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Spool({str(self.path)!r})"

    def append(self, kind: str, row: dict) -> None:
        """Add one record, durably (fsync), before returning."""
        line = _encode({"kind": kind, "row": row}).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def has_pending(self) -> bool:
        try:
            return self.path.stat().st_size > 0
        except OSError:
            return False

    def pending(self) -> int:
        """How many lines wait to be replayed."""
        if not self.has_pending():
            return 0
        with open(self.path, "rb") as handle:
            return sum(1 for line in handle if line.strip())

    def replay(self, write: Callable[[list[tuple[str, dict]]], list], wait: bool = False) -> int:
        """Hand every waiting record to `write` (one call), then empty the spool.

        `write` returns the records the database refused as invalid (usually none); they go to
        the `.bad` file. If `write` raises, the spool is left as it was and the error
        propagates. Returns how many records were handed over; 0 when another process is
        replaying (unless `wait`).
        """
        if not self.has_pending():
            return 0
        with open(self.path, "r+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return 0
            try:
                records, bad = _parse(handle.read().decode("utf-8", errors="replace"))
                refused = write(records) if records else []
                bad += [_encode({"kind": kind, "row": row}).rstrip("\n") for kind, row in refused]
                if bad:
                    self._keep_bad(bad)
                handle.seek(0)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return len(records)

    def _keep_bad(self, lines: list[str]) -> None:
        bad_path = self.path.with_name(self.path.name + ".bad")
        with open(bad_path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        log.error("%d unreadable or refused spool line(s) kept in %s", len(lines), bad_path)


def _parse(text: str) -> tuple[list[tuple[str, dict]], list[str]]:
    records, bad = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            records.append(_decode(line))
        except (ValueError, KeyError, TypeError):
            bad.append(line)
    return records, bad
