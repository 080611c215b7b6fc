"""The log write of a command that coaches once and exits (`mot-coach tip`), on a SQLite file,
with the standard library's sqlite3 instead of SQLAlchemy.

Loading SQLAlchemy takes a one-off command longer than all of its coaching, so the one row is
written as the Store would write it (same columns and encoding, BEGIN IMMEDIATE, WAL) when
nothing needs the Store's care: the file exists at the newest schema and no records wait in the
spool. Otherwise (a new or older database, records to replay, a database locked for longer than
the busy timeout) the result goes to the full StoreSink, which migrates, replays and spools as
always. tests/store/test_direct.py checks that both write the same row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from bot.store.records import event_row
from bot.store.revision import HEAD
from bot.store.spool import Spool

# The coaching_events columns of SQLAlchemy's JSON type, which stores None as the text 'null'.
JSON_COLUMNS = frozenset({"escalation_reasons", "excerpt", "suggestions", "coaching", "summary"})
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
_PREFIX = "sqlite:///"


def sqlite_file(url: str) -> str | None:
    """The file of a plain `sqlite:///PATH` URL; None for anything else (PostgreSQL, a driver
    name, in-memory, URL options or escapes), which only the full Store reads."""
    url = url.strip()
    path = url[len(_PREFIX) :] if url.startswith(_PREFIX) else ""
    if not path or path == ":memory:" or "?" in path or "%" in path:
        return None
    return path


def encoded(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS:
        return json.dumps(value)
    if column == "created_at":
        return value.strftime(DATETIME_FORMAT)
    return value


class DirectSQLiteSink:
    """A sink for one command's results: written straight to `path` when it can, otherwise
    by the sink `full()` builds (a StoreSink)."""

    def __init__(
        self,
        path: str,
        spool: Spool,
        content_mode: str,
        full: Callable[[], Any],
        busy_timeout_ms: int = 5000,
    ):
        self.path = path
        self.spool = spool
        self.content_mode = content_mode
        self.full = full
        self.busy_timeout_ms = busy_timeout_ms

    def record(self, result: Any, shown_to: str | None = None) -> None:
        if shown_to is None and not self.spool.has_pending():
            row = event_row(result, self.content_mode)
            # the full sink, if it has to take over, logs the result under the same uid
            result.context["log_id"] = row["uid"]
            if self._insert(row):
                return
        self.full().record(result, shown_to)

    def _insert(self, row: dict) -> bool:
        """True once the row is committed; False when the full Store has to write it."""
        if not Path(self.path).is_file():  # sqlite3 would create an empty database
            return False
        columns = ", ".join(f'"{name}"' for name in row)
        values = ", ".join("?" for _ in row)
        insert = (
            f"INSERT INTO coaching_events ({columns}) VALUES ({values})"
            " ON CONFLICT (uid) DO NOTHING"
        )
        parameters = [encoded(name, value) for name, value in row.items()]
        try:
            connection = sqlite3.connect(
                self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None
            )
            with closing(connection):  # closed with a transaction open, it rolls back
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("BEGIN IMMEDIATE")
                version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if version != (HEAD,):
                    return False
                connection.execute(insert, parameters)
                connection.execute("COMMIT")
        except sqlite3.Error:
            return False
        return True
