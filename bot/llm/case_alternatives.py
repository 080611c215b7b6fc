"""Other real next steps for this case, when the customer made no request to take up.

A complaint ("nobody came", "my bag didn't arrive") has no request of theirs to build on, so the
playbook's stock lines ("I'll keep this with me and update you ...") filled the 2nd and 3rd
suggestions: they would fit any message. In their place, each naming a fact of the case (their
thing, reference, amount, deadline, what they already did or hold) and a step the first
suggestion does not take:
- before their deadline: the earliest slot for a visit that never happened, else the fallback
  if it cannot be sorted in time;
- a faulty thing: repaired or replaced, as they choose;
- what went wrong ("why nobody came"), found out and explained on a call;
- what they already did or hold (the cancellation email), worked from rather than asked again;
- money: what happens if the charge stands, and how it comes back if it does not;
- the team that can put it right, taken there by me with everything they said;
- how they would like to hear.
Honest tense: promises and conditions, never a result. The caller keeps only wordings whose
premises the conversation states and that make the playbook's required moves.
"""

from __future__ import annotations

import re
from itertools import cycle

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.wants import REFUND, refuses_credit
from bot.llm.case_lines import tried_step
from bot.llm.case_options import fact_phrases
from bot.llm.reply_text import sentences

# Each option in its wordings, barest first; a later one also says "check ... myself", which
# most playbooks' rubrics read as the step or the ownership the bare one may lack.
_REBOOK = (
    "Would you like me to book the earliest slot I can find {before}for {fact}? I'll check why "
    "the last visit didn't happen and confirm the new time with you {update_time}.",
)
_IN_TIME = (
    "I know {deadline_said}, so I'll treat {fact} as urgent; if it can't be sorted before "
    "{deadline}, I'll update you before {deadline} and set out what we can do instead.",
    "I know {deadline_said}, so I'll check {fact} myself today; if it can't be sorted before "
    "{deadline}, I'll update you before {deadline} and set out what we can do instead.",
)
# A thing they say is broken or damaged: the remedy is theirs to choose.
_REMEDY = (
    "Would you like {fact} repaired or replaced? I'll arrange whichever you choose and confirm "
    "the date with you {update_time}.",
    "Would you like {fact} repaired or replaced? I'll arrange whichever you choose today and "
    "confirm the date with you {update_time}.",
)
_FAULTY = frozenset({"damaged_item"})  # "arrived broken": not any product (an account)
_WHY = (
    "I'll find out why {what} and call you {callback_time} to explain, with what happens "
    "next{for}.",
    "I'll check myself why {what} and call you {callback_time} to explain, with what happens "
    "next{for}.",
)
_WHAT_WENT_WRONG = (
    "I'll find out what went wrong with {fact} and call you {callback_time} to explain it "
    "plainly, with what happens next.",
    "I'll check myself what went wrong with {fact} and call you {callback_time} to explain it "
    "plainly, with what happens next.",
)
_TRIED = (
    "You've already {step}, so I'll work from that rather than ask you again: I'll check {fact} "
    "myself and update you {update_time}.",
)
_EVIDENCE = (
    "I'll check {fact} against {evidence} you already have, so you won't need to send anything "
    "again, and update you {update_time}.",
)
_IF_CORRECT = (
    "If {fact} turns out to be correct, I'll explain why in writing {update_time}, and what we "
    "can do instead.",
)
_BACK_HOW = (
    "If {fact} is due back to you, would you like it on the card you paid with, or as a credit "
    "on your account? I'll confirm in writing {update_time}.",
)
_OWED_DATE = (
    "I'll confirm in writing {update_time} the date {fact} will reach your account, so you can "
    "spot it on your statement.",
)
_ESCALATE = (
    "I'll escalate this to the team that handles {fact}, with everything you've told me so you "
    "won't have to repeat it, and update you {update_time}.",
    "I'll check {fact} myself and, if it needs another team, take it to them with everything "
    "you've told me; I'll update you {update_time}.",
)
# ... where money is at stake, corrected if it is wrong
_ESCALATE_MONEY = (
    "I'll check {fact} myself today and, if anything is wrong, have the team that handles it "
    "correct it; I'll update you {update_time}.",
)
_CHOICE = (
    "Would you like the update on {fact} by email, or shall I call you? Either way, you'll hear "
    "from me {update_time}.",
    "Would you like the update on {fact} by email, or shall I call you? I'll look into it "
    "today, and either way you'll hear from me {update_time}.",
    "Would you like the update on {fact} by email, or shall I call you? I'll check on it today, "
    "and either way you'll hear from me {update_time}.",
)

_MONEY_OWED = frozenset({"duplicate_charge", "refund_promised", "refund_awaited"})
# What went wrong in their words: "nobody came", "nobody has told you anything".
_NOBODY = prebuilt.compile(r"^(?:nobody|no one)\b", re.IGNORECASE)
# A date they were given that has passed is not a deadline to work to ("was due on 12 May").
_PAST_DUE = prebuilt.compile(r"\b(?:was|were) (?:due|meant|supposed)\b", re.IGNORECASE)
# The step each option takes, as the first suggestion would say it: then it is not offered twice.
_SAID = {
    "rebook": prebuilt.compile(r"\b(?:re)?book\b|\bslot\b|\bsomeone out\b", re.IGNORECASE),
    "why": prebuilt.compile(
        r"\b(?:find out|check) (?:why|what went wrong|exactly what)\b", re.IGNORECASE
    ),
    "remedy": prebuilt.compile(r"\brepair|\breplace", re.IGNORECASE),
    "escalate": prebuilt.compile(r"\bescalat|\bpass (?:this|it) to\b", re.IGNORECASE),
}


