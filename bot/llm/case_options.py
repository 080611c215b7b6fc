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
from bot.core.wants import refuses_credit
from bot.llm.case_lines import missing_question, reference_named, tried_step
from bot.llm.reply_text import sentences

_MONEY_OWED = frozenset({"duplicate_charge", "refund_promised", "refund_awaited"})
# Each option is the step of a whole reply: what I'll do about THEIR thing, and when they hear
# ("I'll update you", which every playbook's rubric reads as a next step with a time). The
# acknowledgement and a closing check, where the rubric wants them, are added around it by
# bot/llm/request_take_up.py (`keeping_moves`).
_IN_TIME = "I know {deadline_said}, so I'll keep checking on {fact}; if it can't be sorted in "
_IN_TIME += "time, I'll update you {by} and set out what we can do instead."
_IN_TIME_BARE = "I know {deadline_said}; if it can't be sorted in time, I'll update you {by} and "
_IN_TIME_BARE += "set out what we can do instead."
_MISSING_THEN = "Then I'll check {what} straight away and update you {update_time}."
_HELD_UP = "I'll keep checking on {fact}, and if anything holds it up I'll update you "
_HELD_UP += "{update_time} rather than leave you waiting."
_HELD_UP_OWED = "I'll trace the refund of {fact} myself, and if anything holds it up I'll update "
_HELD_UP_OWED += "you {update_time} rather than leave you waiting."
# ... for a moment that wants a step on the money (a billing dispute), the payment itself
_HELD_UP_PAYMENT = "I'll trace {fact} payment myself, and if anything holds it up I'll "
_HELD_UP_PAYMENT += "update you {update_time} rather than leave you waiting."
_IF_NO = "If the answer is no, I'll send you the reason in writing {update_time}, and what we can "
_IF_NO += "do instead about {fact}."
_IF_NOT_ACT = "If anything stops me doing that for {fact}, I'll update you {update_time} and "
_IF_NOT_ACT += "arrange the closest option we have instead."
# Money they may or may not be owed: the outcome either way, in writing.
_IF_NOT_OWED = {
    "refund": "If {fact} can't be refunded, I'll explain why in writing {update_time}, and what "
    "we can do instead.",
}
_IF_CORRECT = "If {fact} turns out to be correct, I'll explain why in writing {update_time}, "
_IF_CORRECT += "and what we can do instead."
# Money the case says is owed (a duplicate charge, a refund promised): never "if it's due".
_OWED_DATE = "I'll confirm in writing {update_time} the date the refund of {fact} will reach "
_OWED_DATE += "your account, so you can spot it on your statement."
# How they get money back: on their card or as a credit, and when it is confirmed.
_BACK_HOW = "Would you like {fact} back on the card you paid with, or as a credit on your "
_BACK_HOW += "account? I'll confirm it in writing {update_time}."
_IF_BACK_HOW = "If {fact} is due back to you, would you like it on the card you paid with, or as "
_IF_BACK_HOW += "a credit on your account? I'll confirm in writing {update_time}."
_CHOICE_ANSWER = "Would you like me to send the answer about {fact} by email, or shall I call "
_CHOICE_ANSWER += "you {callback_time}?"
_CHOICE_ACT = "Would you like me to send the confirmation for {fact} by email, or by text?"


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
    action: RequestedAction,
    case: Case,
    labelled: dict[str, str | None],
    said: str,
    first: str,
    premises: frozenset[str] = frozenset(),
) -> list[tuple[str, ...]]:
    """Other options for this case, after `first` (the suggestion taking up their ask), each
    the step of a whole reply with a fact of theirs and when they hear, in the wordings it may
    take (the first that makes the playbook's moves is used); [] when the case has none to
    carry. `premises`: what the conversation states (bot/core/premises.py), so money
    it says is owed is never hedged with "if it's due"."""
    facts = fact_phrases(case, labelled, said) or asked_about(action)
    # a fact the first suggestion does not say yet comes first
    facts.sort(key=lambda fact: _said(fact, first))
    amounts = [fact for fact in facts if fact.removeprefix("the ") in case.amounts]
    # "for the $19.99", "for the student number 2207731" (perhaps not theirs) read wrong
    named = [fact for fact in facts if fact not in amounts and not fact.startswith("the ")]
    owed = (bool(_MONEY_OWED & premises) or action.owed) and bool(amounts)
    options: list[tuple[str, ...]] = []
    if case.deadline and case.deadline_said and case.deadline_said not in first:
        # a fact their deadline already says is not named again ("... for your application")
        fresh = [f for f in named if f.split()[-1].lower() not in case.deadline_said.lower()]
        line = _IN_TIME.replace("{fact}", fresh[0]) if fresh else _IN_TIME_BARE
        by = anchor(case.deadline)
        options.append((line.format(deadline_said=case.deadline_said, by=by),))
    missing = missing_question(case)
    if missing:
        what = f"your {case.thing}" if case.thing else "it"
        options.append((f"{missing} {_MISSING_THEN.replace('{what}', what)}",))
    if not facts:
        return options
    alternatives = _alternatives(action, owed, facts, amounts, named)
    if alternatives:
        options.append(tuple(line.replace("{fact}", fact) for line, fact in alternatives))
    fact = alternatives[0][1] if alternatives else ""
    if owed and refuses_credit(said):  # a voucher turned down: card or credit is no choice
        choice, pool = None, []
    elif owed:
        choice, pool = _BACK_HOW, amounts
    elif action.kind == MONEY and refuses_credit(said):
        choice, pool = None, []
    elif action.kind == MONEY:  # money they may be owed: how it comes back, if it does
        choice, pool = _IF_BACK_HOW, amounts
    elif action.kind == ANSWER:
        choice, pool = _CHOICE_ANSWER, facts
    else:
        choice, pool = _CHOICE_ACT, named
    # another of their facts where they gave several: one fact a suggestion, each said once
    others = [f for f in pool if f != fact] or pool
    if choice and others:
        options.append((choice.replace("{fact}", others[0]),))
    return options


