"""A database outage: tips are still answered, records wait in the spool, and when the database
is back they are replayed, in order, with nothing lost. On SQLite (a locked file) and on
PostgreSQL (a proxy in front of the real server that the test cuts)."""

import json
import os
import subprocess
import sys

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import func, select

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.store import Spool, Store, StoreSink
from bot.store.models import events, outcomes
from tests.store_helpers import database_with_outage, event_row


@pytest.fixture(params=["sqlite", "postgresql"])
def outage(request, tmp_path):
    with database_with_outage(request.param, tmp_path) as found:
        yield found


@pytest.fixture
def postgres_outage(tmp_path):
    with database_with_outage("postgresql", tmp_path) as found:
        yield found


def _count(store, table):
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def _metric(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_outage_spools_and_replays_everything_in_order(outage, tmp_path, playbooks):
    url, take_down, bring_back = outage
    store = Store(url, busy_timeout_ms=200)
    sink = StoreSink(store, Spool(tmp_path / "spool.jsonl"), content_mode="redacted")
    coach = Coach(playbooks, sink=sink)
    errors_before = _metric("mot_store_errors_total", operation="write_event")

    take_down()
    results = [
        coach.coach(
            Conversation(id=f"c{n}").add("customer", "I was charged twice"),
            context={"channel_kind": "slack", "channel": "C1"},
        )
        for n in range(5)
    ]
    assert all(len(r.suggestions) == 3 for r in results)  # every tip still answered
    sink.record_outcome(results[0].context["log_id"], "used", suggestion_index=1)
    assert sink.spool.pending() == 6
    assert _metric("mot_store_errors_total", operation="write_event") == errors_before + 5

    bring_back()
    later = coach.coach(Conversation(id="after").add("customer", "Where is my order?"))
    assert sink.spool.pending() == 0
    with store.engine.connect() as connection:
        stored = connection.execute(
            select(events.c.uid, events.c.outcome).order_by(events.c.id)
        ).all()
        outcome_rows = connection.execute(select(func.count()).select_from(outcomes)).scalar()
    expected = [r.context["log_id"] for r in results] + [later.context["log_id"]]
    assert [uid for uid, _ in stored] == expected  # all of them, the spooled ones first
    assert stored[0].outcome == "used" and outcome_rows == 1
    store.close()


def test_replaying_twice_stores_once(store, tmp_path):
    spool = Spool(tmp_path / "spool.jsonl")
    row = event_row()
    spool.append("event", row)
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(spool.path.read_bytes())
    assert StoreSink(store, spool).replay_spool() == 1
    assert StoreSink(store, Spool(copy)).replay_spool() == 1  # a crash before truncating
    assert _count(store, events) == 1


def test_a_record_the_database_refuses_is_set_aside_not_lost(store, tmp_path):
    sink = StoreSink(store, Spool(tmp_path / "spool.jsonl"))
    good, bad = event_row(), event_row(conversation_id=None)  # NOT NULL violation
    sink.spool.append("event", bad)
    sink.spool.append("event", good)
    with open(sink.spool.path, "a") as handle:
        handle.write('{"kind": "event", "row": {"uid": "cut-short-by-a-cr')  # a torn write
    assert sink.replay_spool() == 2
    assert _count(store, events) == 1 and sink.spool.pending() == 0
    kept = (tmp_path / "spool.jsonl.bad").read_text().splitlines()
    assert len(kept) == 2 and any("cut-short" in line for line in kept)
    assert bad["uid"] in [json.loads(line)["row"]["uid"] for line in kept if "cut" not in line]


def _tip(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        input="Customer: I was charged twice for my order",
    )


def test_tip_is_answered_while_the_database_is_down_and_logged_later(tmp_path):
    """SQLite: the database's folder is not there yet (e.g. a volume not mounted)."""
    env = {
        "MOT_DATABASE_URL": f"sqlite:///{tmp_path}/data/log.db",
        "MOT_SPOOL_PATH": str(tmp_path / "spool.jsonl"),
    }
    run = _tip(env, "tip", "-")
    assert run.returncode == 0 and run.stdout.count("Why:") == 3
    assert "unreachable" in run.stderr and "spool.jsonl" in run.stderr
    assert "Traceback" not in run.stderr
    assert Spool(tmp_path / "spool.jsonl").pending() == 1

    (tmp_path / "data").mkdir()
    again = _tip(env, "tip", "-")
    assert again.returncode == 0 and again.stderr == ""
    store = Store(env["MOT_DATABASE_URL"])
    assert _count(store, events) == 2 and Spool(tmp_path / "spool.jsonl").pending() == 0
    store.close()


def test_tip_on_postgres_down_then_db_upgrade_replays(postgres_outage, tmp_path):
    url, take_down, bring_back = postgres_outage
    env = {"MOT_DATABASE_URL": url, "MOT_SPOOL_PATH": str(tmp_path / "pg-spool.jsonl")}
    take_down()
    run = _tip(env, "tip", "-", "--json")
    assert run.returncode == 0 and len(json.loads(run.stdout)["suggestions"]) == 3
    list_run = _tip(env, "logs", "list")
    assert list_run.returncode == 2 and "cannot reach the suggestion log" in list_run.stderr
    assert "Traceback" not in list_run.stderr
    bring_back()
    upgrade = _tip(env, "db", "upgrade")
    assert upgrade.returncode == 0 and "replayed 1 spooled record(s)" in upgrade.stdout
    listed = _tip(env, "logs", "list", "--json")
    assert json.loads(listed.stdout)["total"] == 1
