"""What happened after each tip, recorded as it happens: at every customer message in a tracked
thread, each tip logged in that thread in the last FOLLOW_HOURS gets a row for this turn (up to
MAX_TURNS per tip) and its `follow_up` state on the event is brought up to date.

Replicas cannot double a turn: (event, turn) is unique, and a turn another process recorded
first is skipped. A database outage never fails the listener: it is logged once and retried
after a back-off; the turns it missed are not recorded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from bot.core.conversation import Conversation
from bot.core.follow_up import FollowUpReading, read_follow_up
from bot.store.models import events, follow_ups
from bot.store.records import utcnow

log = logging.getLogger(__name__)
FOLLOW_HOURS = 24  # a customer message later than this says nothing about the tip
MAX_TURNS = 3  # the customer's next three messages after a tip


def next_state(state: dict | None, reading: FollowUpReading, after: float) -> dict:
    state = state or {}
    return {
        "turns": int(state.get("turns", 0)) + 1,
        "first_reply_seconds": state.get("first_reply_seconds", round(after, 1)),
        "thanked": bool(state.get("thanked")) or reading.thanked,
        "came_back": bool(state.get("came_back")) or reading.came_back,
        "escalation_score": reading.escalation_score,  # the latest turn's
        "escalation_level": reading.escalation_level,
    }


@dataclass(frozen=True)
class FollowUp:
    """A customer message as it arrived: the conversation up to it, and when. Taken before a
    nudge is coached on the same message, so that the nudge's tip never counts the message
    that caused it as the customer's answer."""

    conversation: Conversation
    arrived: datetime

    @classmethod
    def of(cls, conversation: Conversation) -> FollowUp:
        return cls(Conversation(conversation.id, list(conversation.messages)), utcnow())


def record_follow_ups(store: Any, conversation: Conversation, now: datetime | None = None) -> int:
    """After a customer message (the conversation's last, arrived at `now`): one follow-up
    per tip logged in this conversation before it. How many were recorded."""
    reading = read_follow_up(conversation)
    if reading is None:
        return 0
    now = now or utcnow()
    recorded = 0
    with store.writing() as connection:
        tips = connection.execute(
            select(events.c.uid, events.c.created_at, events.c.follow_up).where(
                events.c.conversation_id == conversation.id[:255],
                events.c.created_at >= now - timedelta(hours=FOLLOW_HOURS),
                events.c.created_at < now,
            )
        ).all()
        for uid, created_at, state in tips:
            turn = int((state or {}).get("turns", 0)) + 1
            if turn > MAX_TURNS:
                continue
            after = max(0.0, (now - created_at).total_seconds())
            row = {
                "event_uid": uid,
                "created_at": now,
                "turn": turn,
                "after_seconds": round(after, 1),
                **reading.to_dict(),
            }
            insert = store._insert(follow_ups).on_conflict_do_nothing(
                index_elements=["event_uid", "turn"]
            )
            if not connection.execute(insert, row).rowcount:
                continue  # another process recorded this turn
            connection.execute(
                update(events)
                .where(events.c.uid == uid)
                .values(follow_up=next_state(state, reading, after))
            )
            recorded += 1
    return recorded