def _alternatives(
    action: RequestedAction, owed: bool, facts: list[str], amounts: list[str], named: list[str]
) -> list[tuple[str, str]]:
    """What happens if the answer is no, if it is held up or if we cannot do it, in its
    wordings, each with the fact it reads right with: [] when no such option fits the case."""
    if action.verb == WHEN or _TIMED.match(action.phrase or ""):  # a delay is the alternative
        if owed:
            return [(_HELD_UP_OWED, amounts[0])]
        return [(_HELD_UP, facts[0])] + [(_HELD_UP_PAYMENT, a) for a in amounts[:1]]
    if action.kind == MONEY:
        if owed:  # a duplicate charge, a refund promised: when it arrives, never whether
            return [(_OWED_DATE, amounts[0])]
        return [(_IF_NOT_OWED.get(action.verb, _IF_CORRECT), a) for a in amounts[:1]]
    if action.kind == ANSWER:  # "how much ...": no "no" to offer an alternative to
        # "what we can do instead about the £240", not "about your credit card"
        return [(_IF_NO, (amounts or facts)[0])] if _YES_NO.match(action.phrase or "") else []
    return [(_IF_NOT_ACT, fact) for fact in named[:1]]


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


def carries_a_fact(text: str, case: Case, facts: list[str], action: RequestedAction | None) -> bool:
    """Does the suggestion name one of their facts (a reference, an amount, a date, the thing,
    what they already did or hold), or the very step they asked for ("process the
    cancellation")? Not when the fact is only in an opening that says it back ("I have your
    order 88213 in front of me.") before a holding line that fits any customer."""
    text = " ".join(s for s in sentences(text) if not says_a_fact_back(s))
    # not their deadline: a stock line says it once its time is anchored ("before Friday")
    raw = [*case.references, *case.amounts, *case.dates, *facts, *case.evidence]
    tried = tried_step(case)  # what they already did, said back: theirs too
    raw += [tried[0]] if tried else []
    if action and action.kind != ANSWER and action.verb in _ENDING:
        raw.append(action.verb[:5])  # "cancel" in "the cancellation"
    return any(fact and fact.lower() in text.lower() for fact in raw)


# The openings bot/llm/case_lines.py makes of a fact: said back, not an option of their own.
_FACT_OPENING = prebuilt.compile(r"^I (?:have .+ in front of me|know you(?:'re|r)? .+)\.$", re.I)
# Steps a stock line names by their noun: "I'll process the cancellation" is their request.
_ENDING = frozenset("cancel close terminate unsubscribe delete".split())  # noqa: SIM905


def says_a_fact_back(sentence: str) -> bool:
    """Is the sentence an opening that only says a fact of theirs back ("I have your order
    88213 in front of me.", "I know you fly on 30 June.")?"""
    return bool(_FACT_OPENING.match(sentence))
