"""The customer's ask taken up by a second suggestion too, so the agent can pick a reply that
answers what they asked whichever one they choose.

The first suggestion takes up their request (bot/llm/request_take_up.py); the rest came from
the playbook and often offer something else ("I'll set up a replacement ..." when they asked to
freeze their membership). When no other suggestion says their ask, the first later one that can
keep its playbook moves with it gives way to the ask from another angle: "Rather than pass it
on, I'll find out when it will ship myself and come back to you [update time]." A question the
request reader could not turn into a step ("Can I make an overpayment without a charge?") is
taken up as a promise to find out, from the ask said back (bot/core/asks.py), first in the
first suggestion when none took it up. A suggestion that takes up their second ask keeps it;
options built on their case (bot/llm/case_options.py) stay, and beside them a request to act is
not promised again (they are the other ways to meet it).
"""

from __future__ import annotations

import re

from bot.core.asks import ask_clause
from bot.core.case import Case
from bot.core.clean_clause import unshouted
from bot.core.reply_checks import repeated_phrases
from bot.core.requested_action import ACT, ANSWER, CHECK, MONEY, RequestedAction
from bot.core.second_ask import second_ask
from bot.core.tidy import tidy
from bot.llm.base import Suggestion, SuggestionRequest
from bot.llm.known_answers import gives_known_answer
from bot.llm.reply_text import fill, first_sentence
from bot.llm.request_take_up import (
    OPTION_WHY,
    WHY,
    keeping_moves,
    met_by_manager_offer,
    request_line,
    take_up_line,
    takes_it_up,
    thread_request,
    unanswered_turns,
)
from bot.llm.second_ask_reply import with_line

# Their ask from another angle than the first suggestion's line: owned, with when they'll hear.
_ANGLES = {
    ACT: "Rather than pass it on, I'll {phrase} myself, and you'll have confirmation from me "
    "{update_time}.",
    CHECK: "I'll find out myself whether we can {phrase}, rather than pass it on, and confirm "
    "with you {update_time}.",
    ANSWER: "Rather than pass it on, I'll {finding} myself and come back to you {update_time}.",
    MONEY: "I'll look into {thing} myself rather than pass it on, and confirm with you "
    "{update_time} what happens next.",
}
# "you're asking whether you can ...", "you're asking how long ...": a question to find out
_ASKED = re.compile(
    r"^you're asking (?:us to (?:tell|explain to|let) you |us to explain )?"
    r"(?P<q>(?:whether|if|how|when|what|which|who|where|why)\b.+)$"
)


_MOST_WORDS = 22  # a question longer than this is a story with a question mark


def _asked(turns: list[str]) -> RequestedAction | None:
    """The question of their unanswered turns, as said back, as something to find out; None
    when there is none, or it is long, or it only points back ("whether that is ok")."""
    found = _ASKED.match(ask_clause([unshouted(tidy(turn)) for turn in turns]) or "")
    if not found:
        return None
    question = found.group("q")
    if len(question.split()) > _MOST_WORDS or re.search(r"[()]|\b(?:that|this|it)\s*$", question):
        return None
    if question.startswith("how to "):  # the steps: the moment's own lines give those
        return None
    return RequestedAction("answer", ANSWER, question)


def _says_it(text: str, action: RequestedAction) -> bool:
    phrase = (action.phrase or "").lower()
    return bool(phrase and phrase in text.lower()) or takes_it_up(text, action)


def _angle(action: RequestedAction, slots: dict[str, str]) -> str | None:
    template = _ANGLES.get(action.kind)
    if template is None or not action.phrase:
        return None
    finding = (action.commitment or "").removeprefix("I'll ")
    said = template.format(
        phrase=action.phrase,
        finding=finding,
        thing=action.thing or "the payment",
        update_time="{update_time}",
    )
    said = fill(said, slots)
    when = fill("{update_time}", slots)
    if when and said.count(when) > 1:  # "renew your permit before the 1st ... before the 1st"
        at = said.rindex(when)
        said = (said[:at].rstrip() + said[at + len(when) :]).replace(" .", ".")
    return said


def _named(text: str, original: str, name: str | None, taken: list[str]) -> str:
    """`text` with their name when the line it replaces was the only one of the set to use it."""
    if not name or name in text or name not in original:
        return text
    if sum(name in t for t in taken) > 1:
        return text
    said = text if text.startswith(("I ", "I'")) else text[0].lower() + text[1:]
    return f"{name}, {said}"


def take_up_twice(
    suggestions: list[Suggestion], request: SuggestionRequest, case: Case, slots: dict[str, str]
) -> list[Suggestion]:
    """The suggestions with their ask said by two of them, when one alone says it."""
    if len(suggestions) < 2 or getattr(request.assessment, "care", ()):
        return suggestions
    action = thread_request(request.conversation)
    if action is None or action.commitment is None:
        action = _asked(unanswered_turns(request.conversation))
    if action is None:
        return suggestions
    latest = request.conversation.customer_messages[-1].text
    if any(gives_known_answer(s.text, latest, slots, case.amounts) for s in suggestions):
        return suggestions  # answered from the team's knowledge: no promise to find out too
    if met_by_manager_offer(action, case):
        return suggestions
    taking = [i for i, s in enumerate(suggestions) if _says_it(s.text, action)]
    line = _angle(action, slots)
    if line is None:
        return suggestions
    if not taking:  # no suggestion took it up: the first does, then another
        first = request_line(action)
        if first is None:
            return suggestions
        suggestions = take_up_line(suggestions, request, case, fill(first, slots), slots)
        taking = [i for i, s in enumerate(suggestions) if _says_it(s.text, action)]
    if len(taking) != 1:
        return suggestions
    used = {first_sentence(s.text) for s in suggestions}
    taken = [s.text for s in suggestions]
    out = list(suggestions)
    # options built on their case (bot/llm/case_options.py) are the other ways to meet this
    # very request: they stay, and a promise to do it is not said again beside them
    options = [i for i, s in enumerate(out) if s.why == OPTION_WHY]
    if action.kind == ACT and options:
        return suggestions
    later = [i for i in range(1, len(out)) if i not in taking and i not in options]
    second = second_ask(
        unanswered_turns(request.conversation), thread_request(request.conversation)
    )
    keep = ((second.phrase or "").lower() if second else "") or None
    for index in later:  # in place of a line that offers something else, not their other ask
        if keep and keep in out[index].text.lower():
            continue
        own = used - {first_sentence(out[index].text)}
        whole = keeping_moves([(line,)], out[index].text, request, own, taken)
        if whole:
            whole = _named(whole, out[index].text, case.customer_name, taken)
            out[index] = Suggestion(whole, WHY, source=out[index].source)
            return out
    playbook = None if request.low_confidence else request.playbook
    for index in later:  # else after its own words, kept short, repeating none of its phrases
        text = out[index].text
        when = fill("{update_time}", slots)
        # the time it already gives is the time for this too
        added = line.replace(f" {when}", "", 1) if when and when in text else line
        said = with_line(text, added, playbook)
        if said and len(repeated_phrases(said)) <= len(repeated_phrases(text)):
            out[index] = Suggestion(said, out[index].why, source=out[index].source)
            return out
    return suggestions
