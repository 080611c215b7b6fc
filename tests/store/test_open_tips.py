"""The log's open tips for a thread and agent: what acceptance without clicks reads back."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.store import Store
from bot.store.models import events
from bot.store.records import utcnow
from bot.store.tips import LoggedTip, TipLog, open_tips
from tests.store_helpers import event_row

THREAD = "slack:C1:1700000000.000100"


def tip(minutes_ago: float, **overrides) -> dict:
    values = {
        "conversation_id": THREAD,
        "agent": "U_ANA",
        "outcome": "shown",
        "created_at": utcnow() - timedelta(minutes=minutes_ago),
    }
    return event_row(**values | overrides)


def test_open_tips_are_recent_shown_and_the_agents_own_newest_first(database_url):
    store = Store(database_url)
    store.ensure_schema()
    wanted = [tip(minutes, uid=f"{minutes:032d}") for minutes in (1, 2, 3, 4, 5, 6)]
    store.insert_events(
        [
            *wanted,
            tip(0, agent="U_BOB"),
            tip(0, conversation_id="slack:C1:other"),
            tip(0, outcome="used"),
            tip(0, outcome=None),  # logged, never shown
            tip(25 * 60),  # a day old: no longer what the reply answers
        ]
    )
    found = open_tips(store, THREAD, "U_ANA")
    assert [t.uid for t in found] == [row["uid"] for row in wanted[:5]]
    assert found[0] == LoggedTip(
        wanted[0]["uid"], ["Let me refund that now."], "billing-dispute", "redacted"
    )
    store.close()


def test_suggestions_without_text_keep_their_places(database_url):
    store = Store(database_url)
    store.ensure_schema()
    row = tip(1, suggestions=[{"text": None, "why": "w"}, {"text": "Refunded.", "why": "w"}])
    store.insert_events([row])
    (found,) = open_tips(store, THREAD, "U_ANA")
    assert found.suggestions == ["", "Refunded."]
    store.close()


def test_the_lookup_uses_the_conversation_index(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/plan.db")
    store.ensure_schema()
    statement = select(events.c.uid).where(
        events.c.conversation_id == THREAD,
        events.c.agent == "U_ANA",
        events.c.outcome == "shown",
        events.c.created_at >= utcnow(),
    )
    compiled = statement.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    assert "ix_coaching_events_conversation_agent" in str(plan)
    store.close()


def test_tip_log_down_answers_nothing_and_warns_once(tmp_path, caplog):
    gone = TipLog(Store(f"sqlite:///{tmp_path}/missing/log.db"), retry_after=60)
    assert gone.open(THREAD, "U_ANA") == []
    assert gone.open(THREAD, "U_ANA") == []  # backing off: not even tried
    assert caplog.text.count("the log is unreachable for open tips") == 1
    gone.store.close()
