"""A three-line summary of a thread for whoever opens a nudge or a leads' alert: what the
customer wants, what has been tried or promised, and what is at stake.

Offline it is extractive: every line comes from the case (bot/core/case.py), the agent's own
promises, the playbook's loyalty outcomes and the escalation signals. An LLM backend may write
the lines instead (bot/llm/summaries.py). Either way the lines are redacted before they leave.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.conversation import Conversation
from bot.core.escalation import EscalationAssessment
from bot.core.playbooks import Playbook
from bot.core.redact import redact

LINE_CHARS = 240  # each line stays short enough for a Slack section or a card's text block
LABELS = ("Wants", "Tried or promised", "At stake")

# The loyalty outcome (playbooks' `loyalty.outcomes`) in words a lead reads at a glance.
OUTCOME_WORDS = {
    "return": "whether they come back",
    "spend": "whether they spend more",
    "trust": "their trust",
    "word_of_mouth": "what they tell others",
}
# Escalation signals that say what the company could lose now.
RISK_WORDS = {
    "cancel": "threatens to cancel",
    "legal": "threatens legal action",
    "public": "threatens to go public",
    "manager": "asks for a manager",
    "repeat": "has contacted us before about this",
}
REQUEST_WORDS = {
    "manager": "a manager",
    "human": "a person",
    "callback": "a call back",
    "refund": "a refund",
    "cancel": "to cancel",
    "complaint": "to complain formally",
}
# "I'll check both payments now", "we will send a new one": what the agent committed to.
_PROMISE = prebuilt.compile(
    r"\b(?:I|we)(?:'ll|’ll| will| am going to|'m going to| are going to)\s+([^.!?\n]{3,120})",
    re.IGNORECASE,
)
_OBJECT_YOU = prebuilt.compile(
    r"\b(to|for|with|at|from|sent|told|gave|give|charged|asked|called|emailed|let|help|helped|"
    r"tell|send|call|email|refund|owe|contact|update|keep)\s+you\b",
    re.IGNORECASE,
)
_SECOND_PERSON = (
    (prebuilt.compile(r"\byou(?:'re|’re| are)\b", re.I), "they're"),
    (prebuilt.compile(r"\byou(?:'ve|’ve)\b", re.I), "they've"),
    (prebuilt.compile(r"\byou(?:'ll|’ll)\b", re.I), "they'll"),
    (prebuilt.compile(r"\byou(?:'d|’d)\b", re.I), "they'd"),
    (prebuilt.compile(r"\byourself\b", re.I), "themselves"),
    (prebuilt.compile(r"\byours\b", re.I), "theirs"),
    (prebuilt.compile(r"\byour\b", re.I), "their"),
    (prebuilt.compile(r"\byou were\b", re.I), "they were"),
    (prebuilt.compile(r"\byou\b", re.I), "they"),
)


@dataclass(frozen=True, slots=True)
class Summary:
    wants: str
    tried: str
    at_stake: str
    source: str = "offline"  # or the backend that wrote it

    @property
    def lines(self) -> list[str]:
        return [f"{label}: {text}" for label, text in zip(LABELS, self.texts(), strict=True)]

    def texts(self) -> tuple[str, str, str]:
        return self.wants, self.tried, self.at_stake

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Summary | None:
        if not isinstance(data, dict):
            return None
        texts = [data.get(k) for k in ("wants", "tried", "at_stake")]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            return None
        return cls(*texts, source=str(data.get("source") or "offline"))


def third_person(text: str) -> str:
    """The case speaks to the customer ("you were charged twice"); a lead reads about them."""
    text = _OBJECT_YOU.sub(lambda m: f"{m.group(1)} them", text)
    for pattern, word in _SECOND_PERSON:
        text = pattern.sub(word, text)
    return text


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LINE_CHARS else text[: LINE_CHARS - 1].rstrip() + "…"


def _wants(case: Case) -> str:
    wanted = list(case.wants)
    wanted += [w for r in case.requests if (w := REQUEST_WORDS.get(r)) and w not in wanted]
    about = third_person(case.issue or case.ask or "")
    if wanted and about:
        return f"{', '.join(wanted)}: {about}"
    if wanted:
        return ", ".join(wanted)
    if about:
        return f"help: {about}" if case.issue else about
    if case.good_news:
        return f"to say thanks: {third_person(case.good_news)}"
    return "not clear yet from the conversation"


def agent_promises(conversation: Conversation, limit: int = 2) -> list[str]:
    """The latest things the agent said they would do, in their own words."""
    found = [
        " ".join(m.group(1).split()[:14]).rstrip(",;:")
        for message in conversation.messages
        if message.role == "agent"
        for m in _PROMISE.finditer(message.text)
    ]
    return list(dict.fromkeys(found))[-limit:]


def _tried(case: Case, conversation: Conversation) -> str:
    parts = [third_person(step) for step in case.tried[:3]]
    parts += [f"agent promised to {third_person(p)}" for p in agent_promises(conversation)]
    if case.contacts > 1:
        parts.append(f"contact number {case.contacts} about this")
    return "; ".join(parts) if parts else "nothing yet"


def _at_stake(case: Case, playbook: Playbook | None, escalation: EscalationAssessment) -> str:
    outcomes = [OUTCOME_WORDS[o] for o in (playbook.loyalty.outcomes if playbook else ())]
    risks = [words for signal, words in RISK_WORDS.items() if signal in escalation.signals]
    if escalation.care:
        risks.insert(0, "needs care (" + ", ".join(escalation.care) + ")")
    if case.amounts:
        risks.append("money: " + ", ".join(case.amounts[:2]))
    stake = ", ".join(outcomes) if outcomes else "the customer's goodwill"
    return f"{stake}; {'; '.join(risks)}" if risks else stake


def offline_summary(
    conversation: Conversation,
    case: Case,
    playbook: Playbook | None,
    escalation: EscalationAssessment,
) -> Summary:
    """The extractive summary, redacted."""
    summary = Summary(
        _wants(case), _tried(case, conversation), _at_stake(case, playbook, escalation)
    )
    return redacted(summary)


def redacted(summary: Summary) -> Summary:
    """Each line with PII (cards, emails, phones, IBANs, ids, addresses) replaced, and clipped."""
    wants, tried, at_stake = (_clip(redact(t).text) for t in summary.texts())
    return Summary(wants, tried, at_stake, summary.source)
