"""The first suggestion's next step, written from the case before the playbook.

A playbook template is a moment's stock line ("I'll go through the charges line by line ...");
when the case says what this customer wants back and what they hold, the first suggestion
promises that instead, with their facts: "I'll check the 3 monthly payments of £39 (£117 in
all) against your cancellation email and, if a refund is due, arrange it so it reaches you
within [refund time]; I'll update you [update time] either way." Money is checked before
it is promised; times come from the team's knowledge or stay placeholders. A clause of theirs
that would be said back broken is repaired only where the repair is certain (a dropped "is", a
dropped "you"), else it is left to the composer's topic line.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case

_FLAGS = re.IGNORECASE
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NUMBERS |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNT = r"(\d{1,2}|" + "|".join(_NUMBERS) + r")"
_MONEY = r"([£$€])\s?(\d+(?:[.,]\d{2})?)"
# "3 months of £39", "three payments of £12.50", "£39 a month for 3 months"
_REPEATED = (
    prebuilt.compile(
        rf"\b{_COUNT} (months?|payments?|charges?|weeks?|instalments?) (?:of|at) {_MONEY}", _FLAGS
    ),
    prebuilt.compile(
        rf"{_MONEY} (?:a|per|every) (month|week)\b[^?!]{{0,25}}?\b(?:for|that's|thats|it's been|"
        rf"now) {_COUNT} (?:months?|weeks?)\b",
        _FLAGS,
    ),
)
_UNIT = {"month": "monthly payments", "week": "weekly payments", "payment": "payments"}
_UNIT |= {"charge": "charges", "instalment": "instalments"}


def repeated_amount(text: str) -> str | None:
    """ "3 months of £39" -> "the 3 monthly payments of £39 (£117 in all)"; None otherwise."""
    for index, pattern in enumerate(_REPEATED):
        match = pattern.search(text)
        if not match:
            continue
        if index == 0:
            count, unit, currency, amount = match.groups()
        else:
            currency, amount, unit, count = match.groups()
        number = int(count) if count.isdigit() else _NUMBERS[count.lower()]
        value = float(amount.replace(",", "."))
        if number < 2 or number > 24:
            return None
        total = value * number
        shown = f"{total:.2f}" if "." in amount or "," in amount else f"{total:.0f}"
        unit = _UNIT[unit.lower().rstrip("s")]
        return f"the {number} {unit} of {currency}{amount} ({currency}{shown} in all)"
    return None


# What they hold or sent that proves their side: "I have the cancellation email", "I've got the
# confirmation text", "I sent a meter reading of 14522".
_PROOF = (
    r"proof of (?:postage|posting|purchase|payment|delivery)|"
    r"email|e-mail|text|sms|letter|receipt|screenshot|confirmation|reading|photos?|quote|"
    r"statement|invoice|proof|certificate|note|message"
)
_HOLDS = prebuilt.compile(
    r"\bI(?: still)?( have|'ve got|'ve| kept| sent| submitted| took| attached)(?: got)? (?:you )?"
    rf"(the|a|an|my) ((?:[\w-]+ ){{0,3}}?(?:{_PROOF}))\b(?! (?:{_PROOF})\b)"
    r"(?: of [£$€]?\d[\d,]*(?:\.\d+)?)?",
    _FLAGS,
)


# What they hold is "yours" ("your cancellation email": "the email you have" reads "you've" in a
# casual voice); what they sent or took is said with it.
_HOLDING = frozenset({"have", "'ve got", "'ve", "kept"})
_DID = {"took": "you took", "attached": "you attached"}


def evidence(texts: list[str]) -> tuple[str, str] | None:
    """What they hold, said back, and its head noun: ("your cancellation email", "email"),
    ("the meter reading of 14522 you sent", "reading"); None when they mention none."""
    for text in texts:
        for match in _HOLDS.finditer(text):
            verb = match.group(1).strip().lower()
            noun = match.group(0)[match.start(3) - match.start(0) :]
            if re.search(r"\b(?:your|our)\b", noun, _FLAGS):
                continue
            head = match.group(3).split()[-1]
            if verb in _HOLDING:
                return f"your {noun}", head
            return f"the {noun} {_DID.get(verb, 'you sent')}", head
    return None


# They want money back, in their words: "want it back", "money back", "refund", "still no £X
# back", "still holding my deposit".
_BACK = prebuilt.compile(
    r"\b(?:want|need|get|have)\b[^.?!]{0,15}\b(?:it|them|that|this|my money|the money) back\b|"
    r"\bmoney back\b|\brefund|\breimburse|\bno [£$€]?[\d.,]+ back\b|\bstill no (?:sign of )?"
    r"(?:my |the )?(?:refund|money)\b",
    _FLAGS,
)
_HELD = prebuilt.compile(
    r"\b(?:holding|held|kept|keeping|withheld|retained)\b[^.?!]{0,25}\bdeposit\b|"
    r"\bdeposit\b[^.?!]{0,25}\b(?:held|not (?:been )?(?:returned|released))\b",
    _FLAGS,
)
_CORRECT = prebuilt.compile(
    r"\b(?:correct|fix|amend|adjust|re-?issue)\b[^.?!]{0,6}\b(?:it|this|that|the bill|my bill)\b",
    _FLAGS,
)


def _money_step(case: Case, texts: list[str], named: str, issue: str, disputed: bool) -> str | None:
    """Money they want back or put right, with their amount, reference and proof."""
    said = " ".join(texts)
    # a refund asked for in another language (bot/core/multilingual_signals.py): the case has
    # no English to read an amount or a "back" from, but the request itself is theirs
    asked_abroad = "refund" in case.requests and case.language not in (None, "en")
    if "money" not in case.premises or not (case.amounts or asked_abroad):
        return None
    if {"duplicate_charge", "price_rise", "refund_promised", "refund_awaited"} & case.premises:
        return None  # the playbook's own specific line fits; its facts are added elsewhere
    proof = evidence(texts)
    held, back, correct = _HELD.search(said), _BACK.search(said), _CORRECT.search(said)
    # proof alone points at money only when the charge itself is what they dispute (a receipt
    # for a faulty kettle asks for a repair or a replacement, not a refund)
    back = back or asked_abroad
    if not (held or back or correct or (proof and (disputed or "fee" in case.premises))):
        return None
    if not case.amounts:  # asked abroad, no amount given: their payment, named plainly
        held = correct = None
    what = repeated_amount(said) or (f"the {case.amounts[0]}" if case.amounts else "your payment")
    if held:
        what, condition = f"your {case.amounts[0]} deposit", "if nothing is holding it back, "
        condition += "have it released to you"
    elif correct and not back:
        condition = "if it's wrong, correct it and confirm the corrected amount in writing"
    else:  # they want it back, or their proof says it shouldn't have been taken
        condition = "if a refund is due, arrange it so it reaches you within {refund_time}"
    if "fee" in case.premises and what.startswith("the ") and not held:
        what = f"{what} fee"  # "the £15 fee"
    elif case.thing in _MONEY_THINGS and what.startswith("the ") and not held:
        what = f"{what} {case.thing}"  # "the £212 bill"
    on = named
    against = " now"
    if proof:  # "against that reading" when the reflection already says which
        against = (
            f" against that {proof[1]}" if proof[1].lower() in issue else f" against {proof[0]}"
        )
    return (
        f"I'll check {what}{on}{against} and, {condition}; I'll update you {{update_time}} "
        "either way."
    )


_MONEY_THINGS = frozenset("bill charge fee payment invoice fare premium fine".split())  # noqa: SIM905


def referenced(labelled: dict[str, str | None]) -> str:
    """Their first reference as the step names it: " on your order 88231", " (ref GYM-44721)";
    "" with none."""
    for ref, label in labelled.items():
        return f" on your {label} {ref}" if label in _THINGS else f" (ref {ref})"
    return ""


_THINGS = frozenset(
    {"order", "account", "claim", "policy", "invoice", "booking", "ticket", "case", "permit"}
    | {"contract", "application", "loan", "tenancy", "reservation", "return"}
)


def lead_step(
    case: Case, texts: list[str], labelled: dict[str, str | None], moment: str = ""
) -> str | None:
    """The honest next step this case calls for, with its facts; None when the case does not
    say enough for one (the playbook's template stands). `moment` is the playbook's id."""
    issue = (case.issue or "").lower()
    disputed = moment == "billing-dispute"
    return _money_step(case, texts, referenced(labelled), issue, disputed)


# "your gym membership still charging you" -> "... is still charging you": a dropped "is"
# before a verb in -ing that has an object or "still" before it.
_DROPPED_IS = prebuilt.compile(
    r"^((?:your|the|our|this|that) (?:[\w'-]+ ){0,3}?[\w'-]+) (still|now|always|keeps?) "
    r"(\w+ing)\b(?= (?:you|me|us|them|it|the|your|for|to|on)\b)",
    _FLAGS,
)
_VERBS = prebuilt.compile(
    r"\b(?:is|are|was|were|has|have|had|been|keeps?|kept|'s|'re|will|can)\b", _FLAGS
)
# "you ordered a sofa, delivery was booked for today, took the day off work": a part with no
# subject after a "you" clause is theirs too.
_SUBJECTLESS = prebuilt.compile(
    r"^(?:took|waited|stayed|paid|lost|had|got|rang|called|phoned|emailed|booked|sent|"
    r"cancelled|returned|left|missed|spent|gave|made)\b",
    _FLAGS,
)


# "we cancelled your table for 6 on Saturday by text" said back by the agent reads as a claim
# of our own; "your table for 6 on Saturday was cancelled by text" says back what they told us.
_WE_DID = prebuilt.compile(
    r"^we(?:'ve| have)? (cancell?ed|called off|moved|changed) (your .+?)(?=,| by | because |"
    r" at (?:the )?last minute| without |$)",
    _FLAGS,
)


def said_cleanly(issue: str | None) -> str | None:
    """The issue with a dropped "is" or "you" put back, where the repair is certain, and our
    own action they report told in the passive."""
    if not issue:
        return issue
    done = _WE_DID.match(issue)
    if done:
        issue = f"{done.group(2)} was {done.group(1)}{issue[done.end() :]}"
    match = _DROPPED_IS.match(issue)
    if match and not _VERBS.search(match.group(1)):
        subject = match.group(1)
        be = "are" if re.search(r"[^s]s$", subject) else "is"
        adverb = "" if match.group(2).lower().startswith("keep") else f"{match.group(2)} "
        if adverb:
            issue = f"{subject} {be} {adverb}{match.group(3)}{issue[match.end() :]}"
    if issue.lower().startswith("you ") and ", " in issue:
        parts = issue.split(", ")
        fixed = [parts[0]]
        for part in parts[1:]:
            fixed.append(f"you {part}" if _SUBJECTLESS.match(part) else part)
        if fixed != parts:
            if len(fixed) > 2 and not fixed[-1].startswith("and "):
                fixed[-1] = f"and {fixed[-1]}"
            issue = ", ".join(fixed)
    return issue
