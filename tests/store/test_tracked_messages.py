"""Tracked thread messages (Slack threads, Teams reply chains) on SQLite and PostgreSQL."""

import logging
from datetime import timedelta

from sqlalchemy import func, select

from bot.core.conversation import Message
from bot.store import Store
from bot.store.models import tracked_messages
from bot.store.retention import purge
from bot.store.tracking import ThreadLog, stored_text

CARD = "my card is 4111 1111 1111 1111, mail jane@example.com"


def _add(store, thread, message_id, ts, role="customer", author="U1", text="hi", **kw):
    return store.add_tracked_message(
        kw.pop("kind", "slack"),
        thread,
        message_id,
        role,
        text,
        ts=ts,
        author=author,
        channel=kw.pop("channel", "C1"),
        **kw,
    )


def _count(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(tracked_messages)).scalar()


def test_add_is_idempotent_per_channel_kind_thread_and_message(store):
    assert _add(store, "C1:1.000000", "1.000000", 1.0, workspace="T1") is True
    assert _add(store, "C1:1.000000", "1.000000", 1.0, text="again") is False  # a redelivery
    assert _add(store, "C1:2.000000", "1.000000", 1.0) is True  # another thread
    assert _add(store, "C1:1.000000", "1.000000", 1.0, kind="teams") is True  # another channel
    assert _count(store) == 3
    [row] = store.tracked_thread("slack", "C1:1.000000")
    assert (row["text"], row["role"], row["author"]) == ("hi", "customer", "U1")


def test_load_returns_the_last_messages_oldest_first_by_ts(store):
    for ts in (3.0, 1.0, 5.0, 2.0, 4.0):  # out of order, as Slack may deliver them
        _add(store, "C1:1.000000", f"{ts:.6f}", ts, text=f"m{ts:g}")
    _add(store, "C1:9.000000", "9.000000", 9.0, text="other thread")
    rows = store.tracked_thread("slack", "C1:1.000000", limit=3)
    assert [r["text"] for r in rows] == ["m3", "m4", "m5"]
    assert [r["text"] for r in store.tracked_thread("slack", "C1:1.000000")] == [
        "m1",
        "m2",
        "m3",
        "m4",
        "m5",
    ]
    assert store.tracked_thread("slack", "C1:404") == []


def test_latest_thread_is_the_most_recently_active_one_the_user_wrote_in(store):
    _add(store, "C1:1.000000", "1.000000", 1.0, author="U_CUST")
    _add(store, "C1:1.000000", "1.100000", 1.1, author="U_AGENT", role="agent")
    _add(store, "C1:2.000000", "2.000000", 2.0, author="U_CUST2")
    _add(store, "C1:2.000000", "2.100000", 2.1, author="U_AGENT", role="agent")
    _add(store, "C2:3.000000", "3.000000", 3.0, author="U_AGENT", channel="C2")
    _add(store, "C1:1.000000", "1.200000", 1.2, author="U_CUST")  # thread 1 active again
    assert store.latest_tracked_thread("slack", "C1", "U_AGENT") == "C1:1.000000"
    assert store.latest_tracked_thread("slack", "C2", "U_AGENT") == "C2:3.000000"
    assert store.latest_tracked_thread("slack", "C1", "U_NOBODY") is None
    assert store.latest_tracked_thread("teams", "C1", "U_AGENT") is None


def test_retention_purges_old_tracked_messages(store):
    _add(store, "C1:1.000000", "1.000000", 1.0)
    _add(store, "C1:1.000000", "2.000000", 2.0)
    with store.writing() as connection:
        connection.execute(
            tracked_messages.update()
            .where(tracked_messages.c.message_id == "1.000000")
            .values(created_at=tracked_messages.c.created_at - timedelta(days=40))
        )
    from bot.store.records import utcnow

    result = purge(store, utcnow() - timedelta(days=30), "retention")
    assert result.other_deleted == 1
    assert [r["message_id"] for r in store.tracked_thread("slack", "C1:1.000000")] == ["2.000000"]


def test_thread_log_follows_mot_log_content(store):
    message = Message(role="customer", text=CARD, ts=1.0, author="U1")
    for mode in ("full", "redacted", "none"):
        ThreadLog(store, "slack", mode).add(f"C1:{mode}", message, "1.000000", channel="C1")
    full, redacted, none = (
        store.tracked_thread("slack", f"C1:{mode}")[0]["text"]
        for mode in ("full", "redacted", "none")
    )
    assert full == CARD
    assert redacted == stored_text(CARD, "redacted")
    assert "4111" not in redacted and "jane@example.com" not in redacted
    assert none is None
    # what the coach gets back: redacted text; with `none` no text, but the participants
    restored = ThreadLog(store, "slack", "redacted").load("C1:redacted", 50)
    assert [m.text for m in restored.messages] == [redacted]
    bare = ThreadLog(store, "slack", "none").load("C1:none", 50)
    assert bare.messages == [] and bare.authors == {"U1"}
    assert ThreadLog(store, "slack").load("C1:404", 50) is None


def test_thread_log_degrades_to_nothing_when_the_database_is_down(tmp_path, caplog):
    down = Store(f"sqlite:///{tmp_path}/missing/dir/log.db")
    thread_log = ThreadLog(down, "teams")
    message = Message(role="customer", text="hello", ts=1.0, author="29:c")
    with caplog.at_level(logging.WARNING, logger="bot.store.tracking"):
        assert thread_log.add("chain", message, "a1") is False
        assert thread_log.load("chain", 50) is None
        assert thread_log.latest_thread("19:c", "29:c") is None
    assert sum("memory only" in r.getMessage() for r in caplog.records) == 1  # once an outage
    down.close()
