"""The 2nd and 3rd suggestions as other real options for this case, not stock lines.

After the first suggestion takes up what they asked (bot/llm/request_take_up.py), a playbook's
stock line ("I'll send you a clear answer in writing ...") fits any customer. In its place, in
this order, whichever the case allows, each naming one of their own facts (their reference, the
thing in their words, their amount) and a different one where it has several:
- their deadline, and the answer or the step before it;
- the one detail still missing to act (the reference of the thing at stake);
- the alternative if the answer is no, or if we cannot do it;
- a choice of how they hear back.
Honest tense throughout: conditions and promises to tell them, never an answer or a result.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.deadlines import anchor
from bot.core.reflect import second_person
from bot.core.requested_action import ANSWER, MONEY, WHEN, RequestedAction
from bot.llm.case_lines import missing_question, reference_named

_ALTERNATIVE = {
    ANSWER: "If the answer is no for {fact}, I'll tell you {update_time} why, and set out what we "
    "can do instead.",
    MONEY: "If a refund isn't due on {fact}, I'll explain why in writing {update_time}, and what "
    "we can do instead.",
}
_ALTERNATIVE_ACT = "If anything stops me doing that for {fact}, I'll tell you {update_time} and "
_ALTERNATIVE_ACT += "offer the closest alternative."
_DELAY = "If anything holds up {fact}, I'll tell you {update_time} rather than leave you waiting."
_CHOICE = {
    ANSWER: "Would you like the answer about {fact} by email, or shall I call you {callback_time}?",
}
_CHOICE_ACT = "Would you like the confirmation for {fact} by email, or by text?"
_DEADLINE = "I know {deadline_said}, so you'll hear from me {by}."
_MISSING_THEN = "Then I can go straight to {what}."


def fact_phrases(case: Case, labelled: dict[str, str | None], said: str) -> list[str]:
    """Their facts as a reply names them, most telling first: "your claim CL-44718", "your
    winter bill", "the £240" (`said`: the customer's words, where the thing is named)."""
    found = [reference_named(ref, label) for ref, label in list(labelled.items())[:2]]
    if case.thing:
        named = re.search(
            rf"\b(?:my|our) ((?:[\w£$€.-]+ ){{0,2}}?{re.escape(case.thing)})\b", said, re.I
        )
        if named:
            found.append(second_person(f"my {named.group(1)}"))
    found += [f"the {amount}" for amount in case.amounts[:1]]
    return list(dict.fromkeys(found))


def _said(fact: str, text: str) -> bool:
    return fact.split()[-1].lower() in text.lower()


def case_options(
    action: RequestedAction, case: Case, labelled: dict[str, str | None], said: str, first: str
) -> list[str]:
    """Other options for this case, after `first` (the suggestion taking up their ask), each
    with a fact of theirs; [] when the case has none to carry."""
    facts = fact_phrases(case, labelled, said) or asked_about(action)
    # a fact the first suggestion does not say yet comes first
    facts.sort(key=lambda fact: _said(fact, first))
    options: list[str] = []
    if case.deadline and case.deadline_said and case.deadline_said not in first:
        by = anchor(case.deadline)
        options.append(_DEADLINE.format(deadline_said=case.deadline_said, by=by))
    missing = missing_question(case)
    if missing:
        what = f"your {case.thing}" if case.thing else "it"
        options.append(f"{missing} {_MISSING_THEN.format(what=what)}")
    if not facts:
        return options
    if action.verb == WHEN or _TIMED.match(action.phrase or ""):  # a delay is the alternative
        alternative = _DELAY
    elif (action.kind == ANSWER and not _YES_NO.match(action.phrase or "")) or action.owed:
        alternative = None  # "how much ...", or money already owed: no "no" to prepare for
    else:
        alternative = _ALTERNATIVE.get(action.kind, _ALTERNATIVE_ACT)
    choice = _CHOICE.get(action.kind, _CHOICE_ACT)
    if alternative:
        options.append(alternative.replace("{fact}", facts[0]))
    # another of their facts where they gave several: one fact a suggestion, each said once
    options.append(choice.replace("{fact}", facts[1] if len(facts) > 1 else facts[0]))
    return options


_TIMED = prebuilt.compile(r"^(?:when|what time|what day|how long|how soon|by when)\b", re.I)
_YES_NO = prebuilt.compile(r"^(?:whether|if)\b", re.I)
# The subject of a yes/no question, as a fact when the case has none ("the pool").
_SUBJECT = prebuilt.compile(
    r"^(?:whether|if) (?P<subject>(?:the|your) [\w-]+(?: [\w-]+)?) (?:is|are|was|will|can|has|"
    r"have|does|do|would|should)\b",
    re.I,
)


def asked_about(action: RequestedAction) -> list[str]:
    """What their question is about, when it names it: "the pool" of "whether the pool is open"."""
    match = _SUBJECT.match(action.phrase or "") if action.kind == ANSWER else None
    return [match.group("subject")] if match else []


def carries_a_fact(text: str, case: Case, facts: list[str], action: RequestedAction) -> bool:
    """Does the suggestion name one of their facts (a reference, an amount, a date, the thing),
    or the very step they asked for ("process the cancellation")?"""
    # not their deadline: a stock line says it once its time is anchored ("before Friday")
    raw = [*case.references, *case.amounts, *case.dates, *facts]
    if action.kind != ANSWER and len(action.verb) >= 4:
        raw.append(action.verb[:5])  # "cancel" in "the cancellation"
    return any(fact and fact.lower() in text.lower() for fact in raw)
