"""What a thread was about, as a short noun phrase of the customer's own words ("the alarm
volume", "your broadband"), for a reply that must name it without saying back a sentence: a
thank-you at the end of a thread ("That fixed it, thanks") names what was fixed.

A phrase the agent also used ("We'd love to help with your alarm volume") comes first: both
sides named the thing the same way, so it reads cleanly in the agent's mouth. Then the
customer's own thing ("my controller" -> "your controller"), the longest first, then the thing
their opening turn names. "the ..." in the customer's words alone may name anything ("the
till"), so it is not used.
Only known words, no verbs, no insults; what fits none of these is None, never a fragment.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.clean_clause import INSULT
from bot.core.conversation import Conversation
from bot.core.reflect import second_person
from bot.core.things import THINGS
from bot.core.tidy import known, tidy

_DETERMINER = prebuilt.compile(r"\b(your|our|my|the)\s+", re.IGNORECASE)
# Words that end a noun phrase: verbs, pronouns, prepositions, time words.
_STOP = frozenset(
    """is are was were be been being has have had do does did to for with from at on in of and
    or but that this it which who when if than as by about into so not no can can't will won't
    would could should since until after before they them you we he she me us their his her its
    any some all every one year years month months week weeks day days hour hours minute minutes
    time times while lot bit way today tonight yesterday tomorrow now just still again also
    really very too keeps keep kept get gets got stopped stops won't doesn't isn't wasn't
    problem problems issue issues thing things help support service customer team the a an your
    our my two three four five other another same best worst says said shows showed went goes
    came comes took takes made makes ever never work works working what why how where who whose
    whether please thanks thank asap pls omg lol wtf ffs fyi btw imo smh tbh ok okay yes
    i point question concern opinion fault mistake bad guess mind life luck lets let allows
    gives""".split()  # noqa: SIM905
)
_WORD = prebuilt.compile(r"[A-Za-z][A-Za-z'-]*$|[A-Z][A-Za-z]*\d[A-Za-z\d]*$")  # "PS4", "A9"
# A phrase that ends on one of these has lost its noun ("your favourite time" -> "your favourite").
_ADJECTIVE_END = frozenset(
    """favourite favorite own new old usual only whole entire first last next current
    previous""".split()  # noqa: SIM905
)


def _base(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _phrases(text: str) -> list[tuple[str, list[str]]]:
    """(determiner, words) for each noun phrase of up to four words after a determiner."""
    found = []
    for match in _DETERMINER.finditer(text):
        words: list[str] = []
        for word in text[match.end() :].split()[:4]:
            lead = word.lstrip("\"'(")
            bare = lead.rstrip(".,!?;:\"')")
            if bare != lead:  # a phrase ends at its punctuation
                if bare and bare.lower() not in _STOP and _WORD.match(bare):
                    words.append(bare)
                break
            if bare.lower() in _STOP or not _WORD.match(bare) or "'" in bare:
                break
            if words and bare.lower().endswith("ed"):
                break  # "your plan included EU roaming": a verb after the noun ends the phrase
            words.append(bare)
        while words and words[-1].lower().endswith(("ed", "ing", "ly")):
            words.pop()  # "the deposit returned": the noun, not the verb after it
        if words and words[-1].lower() in _ADJECTIVE_END:
            continue
        readable = words and all(known(w) or w[0].isupper() for w in words)
        if readable and not INSULT.search(" ".join(words)):
            found.append((match.group(1).lower(), words))
    return found


def _said_by(words: list[str], customer_words: set[str]) -> bool:
    return all(_base(w) in customer_words for w in words)


def thread_topic(conversation: Conversation) -> str | None:
    """The thing the customer's earlier turns were about, said as the agent would say it."""
    customer = [m for m in conversation.customer_messages][:-1]
    if not customer:
        return None
    first = THINGS.search(tidy(customer[0].text))  # the thing of their opening turn
    thing = first.group(1).lower() if first else None
    earlier_text = tidy(" ".join(m.text for m in customer))
    customer_words = {_base(w) for w in re.findall(r"[A-Za-z'-]+", earlier_text)}
    candidates: list[tuple[int, str]] = []
    for message in conversation.messages:
        if message.role != "agent":
            continue
        for determiner, words in _phrases(message.text):
            while len(words) > 1 and not _said_by(words, customer_words):
                words = words[:-1]  # "the card reader firmware": what they said of it
            shared = len(words) > 1 and _said_by(words, customer_words)  # "the point": no
            if determiner in ("your", "the") and shared:
                candidates.append((10 + len(words), f"{determiner} {' '.join(words)}"))
    # their own thing ("my controller" -> "your controller"); "the ..." alone may be anything
    for determiner, words in _phrases(second_person(earlier_text)):
        if determiner == "your":
            candidates.append((len(words), f"your {' '.join(words)}"))
    named = _named_thing(earlier_text)  # "Pointe Du Hoc", "Adobe Lightroom"
    if named:
        candidates.append((len(named.split()), named))
    if thing:
        candidates.append((1, f"your {thing}"))
    best = max(candidates, key=lambda c: c[0], default=None)
    return best[1] if best else None


# A product or place named in capitals ("Adobe Lightroom", "AA Advantage points"): two or more
# capitalised words, one of them a name rather than an everyday word ("Customer Service" is
# not one), and the plain noun right after it.
_NAME_RUN = prebuilt.compile(r"\b(?:[A-Z][\w]*(?:\s+|$)){2,4}")


def _named_thing(text: str) -> str | None:
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower() in _STOP:
            words = words[1:]  # "The", "My", "OMG": a sentence's first word, not the name
        if any(w.lower() in _STOP for w in words):
            continue
        plain = [w for w in words if known(w) and not w.isupper()]
        if len(words) < 2 or len(plain) == len(words) or INSULT.search(" ".join(words)):
            continue
        after = text[match.end() :].split()[:1]
        noun = after[0].strip(".,!?;:") if after else ""
        if noun.islower() and noun.isalpha() and known(noun) and noun not in _STOP:
            return " ".join(["the", *words, noun])  # "the AA Advantage points"
        return " ".join(words)
    return None


def named_topic(customer_turns: list[str]) -> str | None:
    """A topic of two words or more for a message no clause of which can be said back: their
    own thing ("my refund process" -> "your refund process"), else a product or place they name
    in capitals; None when neither is there (the caller falls back to their thing, or nothing)."""
    for turn in customer_turns:
        text = tidy(turn)
        own = [w for d, w in _phrases(second_person(text)) if d == "your" and len(w) > 1]
        if own:
            return f"your {' '.join(own[0])}"
        named = _named_thing(text)
        if named:
            return named
    return None
