"""Helpers for the store and dashboard tests: databases (SQLite and PostgreSQL), sample rows."""

from __future__ import annotations

import os
import random
import sqlite3
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.store import Store
from bot.store.records import new_uid, utcnow
from tests.tcp_proxy import TcpProxy

REPO = Path(__file__).resolve().parents[1]
PG_ENV = "MOT_TEST_POSTGRES_URL"
PLAYBOOKS = ("billing-dispute", "order-status", "product-defect", "escalation-request", "praise")


def postgres_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _with_schema(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def fresh_database_url(kind: str, tmp_path) -> tuple[str, callable]:
    """(URL, cleanup) of an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path}/log.db", lambda: None
    base = postgres_url()
    if not base:
        pytest.skip(f"{PG_ENV} is not set (e.g. postgresql://postgres@127.0.0.1:5432/test)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin_url = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        # A server's last write may still be in its transaction as the test ends: PostgreSQL
        # then picks the DROP as a deadlock's victim, the write commits, and the DROP again
        # waits its turn (no sleep: the lock is the event).
        for attempt in range(5):
            try:
                with psycopg.connect(admin_url, autocommit=True) as connection:
                    connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                return
            except psycopg.errors.DeadlockDetected:
                if attempt == 4:
                    raise

    return _with_schema(base, schema), drop


def event_row(**overrides) -> dict:
    """A coaching_events row with sensible values; override any column."""
    row = {
        "uid": new_uid(),
        "created_at": utcnow(),
        "channel_kind": "slack",
        "workspace": "T1",
        "channel": "C1",
        "thread": "1700000000.0001",
        "agent": "U_ANA",
        "conversation_id": "C1:1700000000.0001",
        "trigger": "command",
        "playbook": "billing-dispute",
        "confidence": 0.8,
        "escalation_score": 0.2,
        "escalation_level": "none",
        "escalation_reasons": [],
        "content_mode": "redacted",
        "excerpt": [{"role": "customer", "text": "I was charged twice", "author": None}],
        "suggestions": [
            {"text": "Let me refund that now.", "why": "Fixes it", "source": "offline"}
        ],
        "backend": "offline",
        "model": None,
        "prompt_version": None,
        "latency_ms": 12.5,
        "tokens_prompt": None,
        "tokens_completion": None,
        "fallback": False,
        "fallback_reason": None,
        "outcome": None,
        "edit_ratio": None,
        "rating": None,
        "comment": None,
    }
    row.update(overrides)
    return row


def synthetic_rows(
    count: int, days: int = 30, seed: int = 7, now: datetime | None = None
) -> list[dict]:
    """`count` varied events spread over the last `days` days."""
    rng = random.Random(seed)
    now = now or utcnow()
    rows = []
    for _ in range(count):
        level = rng.choices(("none", "watch", "escalate"), (6, 3, 1))[0]
        rows.append(
            event_row(
                created_at=now - timedelta(seconds=rng.randrange(days * 86400)),
                channel_kind=rng.choice(("slack", "teams")),
                workspace=rng.choice(("T1", "T2")),
                channel=rng.choice(("C1", "C2", "C3")),
                agent=rng.choice(("U_ANA", "U_BEN", "U_CHO")),
                playbook=rng.choice(PLAYBOOKS),
                trigger=rng.choice(("command", "nudge", "mention")),
                escalation_level=level,
                escalation_score={"none": 0.1, "watch": 0.5, "escalate": 0.9}[level],
                outcome=rng.choice((None, "shown", "used", "edited", "dismissed")),
            )
        )
    return rows


class SqliteLock:
    """Another connection holding the write lock, as a long backup or a stuck writer would."""

    def __init__(self, path):
        self.path, self.connection = path, None

    def take_down(self):
        self.connection = sqlite3.connect(self.path, isolation_level=None)
        self.connection.execute("BEGIN EXCLUSIVE")

    def bring_back(self):
        self.connection.execute("ROLLBACK")
        self.connection.close()


@contextmanager
def database_with_outage(kind, tmp_path):
    """(URL, take_down, bring_back) for a migrated database that the test can make unreachable."""
    url, cleanup = fresh_database_url(kind, tmp_path)
    store = Store(url)
    store.ensure_schema()
    store.close()
    if kind == "sqlite":
        lock = SqliteLock(str(tmp_path / "log.db"))
        yield url, lock.take_down, lock.bring_back
    else:
        target = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
        proxy = TcpProxy(target.hostname, target.port or 5432).start()
        yield (
            url.replace(target.netloc, f"{target.username}@127.0.0.1:{proxy.port}"),
            proxy.stop,
            proxy.start,
        )
        proxy.stop()
    cleanup()
