"""A second explicit ask in the customer's latest turn: "I want to cancel my broadband. And
what's the notice period?" carries a request and a question, and a reply that takes up only
the first leaves them to ask again.

Each sentence of the latest turn is read as bot/core/requested_action.py reads a request or a
question; the first one that is not the ask already taken up (`first`) is the second. Nothing
is found when the turn carries one ask only, or when the other question asks nothing
(rhetorical: "is that too much to ask?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.asks import SENTENCES
from bot.core.requested_action import RequestedAction, sentence_ask
from bot.core.tidy import tidy


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", tidy(text).lower()))


def _same(ask: RequestedAction, other: RequestedAction | None) -> bool:
    """Is `ask` the one `other` already takes up (or the request said with it), however it
    was spelt ("traveling", "travelling")?"""
    if other is None:
        return False
    mine = _words(ask.phrase or "")
    for said in (other.phrase, other.thing, other.also):
        theirs = _words(said or "")
        if mine and theirs and len(mine & theirs) >= 0.75 * min(len(mine), len(theirs)):
            return True
    return ask.commitment == other.commitment


def second_ask(
    customer_turns: Sequence[str], first: RequestedAction | None
) -> RequestedAction | None:
    """The ask in the customer's latest turn besides `first` (what the first suggestion takes
    up), said cleanly; None when `first` is None or the turn has no other."""
    if first is None or not customer_turns:
        return None
    turn = customer_turns[-1]
    for readable in dict.fromkeys((tidy(turn), turn)):
        before = " ".join(customer_turns[:-1])
        for sentence in SENTENCES.split(readable):
            ask = sentence_ask(sentence, before, readable)
            before = f"{before} {sentence}"
            if ask and ask.commitment and not _same(ask, first):
                return ask
    return None
