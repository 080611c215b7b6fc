"""What a lead opens first: which events need a look, in which order, and in whose words.

An event needs a look when the conversation escalated, the agent dismissed the tip (ignored
it), gave it a thumbs-down, or the customer is back about the same problem (repeat contact).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, or_

from bot.core.redact import redact
from bot.store.models import events
from bot.store.vocabulary import SORTS

REPEAT_CONTACT = "repeat-contact"
_LEVEL_RANK = {"escalate": 2, "watch": 1, "none": 0}
c = events.c


def attention_condition() -> ColumnElement[bool]:
    return or_(
        c.escalation_level == "escalate",
        c.outcome == "dismissed",
        c.rating == -1,
        c.playbook == REPEAT_CONTACT,
    )


def attention_reasons(row: dict) -> list[str]:
    """Why an event needs a look, in plain words; empty when it does not."""
    reasons = []
    if row.get("escalation_level") == "escalate":
        reasons.append("escalated")
    if row.get("outcome") == "dismissed":
        reasons.append("tip ignored")
    if row.get("rating") == -1:
        reasons.append("thumbs-down")
    if row.get("playbook") == REPEAT_CONTACT:
        reasons.append("repeat contact")
    return reasons


def sort_order(sort: str) -> list:
    """ORDER BY clauses for one of SORTS; ties go to the newest."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    newest = [c.created_at.desc(), c.id.desc()]
    level = case(_LEVEL_RANK, value=c.escalation_level, else_=0)
    if sort == "attention":
        return [case((attention_condition(), 0), else_=1), level.desc(), *newest]
    if sort == "level":
        return [level.desc(), c.escalation_score.desc(), *newest]
    if sort == "oldest":
        return [c.created_at, c.id]
    if sort in ("moment", "agent"):  # grouped, the unknown last (NULLs sort apart per database)
        column = c.playbook if sort == "moment" else c.agent
        return [column.is_(None), column, *newest]
    return newest


def latest_customer_words(row: dict) -> str | None:
    """The customer's last message in the logged excerpt, with PII replaced even where the log
    keeps conversations in full (a list is read over shoulders; the detail page is audited)."""
    for message in reversed(row.get("excerpt") or []):
        text = (message.get("text") or "").strip()
        if message.get("role") == "customer" and text:
            return redact(text).text if row.get("content_mode") == "full" else text
    return None
