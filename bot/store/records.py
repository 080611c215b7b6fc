"""Rows for the log: a coaching result or an outcome turned into plain, JSON-safe values.

The channel fills `CoachingResult.context` with what it knows: `channel_kind` (slack | teams |
cli), `workspace` (or Teams tenant), `channel`, `thread`, `agent`. The model, prompt version,
tokens and backend latency come from `CoachingResult.call` (an LLM backend's CallInfo); context
keys `model`, `prompt_version`, `tokens_prompt` and `tokens_completion` fill in where it is None.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from bot.core.conversation import Conversation
from bot.core.names import names_in
from bot.core.redact import redact
from bot.core.slots import customer_name
from bot.store.vocabulary import OUTCOME_KINDS

EXCERPT_MESSAGES = 20  # the latest messages of the conversation
EXCERPT_CHARS = 2000  # per message
_TEXT_LIMITS = {"workspace": 128, "channel": 128, "thread": 255, "agent": 128}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_uid() -> str:
    return uuid.uuid4().hex


def protect(text: str, mode: str, conversation: Conversation | None = None) -> str:
    """Text as MOT_LOG_CONTENT allows it: as is (full) or with PII replaced (otherwise). With
    `none` the names the conversation gives away ("my name is ...", "Hi Priya,") go too: no
    excerpt is kept, but suggestions are, and the customer's name is filled into them."""
    if mode == "full":
        return text
    return redact(text, names_known(conversation) if mode == "none" else ()).text


def names_known(conversation: Conversation | None) -> list[str]:
    """What names_in finds, plus the name the reply templates fill in (bot/core/slots.py)."""
    if conversation is None:
        return []
    filled = customer_name(conversation)
    return names_in(m.text for m in conversation.messages) + ([filled] if filled else [])


def excerpt(conversation: Conversation, mode: str) -> list[dict] | None:
    if mode == "none":
        return None
    return [
        {"role": m.role, "text": protect(m.text[:EXCERPT_CHARS], mode), "author": m.author}
        for m in conversation.messages[-EXCERPT_MESSAGES:]
    ]


def call_facts(result: Any) -> dict:
    """Model, prompt version, tokens and latency of the backend call (CoachingResult.call)."""
    call = getattr(result, "call", None)
    facts = {
        "model": None,
        "prompt_version": None,
        "tokens_prompt": None,
        "tokens_completion": None,
        "latency_ms": float(result.latency_ms),
    }
    if call is not None:
        version = getattr(call, "prompt_version", None)
        prompt_id = getattr(call, "prompt_id", None)
        facts.update(
            model=call.model,
            tokens_prompt=call.prompt_tokens,
            tokens_completion=call.completion_tokens,
            prompt_version=f"{prompt_id}-v{version}"
            if prompt_id and version
            else (prompt_id or version),
            latency_ms=float(call.latency_ms or result.latency_ms),
        )
    for name in ("model", "prompt_version", "tokens_prompt", "tokens_completion"):
        if facts[name] is None:
            facts[name] = result.context.get(name)
    return facts


def _short(value: Any, limit: int) -> str | None:
    return None if value in (None, "") else str(value)[:limit]


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def summary_record(summary: Any, content_mode: str, result: Any) -> dict | None:
    """The thread summary as the log keeps it: already redacted of PII; with `none`, the
    names the conversation gives away go too."""
    if summary is None:
        return None
    data = summary.to_dict()
    for key in ("wants", "tried", "at_stake"):
        data[key] = protect(data[key], content_mode, result.conversation)
    return data


def event_row(result: Any, content_mode: str, now: datetime | None = None) -> dict:
    """A `coaching_events` row for a CoachingResult."""
    assessment, context = result.assessment, result.context
    escalation, call = assessment.escalation, call_facts(result)
    row = {
        "uid": context.get("log_id") or new_uid(),  # set in advance by channels that log late
        "created_at": now or utcnow(),
        "channel_kind": _short(context.get("channel_kind"), 16) or "cli",
        "conversation_id": _short(result.conversation.id, 255) or "adhoc",
        "trigger": _short(result.trigger, 16) or "command",
        "playbook": assessment.playbook.id if assessment.playbook else None,
        "confidence": float(assessment.match.confidence) if assessment.match else 0.0,
        "escalation_score": round(float(escalation.score), 4),
        "escalation_level": escalation.level,
        "escalation_reasons": list(escalation.reasons),
        "content_mode": content_mode,
        "excerpt": excerpt(result.conversation, content_mode),
        "suggestions": [
            {
                "text": protect(s.text, content_mode, result.conversation),
                "why": s.why,
                "source": s.source,
            }
            for s in result.suggestions
        ],
        "coaching": [protect(line, content_mode) for line in getattr(result, "coaching", [])],
        "summary": summary_record(getattr(result, "summary", None), content_mode, result),
        "backend": _short(result.backend, 64) or "unknown",
        "model": _short(call["model"], 128),
        "prompt_version": _short(call["prompt_version"], 64),
        "latency_ms": round(call["latency_ms"], 2),
        "tokens_prompt": _int_or_none(call["tokens_prompt"]),
        "tokens_completion": _int_or_none(call["tokens_completion"]),
        "fallback": bool(result.fallback),
        "fallback_reason": _short(result.fallback_reason, 2000),
    }
    for name, limit in _TEXT_LIMITS.items():
        row[name] = _short(context.get(name), limit)
    if row["agent"] is None:
        row["agent"] = _short(result.conversation.last_agent, 128)
    return row


def outcome_row(
    event_uid: str,
    kind: str,
    *,
    content_mode: str = "redacted",
    suggestion_index: int | None = None,
    edit_ratio: float | None = None,
    rating: int | None = None,
    comment: str | None = None,
    actor: str | None = None,
    now: datetime | None = None,
) -> dict:
    """A `coaching_outcomes` row; raises ValueError for an unknown kind or a bad value."""
    if kind not in OUTCOME_KINDS:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOME_KINDS)}, not {kind!r}")
    if rating not in (None, 1, -1):
        raise ValueError("rating must be 1 (thumbs up) or -1 (thumbs down)")
    if edit_ratio is not None and not 0.0 <= edit_ratio <= 1.0:
        raise ValueError("edit_ratio must be between 0 and 1")
    return {
        "uid": new_uid(),
        "event_uid": event_uid,
        "created_at": now or utcnow(),
        "kind": kind,
        "suggestion_index": suggestion_index,
        "edit_ratio": edit_ratio,
        "rating": rating,
        "comment": protect(comment[:4000], content_mode) if comment else None,
        "actor": _short(actor, 128),
    }
