"""Retention on SQLite and PostgreSQL: purge by age, on demand and on serve's schedule; every
purge is recorded."""

import asyncio
import os
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import func, select

from bot.store.models import audit_log, events, nudge_states, outcomes, processed_events
from bot.store.queries import list_purges
from bot.store.records import outcome_row, utcnow
from bot.store.retention import count_older, cutoff_for, purge
from tests.store_helpers import event_row


def _seed(store, now):
    old, new = event_row(created_at=now - timedelta(days=40)), event_row(created_at=now)
    store.insert_events([old, new])
    store.write_records(
        [
            ("outcome", outcome_row(old["uid"], "used", now=now - timedelta(days=39))),
            ("outcome", outcome_row(old["uid"], "rated", rating=1, now=now)),  # late, still goes
            ("outcome", outcome_row(new["uid"], "shown", now=now)),
        ]
    )
    store.claim_delivery("Ev-old", "slack")
    store.allow_nudge("T1:C1:old", "watch", 60, now=now - timedelta(days=35))
    store.allow_nudge("T1:C1:new", "watch", 60, now=now)
    with store.writing() as connection:
        connection.execute(processed_events.update().values(created_at=now - timedelta(days=31)))
    store.audit("alice", "view", "event:1")
    return old, new


def _counts(store):
    with store.engine.connect() as connection:
        return {
            t.name: connection.execute(select(func.count()).select_from(t)).scalar()
            for t in (events, outcomes, processed_events, nudge_states, audit_log)
        }


def test_purge_removes_only_what_is_older_and_is_recorded(store):
    now = utcnow()
    _, new = _seed(store, now)
    cutoff = cutoff_for(30, now=now)
    assert count_older(store, cutoff) == 1
    result = purge(store, cutoff, reason="manual", actor="cli:root")
    assert (result.events_deleted, result.outcomes_deleted, result.other_deleted) == (1, 2, 2)
    assert _counts(store) == {
        "coaching_events": 1,
        "coaching_outcomes": 1,
        "processed_events": 0,
        "nudge_states": 1,
        "audit_log": 1,
    }
    with store.engine.connect() as connection:
        assert connection.execute(select(events.c.uid)).scalar() == new["uid"]
    [record] = list_purges(store)
    assert (record["reason"], record["actor"], record["events_deleted"]) == (
        "manual",
        "cli:root",
        1,
    )
    assert abs(record["cutoff"] - cutoff) < timedelta(seconds=1)


def test_an_empty_scheduled_purge_is_not_recorded_but_a_manual_one_is(store):
    cutoff = cutoff_for(30)
    assert purge(store, cutoff, reason="retention", record_empty=False).recorded is False
    assert purge(store, cutoff, reason="manual").recorded is True
    assert [p["reason"] for p in list_purges(store)] == ["manual"]


def _mot(url, *args):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "MOT_DATABASE_URL": url},
        timeout=60,
    )


def test_logs_purge_command(store, database_url):
    _seed(store, utcnow())
    dry = _mot(database_url, "logs", "purge", "--older-than", "30d", "--dry-run")
    assert dry.returncode == 0 and "would delete 1 event(s)" in dry.stdout
    assert _counts(store)["coaching_events"] == 2
    run = _mot(database_url, "logs", "purge", "--older-than", "30")
    assert run.returncode == 0, run.stderr
    assert "deleted 1 event(s), 2 outcome(s)" in run.stdout and "recorded" in run.stdout
    assert _counts(store)["coaching_events"] == 1
    assert list_purges(store)[0]["actor"].startswith("cli")
    assert store.audit_entries()[0]["action"] == "purge"
    bad = _mot(database_url, "logs", "purge", "--older-than", "soon")
    assert bad.returncode == 2 and "not a number of days" in bad.stderr


async def test_serve_applies_retention_on_its_schedule(store, database_url, tmp_path):
    from aiohttp.test_utils import TestClient, TestServer

    from bot.config import Settings
    from bot.web.app import create_app

    _seed(store, utcnow())
    settings = Settings(
        mot_database_url=database_url,
        mot_retention_days=30,
        mot_spool_path=tmp_path / "spool.jsonl",
    )
    async with TestClient(TestServer(create_app(settings))) as client:
        assert (await client.get("/healthz")).status == 200
        for _ in range(200):  # the first round runs at start-up, in the background
            if list_purges(store):
                break
            await asyncio.sleep(0.05)
    [record] = list_purges(store)
    assert (record["reason"], record["actor"], record["events_deleted"]) == (
        "retention",
        "serve",
        1,
    )
    assert _counts(store)["coaching_events"] == 1
