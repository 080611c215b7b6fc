"""The offline composer: suggestions from the playbook's own reply templates, no network."""

from __future__ import annotations

import re

from bot.core.matcher import terms
from bot.core.playbooks import Reply
from bot.core.text import GREETING as _GREETING
from bot.core.text import normalise
from bot.llm.base import Backend, Suggestion, SuggestionRequest

# Used when a playbook has no openers of its own for the level.
DEFAULT_OPENERS = {
    "watch": [
        "I'm sorry this has been frustrating.",
        "I can see why this is annoying, and I want to get it right for you.",
    ],
    "escalate": [
        "I'm truly sorry. This has gone on far too long, and I'm taking it on personally.",
        "I hear you, and you deserve better than this. I'm going to own this with you now.",
    ],
}
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, slots: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: slots.get(m.group(1), f"[{m.group(1).replace('_', ' ')}]"), template)


def _gist(text: str) -> str:
    return " ".join(normalise(text).split()[:4])


def with_opener(text: str, opener: str) -> str:
    """Put a tone-setting opener after the greeting, or first when there is none."""
    greeting = _GREETING.match(text)
    if greeting:
        return f"{greeting.group(1)} {opener} {text[greeting.end() :]}"
    return f"{opener} {text}"


def most_relevant_first(replies: list[Reply], customer_text: str) -> list[Reply]:
    """Templates sharing the most words with what the customer said come first (stable)."""
    said = set(terms(normalise(customer_text)))
    overlap = [len(said & set(terms(normalise(reply.text + " " + reply.why)))) for reply in replies]
    order = sorted(range(len(replies)), key=lambda i: -overlap[i])
    return [replies[i] for i in order]


class OfflineBackend(Backend):
    name = "offline"

    def suggest(self, request: SuggestionRequest) -> list[Suggestion]:
        playbook, level = request.playbook, request.assessment.level
        latest = [m.text for m in request.conversation.customer_messages[-2:]]
        replies = most_relevant_first(list(playbook.replies), " ".join(latest))
        start = request.variant * request.count
        count = min(request.count, len(replies))
        chosen = [replies[(start + i) % len(replies)] for i in range(count)]
        openers = playbook.openers.get(level) or DEFAULT_OPENERS.get(level, [])
        suggestions = []
        for index, reply in enumerate(chosen):
            text = fill(reply.text, request.slots)
            fresh = [o for o in openers if _gist(o) not in _gist(text)]  # never say it twice
            if fresh:
                text = with_opener(text, fresh[(index + request.variant) % len(fresh)])
            suggestions.append(Suggestion(text=text, why=reply.why, source=self.name))
        return suggestions