# "went up from £68 to £145": the amount at stake is the one it went to.
_FROM_TO = prebuilt.compile(r"\bfrom\s+(\S+)\s+to\s+\S+", re.IGNORECASE)


def _facts(
    case: Case, labelled: dict[str, str | None], said: str, first: str
) -> tuple[list[str], list[str]]:
    """Their things and references as a reply names them (the ones the first suggestion does
    not say first), and their amounts at stake."""
    found = fact_phrases(case, labelled, said)
    named = [f for f in found if f.removeprefix("the ") not in case.amounts]
    if (
        not named
        and case.thing
        and re.search(rf"\b(?:my|our|the) {re.escape(case.thing)}\b", said, re.I)
    ):
        named = [f"your {case.thing}"]
    named.sort(key=lambda fact: fact.split()[-1].lower() in first.lower())
    left = {m.group(1) for m in _FROM_TO.finditer(said)}
    amounts = [f"the {a}" for a in case.amounts if a not in left] or [
        f"the {a}" for a in case.amounts
    ]
    return named, amounts[:1]


def _with(wordings: tuple[str, ...], **values: str) -> tuple[str, ...]:
    out = []
    for wording in wordings:
        for key, value in values.items():
            wording = wording.replace("{" + key + "}", value)
        out.append(wording)
    return tuple(out)


def problem_options(
    case: Case,
    labelled: dict[str, str | None],
    said: str,
    first: str,
    premises: frozenset[str] = frozenset(),
    others: str = "",
) -> list[tuple[str, ...]]:
    """Other next steps for this case after `first`, each in the wordings it may take and each
    naming a fact of theirs (`others`: the rest of the set, whose facts are not said twice);
    with no thing, reference or amount to name, only the options that carry their deadline or
    what went wrong."""
    named, amounts = _facts(case, labelled, said, first)
    # their deadline and what went wrong are facts of their own, with no thing to name
    fact = cycle(named or amounts or ["it"])
    set_text = f"{first} {others}"
    options: list[tuple[str, ...]] = []
    said_by = case.deadline_said or ""
    deadline = case.deadline if said_by and not _PAST_DUE.search(said_by) else None
    if "missed_visit" in premises and not _SAID["rebook"].search(first):
        before = f"before {deadline} " if deadline else ""
        rebook = _with(_REBOOK, before=before, fact=next(fact))
        options.append(tuple(line.replace(" for it?", "?") for line in rebook))
    elif deadline and said_by not in first:
        thing = next(fact)
        thing = "it" if thing.split()[-1].lower() in said_by.lower() else thing
        options.append(_with(_IN_TIME, deadline_said=said_by, fact=thing, deadline=deadline))
    if named and _FAULTY & premises and not _SAID["remedy"].search(first):
        options.append(_with(_REMEDY, fact=next(fact)))
    if not _SAID["why"].search(first):
        what = next((d for d in case.details if _NOBODY.match(d)), None)
        if what:
            thing = f" for {next(fact)}" if named else ""
            options.append(_with(_WHY, what=what, **{"for": thing}))
        elif named:
            options.append(_with(_WHAT_WENT_WRONG, fact=next(fact)))
    tried = tried_step(case)
    if case.evidence and case.evidence[0].split()[-1] not in set_text:
        options.append(_with(_EVIDENCE, evidence=case.evidence[0], fact=next(fact)))
    elif tried and tried[0] not in set_text:
        options.append(_with(_TRIED, step=tried[0], fact=next(fact)))
    if amounts and (_MONEY_OWED & premises):
        options.append(_with(_OWED_DATE, fact=amounts[0]))
    elif amounts:
        options.append(_with(_IF_CORRECT, fact=amounts[0]))
        # a price that went up is explained, not paid back; money back only when they want it
        back = REFUND in case.wants and not refuses_credit(said)
        if not _FROM_TO.search(said) and back:
            options.append(_with(_BACK_HOW, fact=amounts[0]))
    if not named and not amounts:
        return options
    # asked for a manager or a person: "the team that handles it" is what they turned down
    if (
        named
        and not _SAID["escalate"].search(first)
        and not {"manager", "human"} & set(case.requests)
    ):
        money = _ESCALATE_MONEY if "money" in premises else ()
        options.append(_with(_ESCALATE + money, fact=next(fact)))
    options.append(_with(_CHOICE, fact=next(fact)))
    return options


# What a holding line promises: to look, check, keep it, pass it on and tell them. "I'll get
# someone out", "I'll stay with you", "we'll send a replacement" do something; they stay.
_PROMISE = prebuilt.compile(
    r"\b(?:I|we)(?:'ll| will)\s+(?:(?:also|then|personally|now|still|just|always|first)\s+)*"
    r"(\w+)(?:\s+(\w+))?",
    re.IGNORECASE,
)
_HOLDING_VERBS = "look check find keep update come message chase pass escalate write confirm take "
_HOLDING_VERBS += "make let be call email text contact follow trace go explain tell"
_HOLDING = frozenset(_HOLDING_VERBS.split())


# "if it shouldn't be there, I'll put it right": a promise on a condition does nothing yet
_CONDITION = prebuilt.compile(r"\b(?:if|once|when|whether)\b", re.IGNORECASE)


def holds_only(text: str) -> bool:
    """Does the suggestion only hold the case (look into it, keep it, update them, put it right
    if it is wrong), offering nothing done to it? Such a line fits any message, and an option on
    the case may replace it."""
    verbs = [
        (m.group(1).lower(), (m.group(2) or "").lower())
        for sentence in sentences(text)
        for m in _PROMISE.finditer(sentence)
        if not _CONDITION.search(sentence[: m.start()])
    ]
    holding = (verb in _HOLDING or (verb, after) == ("get", "back") for verb, after in verbs)
    return bool(verbs) and all(holding)  # a line that only asks promises nothing to replace
