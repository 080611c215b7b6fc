"""The Store: one database behind the suggestion log, its writes, and its schema.

Writes are idempotent by uid, so a record replayed from the spool twice is stored once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from importlib import import_module

from sqlalchemy import Connection, func, or_, select, text, update
from sqlalchemy.engine import URL

from bot.store import migrate
from bot.store.database import WRITE, create_database_engine, database_url, shown_url
from bot.store.models import (
    audit_log,
    conversation_references,
    events,
    nudge_states,
    outcomes,
    processed_events,
    tracked_messages,
)
from bot.store.records import utcnow


class Store:
    def __init__(self, url: str | URL, busy_timeout_ms: int = 5000):
        self.url = url if isinstance(url, URL) else database_url(url)
        self.engine = create_database_engine(self.url, busy_timeout_ms)
        self.dialect = self.url.get_backend_name()
        self._schema_ready = False
        self._schema_lock = threading.Lock()
        # SQLite has one writer at a time. Threads of this process queue for it here, and are
        # woken as soon as it is free, rather than in SQLite's busy handler, which sleeps up to
        # 100 ms between tries (what a slash command's once-only claim waited in its ack).
        self._write_turn = (
            threading.RLock() if self.dialect == "sqlite" else contextlib.nullcontext()
        )

    def __repr__(self) -> str:
        return f"Store({self.shown_url!r})"

    @property
    def shown_url(self) -> str:
        return shown_url(self.url)

    @property
    def sqlite_path(self) -> str | None:
        return self.url.database if self.dialect == "sqlite" else None

    def ensure_schema(self) -> None:
        """Migrate to the newest schema once per process; raises if the database is down."""
        if self._schema_ready:
            return
        with self._schema_lock:
            if not self._schema_ready:
                if not migrate.is_current(self.engine):
                    migrate.upgrade(self.engine)
                self._schema_ready = True

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with self._write_turn, self.engine.connect() as connection:
            connection.execution_options(**WRITE)
            with connection.begin():
                yield connection

    def _insert(self, table):
        # the dialect's module loads only for the database in use (a CLI run pays for one)
        dialect = "postgresql" if self.dialect == "postgresql" else "sqlite"
        return import_module(f"sqlalchemy.dialects.{dialect}").insert(table)

    def insert_events(self, rows: list[dict]) -> None:
        """Insert many coaching events in one transaction (imports, benchmarks, tests); ones
        already stored are skipped. Unlike `write_records` it does not count them: RETURNING
        makes a bulk insert several times slower on PostgreSQL."""
        if rows:
            statement = self._insert(events).on_conflict_do_nothing(index_elements=["uid"])
            with self.writing() as connection:
                connection.execute(statement, rows)

    def write_records(self, records: Iterable[tuple[str, dict]]) -> int:
        """Events and outcomes in one transaction; returns how many were new.

        Written in bulk (a few statements for any number of records): the events, then the
        outcomes, then what the new outcomes change on their events, in order. "Shown" only
        fills an empty outcome, so applying those together first ends as strict order would.
        """
        event_rows: list[dict] = []
        outcome_rows: list[dict] = []
        for kind, row in records:
            if kind not in ("event", "outcome"):
                raise ValueError(f"unknown record kind {kind!r}")
            (event_rows if kind == "event" else outcome_rows).append(row)
        with self.writing() as connection:
            new_events = self._insert_new(connection, events, event_rows)
            new_outcomes = self._insert_new(connection, outcomes, outcome_rows)
            applied = [row for row in outcome_rows if row["uid"] in new_outcomes]
            plain_shown = [row for row in applied if _plain_shown(row)]
            if plain_shown:
                shown_events = events.c.uid.in_({row["event_uid"] for row in plain_shown})
                connection.execute(
                    update(events)
                    .where(shown_events & events.c.outcome.is_(None))
                    .values(outcome="shown")
                )
            for row in applied:
                if not _plain_shown(row):
                    _apply_outcome(connection, row)
        return len(new_events) + len(new_outcomes)

    def _insert_new(self, connection: Connection, table, rows: list[dict]) -> set[str]:
        """Insert the rows whose uid is not stored yet; the uids really added."""
        if not rows:
            return set()
        statement = self._insert(table).on_conflict_do_nothing(index_elements=["uid"])
        return set(connection.execute(statement.returning(table.c.uid), rows).scalars())

    def claim_delivery(self, key: str, source: str) -> bool:
        """True for the first delivery of `key`, in any process; False for every repeat."""
        statement = self._insert(processed_events).on_conflict_do_nothing(index_elements=["key"])
        with self.writing() as connection:
            return (
                _inserted(
                    connection,
                    statement,
                    {"key": key[:255], "source": source[:16], "created_at": utcnow()},
                )
                == 1
            )

    def allow_nudge(
        self,
        conversation_key: str,
        level: str,
        cooldown_seconds: float,
        now: datetime | None = None,
    ) -> bool:
        """True (and recorded) when the conversation may be nudged now: its cooldown has passed,
        or it has just risen to `escalate`. Atomic across processes."""
        now = now or utcnow()
        key = conversation_key[:255]
        threshold = now - timedelta(seconds=cooldown_seconds)
        with self.writing() as connection:
            rising = nudge_states.c.last_level != "escalate" if level == "escalate" else False
            result = connection.execute(
                update(nudge_states)
                .where(nudge_states.c.conversation_key == key)
                .where(or_(nudge_states.c.last_nudged_at <= threshold, rising))
                .values(last_nudged_at=now, last_level=level, nudges=nudge_states.c.nudges + 1)
            )
            if result.rowcount:
                return True
            statement = self._insert(nudge_states).on_conflict_do_nothing(
                index_elements=["conversation_key"]
            )
            return (
                _inserted(
                    connection,
                    statement,
                    {
                        "conversation_key": key,
                        "last_nudged_at": now,
                        "last_level": level,
                        "nudges": 1,
                    },
                )
                == 1
            )

    def audit(
        self, actor: str, action: str, target: str | None = None, detail: dict | None = None
    ) -> None:
        with self.writing() as connection:
            connection.execute(
                audit_log.insert().values(
                    created_at=utcnow(),
                    actor=actor[:128],
                    action=action[:32],
                    target=None if target is None else target[:255],
                    detail=detail,
                )
            )

    # --- tracked thread messages (Slack threads, Teams reply chains) ---

    def add_tracked_message(
        self,
        channel_kind: str,
        thread_key: str,
        message_id: str,
        role: str,
        text: str | None,
        *,
        workspace: str | None = None,
        channel: str | None = None,
        ts: float | None = None,
        author: str | None = None,
    ) -> bool:
        """Store one message of a tracked thread; False if it was already stored (a redelivery).
        `text` is stored as given: callers apply MOT_LOG_CONTENT (see bot.store.tracking)."""
        statement = self._insert(tracked_messages).on_conflict_do_nothing(
            index_elements=["channel_kind", "thread_key", "message_id"]
        )
        row = {
            "created_at": utcnow(),
            "channel_kind": channel_kind[:16],
            "workspace": None if workspace is None else workspace[:128],
            "channel": None if channel is None else channel[:128],
            "thread_key": thread_key[:255],
            "message_id": message_id[:255],
            "ts": ts,
            "role": role[:16],
            "author": None if author is None else author[:128],
            "text": text,
        }
        with self.writing() as connection:
            return _inserted(connection, statement, row) == 1

    def tracked_thread(self, channel_kind: str, thread_key: str, limit: int = 50) -> list[dict]:
        """The thread's last `limit` messages, oldest first (by ts, then arrival)."""
        t = tracked_messages
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(t.c.message_id, t.c.ts, t.c.role, t.c.author, t.c.text, t.c.created_at)
                .where(t.c.channel_kind == channel_kind, t.c.thread_key == thread_key[:255])
                .order_by(t.c.ts.desc().nulls_last(), t.c.id.desc())
                .limit(limit)
            )
            return [dict(row._mapping) for row in reversed(rows.all())]

    def latest_tracked_thread(self, channel_kind: str, channel: str, author: str) -> str | None:
        """The thread key of the most recently active thread in `channel` that `author` wrote
        in, or None."""
        t = tracked_messages
        mine = (
            select(t.c.thread_key)
            .where(t.c.channel_kind == channel_kind, t.c.channel == channel, t.c.author == author)
            .distinct()
        )
        with self.engine.connect() as connection:
            return connection.execute(
                select(t.c.thread_key)
                .where(t.c.channel_kind == channel_kind, t.c.thread_key.in_(mine))
                .group_by(t.c.thread_key)
                .order_by(func.max(t.c.id).desc())
                .limit(1)
            ).scalar()

    # --- conversation references (proactive messages) ---

    def save_conversation_reference(
        self,
        channel_kind: str,
        key: str,
        reference: dict,
        *,
        tenant: str | None = None,
        service_url: str | None = None,
    ) -> None:
        """Store (or replace) the serialized conversation reference for (`channel_kind`, `key`)."""
        row = {
            "channel_kind": channel_kind[:16],
            "key": key[:255],
            "tenant": None if tenant is None else tenant[:128],
            "service_url": None if service_url is None else service_url[:512],
            "reference": reference,
            "updated_at": utcnow(),
        }
        insert = self._insert(conversation_references).values(row)
        statement = insert.on_conflict_do_update(
            index_elements=["channel_kind", "key"],
            set_={
                "tenant": insert.excluded.tenant,
                "service_url": insert.excluded.service_url,
                "reference": insert.excluded.reference,
                "updated_at": insert.excluded.updated_at,
            },
        )
        with self.writing() as connection:
            connection.execute(statement)

    def conversation_reference(self, channel_kind: str, key: str) -> dict | None:
        """The stored row (tenant, service_url, reference, updated_at) for the key, or None."""
        t = conversation_references
        with self.engine.connect() as connection:
            row = connection.execute(
                select(t.c.key, t.c.tenant, t.c.service_url, t.c.reference, t.c.updated_at).where(
                    t.c.channel_kind == channel_kind[:16], t.c.key == key[:255]
                )
            ).first()
        return dict(row._mapping) if row else None

    def audit_entries(self, limit: int = 100) -> list[dict]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
            )
            return [dict(row._mapping) for row in rows]


def _inserted(connection: Connection, statement, params) -> int:
    """Rows an INSERT ... ON CONFLICT DO NOTHING really added (RETURNING, which both
    databases support; rowcount is not reliable for it on every driver)."""
    key = next(iter(statement.table.primary_key.columns))
    return len(connection.execute(statement.returning(key), params).all())


def _plain_shown(row: dict) -> bool:
    return row["kind"] == "shown" and row.get("rating") is None and not row.get("comment")


def _apply_outcome(connection: Connection, row: dict) -> None:
    """Keep the event's latest outcome, edit ratio, rating and comment in step."""
    kind, target = row["kind"], events.c.uid == row["event_uid"]
    values: dict = {}
    if kind == "shown":
        target = target & events.c.outcome.is_(None)
        values["outcome"] = "shown"
    elif kind in ("used", "edited", "dismissed"):
        values["outcome"] = kind
        if kind != "dismissed":
            values["edit_ratio"] = row["edit_ratio"] if kind == "edited" else 0.0
    if row.get("rating") is not None:
        values["rating"] = row["rating"]
    if row.get("comment"):
        values["comment"] = row["comment"]
    if values:
        connection.execute(update(events).where(target).values(**values))
