"""The customer's own deadline: "before my rent goes out on Friday", "my flight is on the 12th".

A date counts as a deadline when the clause looks ahead to it: "before", "by" or "until" the
date, or something due, starting, closing or happening then (a flight, a wedding, exams, a
renewal, a payment going out). A date that looks back ("I paid on Monday", "since Tuesday",
"last week") is a fact, not a deadline, and so is a date that was due and has gone ("it was
due Tuesday"). What is found is said back, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import prebuilt
from bot.core.case_patterns import NO_SUBJECT
from bot.core.reflect import second_person

_FLAGS = re.IGNORECASE
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# The date itself, as the customer wrote it: "Friday", "Saturday 6th", "the 12th", "30 September".
_WHEN = prebuilt.compile(
    rf"\b(?:{_DAY}(?: (?:the )?{_ORD}(?: {_MONTH})?)?(?!'s)|the {_ORD}(?: of {_MONTH})?|"
    rf"{_ORD} (?:of )?{_MONTH}|{_MONTH} {_ORD}|today|tonight|tomorrow|"
    r"the end of (?:the|this|next) (?:day|week|month)|next week)\b",
    _FLAGS,
)
# Looking back: the date is when something happened.
_BACK = prebuilt.compile(r"\b(?:last|since|ago|from|this morning|yesterday)\b\s*$", _FLAGS)
# Looking ahead, just before the date: "before my rent goes out on", "by", "until".
# "by" only right before the date: "by direct debit on the 3rd" says how, not when.
_AHEAD = prebuilt.compile(
    r"\b(?:(?:before|until|till|no later than|ahead of|in time for|due)\b"
    r"(?:\s+[\w'&-]+){0,6}\s*(?:on\s+|is\s+|of\s+)?|by\s+(?:the end of\s+)?)$",
    _FLAGS,
)
# Something that happens then: a departure, an event, a renewal, a payment going out.
_EVENT = prebuilt.compile(
    r"\b(?:flight|fly|flying|travel\w*|leav\w*|arriv\w*|wedding|funeral|exams?|interview|"
    r"presentation|surgery|operation|appointment|holiday|trip|moving|move|birthday|party|"
    r"deadline|due|expir\w*|renew\w*|closes?|closing|starts?|starting|begins?|goes out|go out|"
    r"comes out|runs? out|direct debit|rent|mortgage|need\w*|must|have to)\b",
    _FLAGS,
)
# A clause told in the past: "I sent my laptop in on 3 May", "I paid £45 on Monday".
_PAST = prebuilt.compile(
    r"\b(?:was|were|did|had|sent|paid|ordered|requested|bought|booked|took|applied|made|"
    r"renewed|returned|called|rang|emailed|happened|got|received|cancelled|canceled|died|went|"
    r"came|left|broke|fell|lost|told|said|didn't|did not|wasn't|weren't|hasn't|haven't|hadn't|"
    r"\w{3,}ed)\b",
    _FLAGS,
)
# Past forms that do not end in -ed, said by the customer of themselves: "I set up the direct
# debit on the 3rd", "we paid on the 2nd", "I've put the form in on Monday". "set" and "put"
# count only after a subject, since they are also nouns and present forms.
_OWN_PAST = prebuilt.compile(
    r"\b(?:i|we|you)(?:'ve| have| had)?\s+(?:already |just |only |also )?(?:set|put|cut|let|shut|"
    r"froze|chose|wrote|spoke|bought|brought|sold|spent|lent|built|met|gave|began|drove|rode|"
    r"flew|saw|knew|wore|signed|topped|logged|filled|handed|dropped|picked)\b",
    _FLAGS,
)
# A date that was due and has gone: "it was due Tuesday", "it should have come on the 12th":
# a promise we missed, to own, not a deadline ahead.
_MISSED = prebuilt.compile(
    r"\b(?:(?:was|were|had been)\s+(?:due|supposed|meant|expected|scheduled|promised)|"
    r"should have (?:been|come|arrived)|(?:didn'?t|did not|never) (?:come|arrive))\b",
    _FLAGS,
)
# "can't come till next week", "won't be fixed until Monday": when our wait ends, not a date
# they must have it by ("we're not flying until the 12th" is theirs).
_DELAYED = prebuilt.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\bi'm )(?<!\bwe're )(?<!\bwe are )(?<!\bi am )"
    r"\b(?:can'?t|cannot|won'?t|couldn'?t|wouldn'?t|not|nobody \w+|no one \w+|no \w+)\b"
    r"[^.;!?]{0,40}"
    r"\b(?:till|until)\b(?:\s+[\w'&-]+){0,6}\s*(?:on\s+|is\s+|of\s+)?$",
    _FLAGS,
)
_NOT_PAST = prebuilt.compile(r"\b(?:need|needed|booked in|scheduled|planned)\b", _FLAGS)
_CLAUSE = prebuilt.compile(r"(?<=[.!?;])\s+|\n+|,\s*(?:and|but|so)\s+|\s+(?:and|but)\s+", _FLAGS)
_SOON = ("today", "tonight")


@dataclass(frozen=True, slots=True)
class Deadline:
    when: str  # "Friday", "the 12th", "30 September", "today"
    said: str | None  # their clause, said back: "your rent goes out on Friday"; None: no subject


def anchor(when: str) -> str:
    """The time a promise can be anchored to: "before Friday", "today"."""
    return "today" if when.lower() in _SOON else f"before {when}"


def _ahead(clause: str, match: re.Match) -> bool:
    before = clause[: match.start()]
    if _BACK.search(before) or _MISSED.search(before) or _DELAYED.search(before):
        return False
    if _AHEAD.search(before):
        return True
    told = (_PAST.search(clause) or _OWN_PAST.search(clause)) and not _NOT_PAST.search(clause)
    return bool(_EVENT.search(clause)) and not told


def _said_back(clause: str) -> str | None:
    text = re.sub(
        r"^\s*(?:(?:so|and|but|also|then|oh|please|please note|just so you know|hi|hello|hey|"
        r"hiya|good (?:morning|afternoon|evening))[,!\s]+)+",
        "",
        clause,
        flags=_FLAGS,
    )
    text = second_person(text.strip(" ,.!?;:"))
    if len(text.split()) < 3 or NO_SUBJECT.match(text):  # "travelling with a toddler next week"
        return None
    return text[0].lower() + text[1:] if text[:2] != "I " else text


def find_deadline(customer_turns: list[str]) -> Deadline | None:
    """The customer's deadline (the soonest stated: today over any later date); None if none."""
    found: list[Deadline] = []
    for turn in customer_turns:
        for clause in _CLAUSE.split(turn):
            if not clause or "?" in clause:
                continue  # "can you still do Saturday?" asks; it does not set a deadline
            for match in _WHEN.finditer(clause):
                if _ahead(clause, match):
                    found.append(Deadline(match.group(0), _said_back(clause)))
                    break
    soon = [d for d in found if d.when.lower() in _SOON]
    return (soon or found or [None])[0]
