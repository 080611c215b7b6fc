"""Follow-ups recorded per tip on SQLite and PostgreSQL, and used against ignored tips compared
with Wilson intervals; small samples are labelled, never given a verdict."""

from datetime import timedelta

from sqlalchemy import select

from bot.core.conversation import Conversation
from bot.store.effectiveness import SMALL_SAMPLE, compute_effectiveness, wilson
from bot.store.filters import LogFilter
from bot.store.follow_ups import MAX_TURNS, record_follow_ups
from bot.store.models import events, follow_ups
from bot.store.records import utcnow
from tests.store_helpers import event_row

ANGRY = "This is the third time I'm asking! I want a manager now."
CALM = "Thank you, that's brilliant, really appreciate it."
WORSE = "Still not fixed! Same problem again. I want a manager NOW or I'm cancelling."


def _thread(conversation_id: str, *turns: str) -> Conversation:
    conversation = Conversation(conversation_id).add("customer", ANGRY)
    conversation.add("agent", "I'll sort this out today.")
    for turn in turns:
        conversation.add("customer", turn)
    return conversation


def _tip(store, conversation_id: str, outcome: str, agent="U_ANA", playbook="repeat-contact"):
    row = event_row(
        conversation_id=conversation_id,
        outcome=outcome,
        agent=agent,
        playbook=playbook,
        escalation_score=0.8,
        escalation_level="escalate",
        created_at=utcnow() - timedelta(minutes=5),
    )
    store.insert_events([row])
    return row["uid"]


def _follow_up(store, uid):
    with store.engine.connect() as connection:
        return connection.execute(select(events.c.follow_up).where(events.c.uid == uid)).scalar()


def test_wilson_interval_matches_the_textbook_values():
    assert wilson(5, 10) == (0.2366, 0.7634)
    assert wilson(0, 10) == (0.0, 0.2775)
    assert wilson(0, 0) is None


def test_each_customer_turn_after_a_tip_is_recorded_up_to_three(store):
    uid = _tip(store, "slack:C1:1", "used")
    conversation = _thread("slack:C1:1", CALM)
    assert record_follow_ups(store, conversation) == 1
    state = _follow_up(store, uid)
    assert state["turns"] == 1 and state["thanked"] and not state["came_back"]
    assert 250 < state["first_reply_seconds"] < 400
    for _ in range(MAX_TURNS + 1):
        conversation.add("customer", WORSE)
        record_follow_ups(store, conversation)
    state = _follow_up(store, uid)
    assert state["turns"] == MAX_TURNS and state["came_back"] and state["thanked"]
    assert state["escalation_level"] == "escalate"  # the latest turn's
    with store.engine.connect() as connection:
        turns = connection.execute(
            select(follow_ups.c.turn).where(follow_ups.c.event_uid == uid)
        ).scalars()
        assert sorted(turns) == [1, 2, 3]
    # an agent's message, or another conversation, records nothing
    assert record_follow_ups(store, _thread("slack:C1:1").add("agent", "ok")) == 0
    assert record_follow_ups(store, _thread("slack:C9:9", CALM)) == 0


def test_small_samples_are_labelled_not_judged(store):
    _tip(store, "t-used", "used")
    _tip(store, "t-ignored", "dismissed")
    record_follow_ups(store, _thread("t-used", CALM))
    record_follow_ups(store, _thread("t-ignored", WORSE))
    found = compute_effectiveness(store, LogFilter()).to_dict()
    overall = found["overall"]
    assert overall["used"]["tips"] == 1 and overall["used"]["helped_rate"] == 1.0
    assert overall["ignored"]["helped_rate"] == 0.0 and overall["ignored"]["came_back_rate"] == 1.0
    assert overall["small_sample"] and overall["verdict"] == "small sample"
    assert [row["key"] for row in found["by_playbook"]] == ["repeat-contact"]


def test_enough_tips_give_a_verdict_with_intervals(store):
    for n in range(SMALL_SAMPLE):
        _tip(store, f"u{n}", "used" if n % 2 else "edited", playbook="billing-dispute")
        record_follow_ups(store, _thread(f"u{n}", CALM if n % 5 else WORSE))  # 16 of 20 help
        _tip(store, f"i{n}", "dismissed", agent="U_BOB", playbook="billing-dispute")
        record_follow_ups(store, _thread(f"i{n}", WORSE if n % 4 else CALM))  # 5 of 20 help
    found = compute_effectiveness(store, LogFilter()).to_dict()
    billing = found["by_playbook"][0]
    assert billing["used"]["helped"] == 16 and billing["ignored"]["helped"] == 5
    assert billing["used"]["helped_ci95"] == list(wilson(16, 20)) or billing["used"][
        "helped_ci95"
    ] == wilson(16, 20)
    assert billing["verdict"] == "used tips helped more" and not billing["small_sample"]
    agents = {row["key"]: row for row in found["by_agent"]}
    assert agents["U_ANA"]["used"]["tips"] == 20 and agents["U_ANA"]["ignored"]["tips"] == 0
    assert agents["U_ANA"]["verdict"] == "small sample"
    filtered = compute_effectiveness(store, LogFilter.parse({"agent": "U_BOB"})).to_dict()
    assert filtered["overall"]["used"]["tips"] == 0
