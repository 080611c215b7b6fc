"""Every store path goes through one outage guard: while the database is down it answers its
fallback, warns once per outage, and works again as soon as the database is back. On SQLite
(a write lock held elsewhere; a file that is not a database) and on PostgreSQL (a proxy the test
cuts)."""

from __future__ import annotations

import logging

import pytest
from prometheus_client import REGISTRY

from bot.core.conversation import Message
from bot.store import Spool, Store, StoreSink
from bot.store.deliveries import Deliveries
from bot.store.outage import OutageGuard
from bot.store.tips import TipLog
from bot.store.tracking import ThreadLog
from tests.store_helpers import database_with_outage, event_row

MESSAGE = Message(role="customer", text="still no refund", ts=1.0, author="U_C")


@pytest.fixture(params=["sqlite", "postgresql"])
def outage(request, tmp_path):
    with database_with_outage(request.param, tmp_path) as found:
        yield found


def _errors(operation: str) -> float:
    return REGISTRY.get_sample_value("mot_store_errors_total", {"operation": operation}) or 0.0


def _warnings(caplog, text: str) -> int:
    return sum(text in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


async def test_a_write_path_degrades_warns_once_and_recovers(outage, caplog):
    url, take_down, bring_back = outage
    store = Store(url, busy_timeout_ms=200)
    store.ensure_schema()
    thread_log = ThreadLog(store, "slack", retry_after=0)  # try the database on every call
    deliveries = Deliveries(store, "slack", retry_after=0)
    errors = _errors("store_tracked_message")
    take_down()
    with caplog.at_level(logging.INFO, logger="bot.store"):
        for n in range(3):
            assert thread_log.add("C1:1", MESSAGE, f"m{n}") is False
            assert await deliveries.first(f"slack:event:{n}") is True  # handled, not lost
            assert await deliveries.allow_nudge("C1:1", "watch", 900) is (n == 0)  # in memory
        assert _errors("store_tracked_message") == errors + 3  # each attempt counted
        assert _warnings(caplog, "tracked slack messages") == 1  # one warning per outage
        assert _warnings(caplog, "delivery ids") == 1
        assert _warnings(caplog, "nudge cooldowns") == 1

        bring_back()
        assert thread_log.add("C1:1", MESSAGE, "m-back") is True
        assert await deliveries.first("slack:event:back") is True
        assert await deliveries.first("slack:event:back") is False  # deduped through the log
        assert "reachable again: tracked slack messages" in caplog.text
    assert [m.text for m in thread_log.load("C1:1", 10).messages] == ["still no refund"]
    store.close()


def test_while_backing_off_the_database_is_not_even_tried(outage, caplog):
    url, take_down, bring_back = outage
    store = Store(url, busy_timeout_ms=200)
    store.ensure_schema()
    thread_log = ThreadLog(store, "teams", retry_after=3600)
    take_down()
    errors = _errors("store_tracked_message")
    assert thread_log.add("chain", MESSAGE, "a1") is False
    bring_back()
    assert thread_log.add("chain", MESSAGE, "a2") is False  # still backing off
    assert _errors("store_tracked_message") == errors + 1
    store.close()


def test_the_sink_spools_every_record_but_warns_once_per_outage(outage, tmp_path, caplog):
    url, take_down, bring_back = outage
    store = Store(url, busy_timeout_ms=200)
    store.ensure_schema()
    sink = StoreSink(store, Spool(tmp_path / "spool.jsonl"))
    take_down()
    with caplog.at_level(logging.INFO, logger="bot.store.sink"):
        for _ in range(3):
            sink._write([("event", event_row())])
        assert sink.spool.pending() == 3
        assert _warnings(caplog, "coaching records") == 1
        bring_back()
        sink._write([("event", event_row())])
        assert sink.spool.pending() == 0
        assert "reachable again: coaching records" in caplog.text
    store.close()


async def test_reads_fall_back_when_postgres_is_cut(tmp_path, caplog):
    with database_with_outage("postgresql", tmp_path) as (url, take_down, bring_back):
        store = Store(url, busy_timeout_ms=200)
        store.ensure_schema()
        thread_log, tips = ThreadLog(store, "slack", retry_after=0), TipLog(store, retry_after=0)
        assert thread_log.add("C1:2", MESSAGE, "m1", channel="C1") is True
        take_down()
        with caplog.at_level(logging.WARNING, logger="bot.store"):
            assert thread_log.load("C1:2", 10) is None
            assert thread_log.latest_thread("C1", "U_C") is None
            assert tips.open("C1:2", "U_A") == [] and tips.open("C1:2", "U_A") == []
        assert _warnings(caplog, "open tips") == 1 and _warnings(caplog, "tracked slack") == 1
        bring_back()
        assert thread_log.latest_thread("C1", "U_C") == "C1:2"
        store.close()


def test_a_file_that_is_not_a_database_degrades_every_read(tmp_path, caplog):
    path = tmp_path / "log.db"
    path.write_bytes(b"this is not a SQLite database, but a restore gone wrong" * 100)
    store = Store(f"sqlite:///{path}", busy_timeout_ms=200)
    thread_log, tips = ThreadLog(store, "slack", retry_after=0), TipLog(store, retry_after=0)
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        assert thread_log.add("C1:1", MESSAGE, "m1") is False
        assert thread_log.load("C1:1", 10) is None
        assert tips.open("C1:1", "U_A") == []
    assert _warnings(caplog, "not a database") == 2  # one per path, naming the cause
    store.close()


def test_no_store_answers_the_fallback_silently(caplog):
    guard = OutageGuard(None, logging.getLogger("bot.store.test"), "things", "doing without")
    with caplog.at_level(logging.INFO):
        assert guard.run("read_things", lambda: 1 / 0, default="fallback") == "fallback"
    assert caplog.records == []
