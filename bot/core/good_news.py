"""What a customer is pleased about, said back: "it's working again, thanks!" becomes "it's
working again", so that a thank-you reply names what went well instead of a stock line.

Only a clause with its own subject is said back ("I finally got someone who helped me", "the
engineer was brilliant"); fragments ("great service, thanks") stay unreflected.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.reflect import second_person

_FLAGS = re.IGNORECASE
_SENTENCES = prebuilt.compile(r"(?<=[.!?])\s+|\n+")
_THANKS = prebuilt.compile(
    r"(?:^|[\s,;-]+)(?:thanks?(?: you)?(?: so much| very much| again| a lot)?|cheers|ty|thx)"
    r"(?: to \w+)?[\s!.,]*$|^(?:hi|hello|hey|ok|okay|also|and|just|wow|yay)\b[\s,!.]*",
    _FLAGS,
)
_SUBJECT_START = prebuilt.compile(
    r"^(?:i|i've|i'm|we|we've|it|it's|its|everything|my|our|the|your|you|that|this|he|she|they|"
    r"(?:\w+ ){1,2}(?:was|is|were|has been))\b",
    _FLAGS,
)
_NOT_GOOD_NEWS = prebuilt.compile(
    r"\?|\b(?:not|never|no|still|but|problem|issue|broken|wrong|again\?|wait|terrified|scared|"
    r"upset|angry|worried|afraid|frustrated|sad|i'd like|i would like|i want|please|"
    r"make sure|can you|could you)\b",
    _FLAGS,
)


# "thanks so much for sorting it so quickly": what they thank us for
_THANKS_FOR = prebuilt.compile(
    r"\b(?:thanks?(?: you)?|thank you)(?: so much| very much| again| a lot)? for "
    r"(?P<what>(?:the|your|that|this|such) [\w\s'-]{2,40}?|\w+ing\b[\w\s'-]{0,40}?)"
    r"(?=[.!,;]|$)",
    _FLAGS,
)
# "Thank you for ruining my phone" is no thanks.
_NOT_THANKS = prebuilt.compile(
    r"\?|\b(?:not|never|no|still|but|wait|ruin\w*|break\w*|broke|wast\w*|ignor\w*|nothing|"
    r"lying|lies)\b",
    _FLAGS,
)
_SAY_LEAD = prebuilt.compile(
    r"^(?:i )?(?:just )?want(?:ed)? to (?:say|let you know|tell you)(?: that)?\s*", _FLAGS
)
_JUST_HELP = prebuilt.compile(r"^(?:your|the|that|this) (?:help|time|assistance|support)$", _FLAGS)
# A subjectless "Got my replacement today": the customer is the one who got it.
_OWN_VERB = prebuilt.compile(r"^(?=(?:got|received|had|finally got|just got)\b)", _FLAGS)
# The staff member a customer praises by name: "nurse Priya", "shout out to Jonas", "Sam was
# brilliant".
_STAFF = prebuilt.compile(
    r"\b(?i:shout ?out to|thanks to|thank you to|kudos to|nurse|doctor|dr\.?|agent|driver|"
    r"engineer|technician|advis[eo]r|receptionist|colleague|manager|staff member|stylist|"
    r"teacher|vet|service from|help from) (?P<a>[A-Z][a-z]{2,20})\b|"
    r"\b(?P<b>[A-Z][a-z]{2,20}) (?:from|in|at|on) "
    r"(?i:support|customer service|the team|your team|the desk|reception)\b|"
    r"\b(?P<c>[A-Z][a-z]{2,20}),? (?:was|has been|is) (?:so |really |very |absolutely )?"
    r"(?i:wonderful|great|brilliant|amazing|fantastic|helpful|lovely|excellent|superb|kind)"
)
_NOT_A_NAME = frozenset({"The", "This", "That", "It", "Everyone", "She", "He", "They", "Support"})


def praised_staff(customer_turns: list[str]) -> str | None:
    """The first name of the staff member the customer praises, if they name one."""
    for turn in customer_turns:
        for match in _STAFF.finditer(turn):
            name = match.group("a") or match.group("b") or match.group("c")
            if name not in _NOT_A_NAME:
                return name
    return None


def _thanked_for(sentence: str) -> str | None:
    """What they thank us for, said back: "for sorting it so quickly" -> "sorting it so quickly
    made a difference", "for the quick reply" -> "the quick reply helped"."""
    match = _THANKS_FOR.search(sentence)
    if not match:
        return None
    what = match.group("what").strip()
    if _JUST_HELP.match(what):
        return None
    if what.split()[0].lower().endswith("ing"):
        # "sorting it so quickly made a difference": their words, and no claim that we did it
        return second_person(f"{what} made a difference")
    return second_person(f"{what} helped")


def good_news_clause(customer_turns: list[str], words: int = 16) -> str | None:
    """The customer's latest pleased clause in the second person; None if none stands alone."""
    for turn in reversed(customer_turns):
        # each sentence, then its clauses: "Brilliant service today, Jake was really helpful."
        parts = [
            (part, index > 0)
            for s in _SENTENCES.split(turn)
            for index, part in enumerate(re.split(r",\s+", s))
        ]
        parts = [(s, False) for s in _SENTENCES.split(turn)] + [p for p in parts if p[1]]
        for sentence, inside in parts:
            text = _SAY_LEAD.sub("", _OWN_VERB.sub("I ", " ".join(sentence.split())))
            text = re.sub(r"^I (\w+)", lambda m: f"I {m.group(1).lower()}", text)
            thanked = None if _NOT_THANKS.search(text) else _thanked_for(text)
            text = text[: _THANKS_FOR.search(text).start()] if thanked else text
            for _ in range(2):
                text = _THANKS.sub("", text).strip(" ,.!-")
            text = re.sub(r"^its\b", "it's", text, flags=_FLAGS)
            fits = 3 <= len(text.split()) <= words and not _NOT_GOOD_NEWS.search(text)
            if not (fits and _SUBJECT_START.match(text)):
                if thanked:
                    return thanked
                continue
            if _SUBJECT_START.match(text):
                said_back = second_person(text)
                keep = said_back.startswith("I ") or (inside and said_back[0].isupper())
                return said_back if keep else said_back[0].lower() + said_back[1:]
    return None
