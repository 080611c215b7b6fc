"""Which of a playbook's reply templates fit this conversation, best first.

A template is used only when the conversation states every premise it `requires`; those with
premises rank first (they are the specific ones). A template that asks the customer to do what
they already tried is left out.
"""

from __future__ import annotations

import re

from bot.core.matcher import terms
from bot.core.playbooks import Reply
from bot.core.text import normalise

# "restarted the router" -> "restart"; "tried restarting it" -> "restart".
_STEM = re.compile(r"^(?:tried\s+)?([a-z-]+?)(?:ed|ing|d)?\b")
_ASKS = r"\b(?:try|trying|please|could you|can you|would you|have you|did you)\b[^.?!]{0,30}\b"
_PROMISES_NOT_TO = re.compile(r"\b(won't|will not|don't need to|no need to) (ask|make) you\b", re.I)


def most_relevant_first(replies: list[Reply], customer_text: str) -> list[Reply]:
    """Templates sharing the most words with what the customer said come first (stable)."""
    said = set(terms(normalise(customer_text)))
    overlap = [len(said & set(terms(normalise(reply.text + " " + reply.why)))) for reply in replies]
    order = sorted(range(len(replies)), key=lambda i: -overlap[i])
    return [replies[i] for i in order]


def _tried_stems(tried: list[str]) -> list[str]:
    stems = []
    for step in tried:
        match = _STEM.match(step.lower())
        if match and len(match.group(1)) >= 4 and match.group(1) not in {"were", "told"}:
            stems.append(match.group(1))
    return stems


def asks_again(text: str, tried: list[str]) -> bool:
    """Does the template ask them to do something they already did?"""
    if _PROMISES_NOT_TO.search(text):
        return False
    return any(re.search(_ASKS + stem, text, re.IGNORECASE) for stem in _tried_stems(tried))


def fitting_templates(
    replies: list[Reply], premises: frozenset[str], tried: list[str], customer_text: str
) -> list[Reply]:
    """Templates whose premises are all stated and that ask nothing already done, best first."""
    usable = [
        reply
        for reply in replies
        if set(reply.requires) <= premises and not asks_again(reply.text, tried)
    ]
    relevant = most_relevant_first(usable, customer_text)
    return sorted(relevant, key=lambda reply: -len(reply.requires))  # stable: specific first
