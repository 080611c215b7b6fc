"""What makes a suggestion this customer's: their facts, their deadline, nothing asked twice.

The offline composer uses these on top of the playbook's templates:
- a question that asks for what the case already holds (what they need, which order, what
  happened, a date, an amount) asks only for the missing part, or is left out (`narrowed`);
  `asks_known` says whether a text has one;
- the one question that is missing and matters (the reference of the thing at stake, when no
  turn gives one) is asked instead, or none;
- times the team's knowledge does not state are anchored to the customer's own deadline
  ("before Friday"), never invented;
- a reference is said where the text names its thing ("your claim CLM-20931");
- each suggestion after the first opens with a different fact of the case (their deadline,
  what they already tried, their reference), so two customers get visibly different sets.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.deadlines import anchor
from bot.core.reply_checks import content_free_sentences
from bot.llm.reply_text import sentences

_I = re.compile
# What a question asks for: (kind, pattern over the question sentence).
_QUESTION_KINDS = (
    (
        "need",
        _I(
            r"\bwhat (?:you|do you|would you|you'd)(?: most)? (?:need|want|like)(?: from us|"
            r" (?:us|me) to do| help with| to sort out)\b|\bwhat (?:can|could) (?:i|we) (?:help|do)"
            r"\b|\bhow can (?:i|we) help\b|\bwhat (?:would )?a good outcome\b",
            re.IGNORECASE,
        ),
    ),
    ("which", _I(r"\bwhich (?:account|order|service|product|booking)\b", re.IGNORECASE)),
    (
        "reference",
        _I(
            r"\b(?:order|account|booking|reference|policy|claim|invoice) number\b|\breference\b",
            re.IGNORECASE,
        ),
    ),
    (
        "story",
        _I(
            r"\bwhat (?:has )?happened\b|\bwhat happens when\b|\bwhat(?:'s| has) prompted\b|"
            r"\ba little more about\b",
            re.IGNORECASE,
        ),
    ),
    ("date", _I(r"\bthe dates?\b|\bwhen (?:did|was)\b", re.IGNORECASE)),
    ("amount", _I(r"\bamount\b|\bhow much (?:was|were|did)\b", re.IGNORECASE)),
)
_QUESTION = prebuilt.compile(r"\?\s*$")


def _known(kind: str, case: Case) -> bool:
    return bool(
        {
            "need": case.ask or case.wants or case.issue,
            # a reference, or the thing itself named ("my son's Saturday swimming class")
            "which": case.references or case.thing or case.dates,
            "reference": case.references,
            "story": case.issue or case.tried or case.ask,  # a plain question has no story
            "date": case.dates,
            "amount": case.amounts,
        }[kind]
    )


def known_asks(sentence: str, case: Case) -> list[str]:
    """What the question sentence asks for that the case already holds ([] if nothing)."""
    if not _QUESTION.search(sentence):
        return []
    return [kind for kind, p in _QUESTION_KINDS if p.search(sentence) and _known(kind, case)]


def asks_known(text: str, case: Case) -> bool:
    """Does the text ask the customer for something the conversation already gives?"""
    return any(known_asks(sentence, case) for sentence in sentences(text))


# What to ask instead, per kind, after "could you tell me".
_ASK_FOR = {
    "need": "what you'd most like us to do",
    "which": "which account, order or service this is about",
    "reference": "your reference number",
    "story": "what has happened so far",
    "date": "the date it happened",
    "amount": "the amount",
}
# Where the question starts in a sentence: "Thanks, and so that ..., could you tell me ...?"
_QUESTION_START = prebuilt.compile(
    r"(?:^|(?<=[,;:] ))(?:(?:could|can|would|may) (?:you|i)\b|which\b|what\b|how\b)",
    re.IGNORECASE,
)


def narrowed(text: str, case: Case) -> str:
    """The text with each question for what the case holds asking only for what is missing
    ("Which order is this about, and what would you like us to do?" after they said what they
    want: "Could you tell me which account, order or service this is about?"); a question
    whose every part is known is left out."""
    kept, dropped = [], False
    for sentence in sentences(text):
        known = known_asks(sentence, case)
        if not known:
            if dropped:  # "Then I'll ..." after a question left out reads "I'll ..."
                sentence = re.sub(
                    r"^(?:Then|That way),? (\w)", lambda m: m.group(1).upper(), sentence
                )
                if content_free_sentences(sentence):  # "I'll walk you through it." says nothing
                    continue
            kept.append(sentence)
            dropped = False
            continue
        dropped = True
        asked = [kind for kind, p in _QUESTION_KINDS if p.search(sentence)]
        missing = [kind for kind in asked if kind not in known]
        start = _QUESTION_START.search(sentence)
        if not missing or not start:
            continue
        phrase = _ASK_FOR[missing[0]]
        if missing[0] in ("which", "reference") and (name := _reference_name(case)):
            phrase = f"your {name}"
        lead = sentence[: start.start()]
        kept.append(f"{lead}{'c' if lead else 'C'}ould you tell me {phrase}?")
    return " ".join(kept)


def _reference_name(case: Case) -> str | None:
    for things, name in _REFERENCE_NAMES:
        if case.thing in things:
            return name
    return None


# The reference customers use for the thing at stake, to ask for it by name.
_REFERENCE_NAMES = (
    (("order", "parcel", "package", "delivery"), "order number"),
    (("booking", "reservation", "flight", "ticket", "appointment"), "booking reference"),
    (("claim",), "claim number"),
    (("policy",), "policy number"),
    (("invoice",), "invoice number"),
)


def missing_question(case: Case) -> str | None:
    """The one thing missing that matters: the reference of the thing at stake, when no turn
    (theirs or ours) gives one; None when nothing is missing."""
    name = None if case.references or not case.thing else _reference_name(case)
    if name == "booking reference" and case.dates:  # "my appointment on the 14th" names it
        return None
    return f"So I can go straight to it, could you send me your {name}?" if name else None


def anchored_times(slots: dict[str, str], case: Case) -> dict[str, str]:
    """`update_time` and `callback_time`, when the team's knowledge leaves them open, anchored
    to the customer's own deadline ("before Friday"), or to minutes when they need it within the
    hour; other times stay placeholders."""
    if case.urgent:  # stranded at a desk, checkout in an hour: this contact, not a call later
        by = "in the next few minutes"
    elif case.deadline:
        by = anchor(case.deadline)
    else:
        return slots
    return {
        **slots,
        **{slot: by for slot in ("update_time", "callback_time") if not slots.get(slot)},
    }


# After "your claim": the noun phrase ends there ("your claim is ...", "your order myself"),
# so "your claim CLM-1" reads well; not "the claim form".
_ENDS_NOUN_PHRASE = (
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:is|isn't|was|wasn't|has|hasn't|had|will|won't|should|can|"
    r"closes|on|for|and|as|so|myself|today|now|with|to|from|at|in|that|this|before|after|"
    r"until|by|straight|first|again)\b)"
)


def with_references(text: str, labelled: dict[str, str | None]) -> str:
    """ "your claim" -> "your claim CLM-20931" at the first mention of a reference's own word."""
    for reference, label in labelled.items():
        if not label or reference in text:
            continue
        text = re.sub(
            rf"\b((?:your|the|this) {re.escape(label)})\b{_ENDS_NOUN_PHRASE}",
            rf"\1 {reference}",
            text,
            count=1,
            flags=re.IGNORECASE,
        )
    return text


