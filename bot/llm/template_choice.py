"""Which of a playbook's reply templates fit this conversation, best first.

A template is used only when the conversation states every premise it `requires`; those with
premises rank first (they are the specific ones). A template that asks the customer to do what
they already tried is left out.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.matcher import terms
from bot.core.playbooks import Reply
from bot.core.text import normalise
from bot.llm.case_lines import asks_known

# "restarted the router" -> "restart"; "tried restarting it" -> "restart".
_STEM = prebuilt.compile(r"^(?:tried\s+)?([a-z-]+?)(?:ed|ing|d)?\b")
_ASKS = r"\b(?:try|trying|please|could you|can you|would you|have you|did you)\b[^.?!]{0,30}\b"
# "Could you tell me the date and the amount?" when they already gave the amount.
_ASKS_FOR = prebuilt.compile(
    r"\b(?:could|can|would) you (?:tell|give|send|share|confirm)\b([^.?]*)", re.IGNORECASE
)
_FACT = prebuilt.compile(r"\b(amount|date|reference|order number|account)\b", re.IGNORECASE)
_PROMISES_NOT_TO = prebuilt.compile(
    r"\b(won't|will not|don't need to|no need to) (ask|make) you\b", re.I
)


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


def asks_for_known(text: str, case: Case) -> bool:
    """Does the template ask for a fact the customer already gave (an amount, a date ...)?"""
    known = {
        "amount": case.amounts,
        "date": case.dates,
        "reference": case.references,
        "order number": case.references,
        "account": case.references,  # "which account ... is this about?" after "It's WA-339021"
    }
    asked = (
        f.group(1).lower() for m in _ASKS_FOR.finditer(text) for f in _FACT.finditer(m.group(1))
    )
    return any(known[fact] for fact in asked)


def fitting_templates(replies: list[Reply], case: Case, customer_text: str) -> list[Reply]:
    """Templates whose premises are all stated and that ask nothing already done or given,
    best first; one whose question asks what they already said comes after the others."""
    usable = [
        reply
        for reply in replies
        if set(reply.requires) <= case.premises
        and not asks_again(reply.text, case.tried)
        and not asks_for_known(reply.text, case)
    ]
    relevant = most_relevant_first(usable, customer_text)
    # specific first; one asking what they already said last (the composer narrows its question)
    return sorted(relevant, key=lambda r: (asks_known(r.text, case), -len(r.requires)))
