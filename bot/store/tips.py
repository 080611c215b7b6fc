"""Tips still awaiting the agent's next message, read back from the log.

A tip's pending state lives in the memory of the process that showed it; after a restart, or
when the agent's reply reaches another replica, only the log knows the tip: an event whose
outcome is still "shown". A database outage never fails the listener: it falls back to memory
alone (with one warning) and tries again after `retry_after` seconds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.store.models import events
from bot.store.outage import RETRY_AFTER, OutageGuard
from bot.store.records import utcnow

log = logging.getLogger(__name__)
OPEN_HOURS = 24  # an older tip is no longer what the agent's next message answers
OPEN_LIMIT = 5


@dataclass(frozen=True)
class LoggedTip:
    """A logged tip as the acceptance inference needs it. `suggestions` keep their positions
    (a suggestion without text is ""), so an index found among them is the logged one."""

    uid: str
    suggestions: list[str]
    playbook: str | None
    content_mode: str


def open_tips(
    store: Any,
    conversation_id: str,
    agent: str,
    hours: float = OPEN_HOURS,
    limit: int = OPEN_LIMIT,
) -> list[LoggedTip]:
    """Tips shown to `agent` in the conversation in the last `hours` with no outcome since,
    newest first."""
    statement = (
        select(events.c.uid, events.c.suggestions, events.c.playbook, events.c.content_mode)
        .where(
            events.c.conversation_id == conversation_id[:255],
            events.c.agent == agent[:128],
            events.c.outcome == "shown",
            events.c.created_at >= utcnow() - timedelta(hours=hours),
        )
        .order_by(events.c.created_at.desc(), events.c.id.desc())
        .limit(limit)
    )
    with store.engine.connect() as connection:
        rows = connection.execute(statement).all()
    return [
        LoggedTip(row.uid, suggestion_texts(row.suggestions), row.playbook, row.content_mode)
        for row in rows
    ]


def suggestion_texts(suggestions: list | None) -> list[str]:
    return [(s.get("text") if isinstance(s, dict) else None) or "" for s in suggestions or ()]


class TipLog:
    """`open_tips` for a listener: an empty list, not an exception, while the log is down."""

    def __init__(self, store: Any, retry_after: float = RETRY_AFTER):
        self.store = store
        self.guard = OutageGuard(
            store,
            log,
            "open tips",
            "inferring acceptance from this process's memory only",
            retry_after,
        )

    def open(self, conversation_id: str, agent: str) -> list[LoggedTip]:
        return self.guard.run(
            "read_open_tips", open_tips, self.store, conversation_id, agent, default=[]
        )