# Steps that are a fix or a contact: said back as done, never asked for again.
_TRIED_STEP = prebuilt.compile(
    r"^(?:tried|restarted|rebooted|reinstalled|re-installed|reset|cleared|updated|uninstalled|"
    r"unplugged|turned|switched|logged|changed|followed|checked|replaced|tested|sent|submitted|"
    r"filled in|reported)\b(?!.*\b(?:in for|for repair)\b)",
    re.IGNORECASE,
)
_CONTACT_STEP = prebuilt.compile(
    r"^(?:called|rang|phoned|emailed|contacted|chased)\b", re.IGNORECASE
)


# "called twice and got nowhere" -> "called twice": the step, not what came of it.
_STEP_END = prebuilt.compile(
    r",|\s+(?:and|but) (?:the|each|every|it|they|nothing|nobody|no one|still|got|i|you|we|no)\b",
    re.IGNORECASE,
)


def tried_step(case: Case) -> tuple[str, bool] | None:
    """The first fix or contact they already made, said cleanly ("restarted the router three
    times"), and whether it was a contact rather than a fix; None when none reads cleanly."""
    for step in case.tried:
        step = _STEP_END.split(re.sub(r"\s*\balready\b", "", step))[0].strip()
        if _TRIED_STEP.match(step):
            return step, False
        if _CONTACT_STEP.match(step):
            return step, True
    return None


def _tried_line(case: Case) -> str | None:
    found = tried_step(case)
    if not found:
        return None
    step, contact = found
    if contact:
        return f"You've already {step}, and you shouldn't have to again."
    return f"You've already {step}, so I won't ask you to do that again."


_NUMBERED = frozenset({"student", "membership", "member", "customer"})
# Reference words that are the thing itself: "your claim CLM-20931", "your order 55120334".
_THINGS = frozenset(
    {
        "order",
        "account",
        "claim",
        "policy",
        "invoice",
        "booking",
        "ticket",
        "case",
        "permit",
        "contract",
        "application",
        "loan",
        "tenancy",
        "reservation",
    }
)
# Words that name a reference but no thing a reply would mention ("Ref GYM-44721").
_NO_THING = frozenset(
    {
        None,
        "ref",
        "reference",
        "file",
        "transaction",
        "student",
        "membership",
        "member",
        "customer",
        "confirmation",
        "tracking",
        "serial",
    }
)


def _mostly_in(clause: str, said: str) -> bool:
    """Are most of the clause's words already in what was said back?"""
    words = set(clause.lower().split())
    return len(words & set(said.lower().split())) >= 0.6 * len(words)


def case_lines(case: Case, labelled: dict[str, str | None], said: str) -> list[str]:
    """Opening lines from this case's facts, most telling first, none repeating what `said`
    (the reflection) already says back."""
    found = []
    if case.deadline_said and not _mostly_in(case.deadline_said, said):
        found.append(f"I know {case.deadline_said}.")
    tried = _tried_line(case)
    if tried and not (case.issue and case.tried[0] in case.issue):
        found.append(tried)
    for ref, label in list(labelled.items())[:1]:
        if ref in said:
            continue
        found.append(f"I have {reference_named(ref, label, commas=True)} in front of me.")
    return found


def reference_named(ref: str, label: str | None, commas: bool = False) -> str:
    """Their reference as a reply names it: "your claim CLM-20931", "your reference HC-7781"."""
    before, after = (", ", ",") if commas else (" ", "")
    if label in _NUMBERED:  # perhaps not theirs: "Her student number is 2219834"
        return f"the {label} number{before}{ref}{after}"
    if label not in _NO_THING and label not in _THINGS:
        return f"your {label} number{before}{ref}{after}"  # "your repair number, RP-118820,"
    if label in _NO_THING:
        return f"your reference{before}{ref}{after}"
    return f"your {label} {ref}"  # "your claim CLM-20931"
