"""The second ask in the customer's latest turn (bot/core/second_ask.py) taken up by one
suggestion, after the first suggestion has taken up the main one.

"I want to cancel my broadband contract. And what's the notice period?" gets "... I'll also
find out what the notice period is and confirm with you [update time]." An honest promise to
check or confirm, never an answer made up: a time the team states in its knowledge file
(refund, delivery, replacement) is said as its fact, else as a clear placeholder. The line goes
in the first suggestion that stays short with it, dropping only a closing line that asks
whether there is anything else (they have said what else) and never a move of the playbook's
rubric; nothing is added when a suggestion already says it.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.playbooks import Playbook
from bot.core.reply_checks import repeated_phrases
from bot.core.requested_action import ANSWER, CHECK, STEPS, RequestedAction
from bot.core.rubric import check
from bot.core.second_ask import second_ask
from bot.llm.base import Suggestion, SuggestionRequest
from bot.llm.reply_text import fill, sentences
from bot.llm.request_take_up import thread_request, unanswered_turns

WHY = "They asked two things: taking up the second too, as a promise to find it out, spares "
WHY += "them asking again."
MAX_WORDS = 60
# How long something of ours takes, which the team's knowledge file may state.
_TIMED = (
    (prebuilt.compile(r"\brefund", re.IGNORECASE), "Refunds reach you within {refund_time}"),
    (
        prebuilt.compile(r"\breplacement", re.IGNORECASE),
        "A replacement reaches you within {replacement_time}",
    ),
    (
        prebuilt.compile(r"\b(?:deliver\w*|parcel|shipping)\b", re.IGNORECASE),
        "Delivery takes {delivery_time}",
    ),
)
_HOW_LONG = prebuilt.compile(r"^(?:how long|when|how soon)\b", re.IGNORECASE)
# Closing lines that ask whether there is anything else: they have just said what else.
_ANYTHING_ELSE = prebuilt.compile(
    r"^(?:is there anything else|let me know if anything else|anything else)\b", re.IGNORECASE
)


# Ways to say when they will hear, so the line does not repeat the suggestion's own words.
_TOLD = ("and confirm with you {update_time}", "and tell you {update_time}", "and let you know")


def second_lines(ask: RequestedAction) -> list[str]:
    """The promise for the second ask, said in a few ways, as templates with slots; none when
    it is unclear."""
    commitment = ask.commitment
    if commitment is None:
        return []
    also = commitment.replace("I'll ", "I'll also ", 1)
    if ask.kind == ANSWER and _HOW_LONG.match(ask.phrase or ""):
        fact = next((line for words, line in _TIMED if words.search(ask.phrase)), None)
        if fact:
            return [f"{fact}; I'll confirm the date for yours {{update_time}}."]
    if ask.kind in (ANSWER, CHECK):
        return [f"{also} {told}." for told in _TOLD]
    if ask.kind == STEPS:
        return [f"{also}, or you'll find them at {{help_centre}}."]
    return [f"{also}."]


def _missing(text: str, playbook: Playbook | None) -> set[str]:
    return set(check(text, playbook).missing_moves) if playbook else set()


def _avoids(text: str, playbook: Playbook | None) -> bool:
    return playbook is None or not check(text, playbook).avoid_hits


def with_line(text: str, line: str, playbook: Playbook | None) -> str | None:
    """`text` with `line` after its body, kept short: its closing "anything else?" goes (or,
    when a move needs it, stays last) and then its last sentences give way while every move it
    made is still made; None when it cannot be short."""
    needed = _missing(text, playbook)
    parts = sentences(text)
    closers = []
    while len(parts) > 1 and _ANYTHING_ELSE.match(parts[-1]):
        closers.insert(0, parts.pop())
    for tail in ([], closers) if closers else ([],):
        body = list(parts)
        while len(body) > 1 and len(" ".join([*body, line, *tail]).split()) > MAX_WORDS:
            if _missing(" ".join([*body[:-1], *tail]), playbook) > needed:
                break
            body.pop()
        said = " ".join([*body, line, *tail])
        short = len(said.split()) <= MAX_WORDS
        if short and not _missing(said, playbook) > needed and _avoids(said, playbook):
            return said
    return None


def take_up_second_ask(
    suggestions: list[Suggestion], request: SuggestionRequest, slots: dict[str, str]
) -> list[Suggestion]:
    """The suggestions with the second ask of their latest turn taken up in one of them."""
    conversation = request.conversation
    ask = second_ask(unanswered_turns(conversation), thread_request(conversation))
    lines = [fill(line, slots) for line in second_lines(ask)] if ask and suggestions else []
    phrase = (ask.phrase or "").lower() if ask else ""
    if not lines or any(phrase and phrase in s.text.lower() for s in suggestions):
        return suggestions
    playbook = None if request.low_confidence else request.playbook
    out = list(suggestions)
    for index, suggestion in enumerate(out):
        # the first way of saying it that repeats none of the suggestion's own phrases
        for line in lines:
            said = with_line(suggestion.text, line, playbook)
            if said and len(repeated_phrases(said)) <= len(repeated_phrases(suggestion.text)):
                why = suggestion.why if index == 0 else WHY
                out[index] = Suggestion(said, why, source=suggestion.source)
                return out
    return suggestions
