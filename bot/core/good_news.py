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
    r"make sure|can you|could you|needs?|needed|appreciate\w*|thankfully|it'?s ok|"
    r"i'll|we'll|i will|we will|questions?|wondering|only able)\b|n't\b|"
    r"^(?:what|when|where|why|how|which|who)\b",
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
_OWN_VERB = prebuilt.compile(
    r"^(?=(?:got|received|had|finally got|just got|(?:really )?lov(?:e|ing) (?:the|your|how)))",
    _FLAGS,
)
# A subjectless "Just memorizing the new channels": the customer is the one doing it.
_OWN_DOING = prebuilt.compile(
    r"^(?=just (?!(?:giving|saying|letting|wanting|checking|asking|wondering)\b)\w+ing\b)",
    _FLAGS,
)
# The staff member a customer praises by name: "nurse Priya", "shout out to Jonas", "Sam was
# brilliant".
_STAFF = prebuilt.compile(
    r"\b(?i:shout ?out to|thanks to|thank you to|kudos to|nurse|doctor|dr\.?|agent|driver|"
    r"engineer|technician|advis[eo]r|receptionist|colleague|manager|staff member|stylist|"
    r"teacher|vet|pharmacist|carer|cleaner|porter|conductor|chef|waiter|waitress|instructor|"
    r"trainer|coach|librarian|officer|midwife|paramedic|dentist|hygienist|physio|plumber|"
    r"electrician|courier|postman|postwoman|mechanic|service from|help from) "
    r"(?P<a>[A-Z][a-z]{2,20})\b|"
    r"\b(?P<b>[A-Z][a-z]{2,20}) (?:from|in|at|on) "
    r"(?i:support|customer service|(?:the|your) (?:\w+ )?(?:team|desk)|"
    r"reception)\b|"
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


_CLAUSES = prebuilt.compile(r",\s+|\s+and\s+(?=(?:the|my|our|it|i|we|they|everything)\b)", _FLAGS)
# A subject and a bare auxiliary say nothing: "I did thankfully", "we are".
_BARE = prebuilt.compile(
    r"^\w+ (?:did|do|does|have|has|had|am|are|is|was|were|can|could)(?: \w+ly)?$|"
    r"^\w+ (?:are|is|am|was|were) (?:good|fine|ok|okay|all good|all set|sorted)$",
    _FLAGS,
)
# An aside at the end ("... by many families who might otherwise not have one"): not the news.
_RELATIVE_TAIL = prebuilt.compile(r",?\s+(?:who|which|whom) .*$", _FLAGS)


# A compliment in a few words: "great service on twitter", "super quick delivery, thanks".
_SPEEDY = r"quick|quicker|fast|speedy|prompt|smooth|easy|painless"
_COMPLIMENT = prebuilt.compile(
    r"^(?:(?:really|very|so|such|super|a|an)\s+)*(?:great|excellent|amazing|fantastic|brilliant|"
    r"wonderful|outstanding|superb|awesome|lovely|friendly|helpful|first class|top notch|"
    rf"(?P<speed>{_SPEEDY}))\s+(?P<what>service|support|job|help|experience|response|"
    r"turnaround|advice|delivery|checkout|claim|process|team|staff|repair|installation)"
    r"(?P<where>\s+(?:on|from|at|in|with)\s+[\w' -]{2,30})?$",
    _FLAGS,
)
_OURS = frozenset(["service", "support", "team", "staff", "advice", "help"])


def _complimented(fragment: str) -> str | None:
    """What a compliment in a few words praises, said back when it names something: "great
    service on twitter" -> "you were happy with our service on twitter"; "super quick delivery"
    -> "you were happy with the quick delivery". None for anything else."""
    match = _COMPLIMENT.match(fragment.strip(" .!"))
    if not match or not (match.group("speed") or match.group("where")):
        return None  # "great service" alone names nothing of theirs
    what = match.group("what").lower()
    speed = f"{match.group('speed').lower()} " if match.group("speed") else ""
    owner = "our" if what in _OURS and not speed else "the"
    where = second_person(match.group("where") or "")
    return f"you were happy with {owner} {speed}{what}{where}"


def good_news_clause(customer_turns: list[str], words: int = 16) -> str | None:
    """The customer's pleased clause in their latest turn, in the second person; None if none
    stands alone. Earlier turns tell the problem ("my boiler stopped working"), not the news."""
    for turn in customer_turns[-1:]:
        # each sentence, then its later clauses ("Brilliant service today, Jake was really
        # helpful."), then the first clause of a long one ("Love the new app, booked in ...")
        whole = _SENTENCES.split(turn)
        split = [_CLAUSES.split(s) for s in whole]
        parts = [(s, False) for s in whole] + [(c, True) for cs in split for c in cs[1:]]
        parts += [(cs[0], False) for cs in split if len(cs) > 1]
        for sentence, inside in parts:
            text = _OWN_DOING.sub("I'm ", _OWN_VERB.sub("I ", " ".join(sentence.split())))
            text = _SAY_LEAD.sub("", text)
            text = re.sub(r"^(I|I'm) (\w+)", lambda m: f"{m.group(1)} {m.group(2).lower()}", text)
            thanked = None if _NOT_THANKS.search(text) else _thanked_for(text)
            text = text[: _THANKS_FOR.search(text).start()] if thanked else text
            for _ in range(2):
                text = _THANKS.sub("", text).strip(" ,.!-")
            text = re.sub(r"^its\b", "it's", text, flags=_FLAGS)
            text = _RELATIVE_TAIL.sub("", text)
            fits = 3 <= len(text.split()) <= words and not _NOT_GOOD_NEWS.search(text)
            fits = fits and not _BARE.match(text)
            if not (fits and _SUBJECT_START.match(text)):
                praised = thanked or _complimented(text)
                if praised:
                    return praised
                continue
            if _SUBJECT_START.match(text):
                # "you guys were great" -> "we were great": praise of us, said back as such
                said_back = second_person(re.sub(r"\byou (?:guys|all|lot)\b", "you", text))
                keep = said_back.startswith("I ") or (inside and said_back[0].isupper())
                return said_back if keep else said_back[0].lower() + said_back[1:]
    return None
