"""The thread summary every nudge and leads' alert carries: the backend's when it writes one,
else the offline extractive one (bot/core/summary.py). Redacted either way: the backend sees
the conversation with PII replaced, and its lines are redacted again on the way out."""

from __future__ import annotations

import logging

from bot.core.case import Case
from bot.core.conversation import Conversation
from bot.core.escalation import EscalationAssessment
from bot.core.playbooks import Playbook
from bot.core.redact import Redactor
from bot.core.summary import Summary, offline_summary, redacted
from bot.llm.base import Backend, SummaryRequest

log = logging.getLogger(__name__)
_REDACTOR = Redactor()


def redacted_conversation(conversation: Conversation) -> Conversation:
    texts, _ = _REDACTOR.redact_many([m.text for m in conversation.messages])
    redacted_copy = Conversation(id=conversation.id)
    for message, text in zip(conversation.messages, texts, strict=True):
        redacted_copy.add(message.role, text, message.ts)  # authors stay in the process
    return redacted_copy


def thread_summary(
    backend: Backend | None,
    conversation: Conversation,
    case: Case,
    playbook: Playbook | None,
    escalation: EscalationAssessment,
) -> Summary:
    """The backend's summary when it writes one; the offline one if it does not or fails."""
    offline = offline_summary(conversation, case, playbook, escalation)
    if backend is None:
        return offline
    request = SummaryRequest(redacted_conversation(conversation), playbook, escalation, case)
    try:
        lines = backend.summarize(request)
    except Exception as exc:  # the lead still gets the offline summary
        log.warning(
            "backend %s could not summarise, using the offline summary: %s", backend.name, exc
        )
        return offline
    if not lines:
        return offline
    return redacted(Summary(*lines, source=backend.name))
