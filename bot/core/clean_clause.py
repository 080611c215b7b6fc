"""Whether a clause said back to the customer reads as a clean sentence of ours.

A reflection pastes the customer's words after a frame ("Thanks for explaining that ..."), so
the clause must stand on its own in the agent's mouth: a subject and a finite verb, second
person (no "I", "me" or "my" left), nothing dangling at the end ("can't send one without"),
no insult or swearing said back ("our internet is a joke"), no shouting ("AGAIN"), no aside in
brackets. `clean(clause)` gives the clause tidied of what can be mended (shouted words lower
case, brackets and a trailing ", £250" out, a comma part that only insults dropped) or None;
a caller with None reflects the topic or says nothing, never the broken text.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.clause_repair import dropped_auxiliary, is_instruction, without_our_claims
from bot.core.tidy import known

_FLAGS = re.IGNORECASE
# Judging us or swearing: the customer may say it; the agent does not say it back.
# Swearing used only for stress ("the damn fees", "a bloody live agent"): the word goes.
_INTENSIFIER = prebuilt.compile(
    r"\b(?:damn|damned|bloody|fucking|freaking|flipping|effing)\s+", _FLAGS
)
INSULT = prebuilt.compile(
    r"\b(?:a joke|joke|jokes|useless|rubbish|crap\w*|shit\w*|shite|bloody|damn\w*|fuck\w*|"
    r"bullshit|ridiculous|pathetic|shambles|disgrace\w*|incompetent|clowns?|idiots?|morons?|"
    r"scam\w*|thieves|cowboys|worst|terrible|awful|appalling|horrendous|hopeless|laughable|"
    r"shocking|diabolical|rip.?off|sucks?|garbage|trash|stupid|insane|unacceptable)\b",
    _FLAGS,
)
_FIRST_PERSON = prebuilt.compile(r"\b(?:i|me|my|mine|myself)\b(?!')", _FLAGS)
# Subjects a clause said back may open with; a noun ("tracking", "money") also does, when a
# finite verb follows it.
_NOT_SUBJECT = prebuilt.compile(
    r"^(?:only|just|still|also|really|even|never|not|no|again|already|then|and|but|or|so|"
    r"because|to|for|with|without|of|from|by|at|in|on|about|when|if|while|after|before|"
    r"first|second|third|last|next|another|\w+ed)$",
    _FLAGS,
)
_CONTRACTED = prebuilt.compile(r"^\w+'(?:s|re|ve|d|ll|m)$|^\w+n't$", _FLAGS)
_FINITE = frozenset(
    """is are was were has have had does do did can can't could couldn't will won't would
    wouldn't should shouldn't must may might isn't aren't wasn't weren't hasn't haven't
    hadn't doesn't don't didn't keeps kept says said shows showed got gets went goes came
    comes took takes gave gives left made makes sent paid put set told rang broke fell
    stopped seems looks needs wants""".split()  # noqa: SIM905
)
_DANGLING = frozenset(
    """without with for to of from by about at in on into onto and or but because so the a an
    your our their his her my than as if which who whose""".split()  # noqa: SIM905
)
_ARTICLES = frozenset("the a an your our their his her my".split())  # noqa: SIM905
_PREPOSITIONS = frozenset("to for about on at with from into".split())  # noqa: SIM905
# "you need ...", "we've ...": a pronoun subject, then its verb (not "we for ...").
_PRONOUN = frozenset(["you", "we", "they", "he", "she", "it"])
_NOT_VERB_S = frozenset(
    [
        "this",
        "his",
        "its",
        "us",
        "yes",
        "plus",
        "thus",
        "as",
        "always",
        "perhaps",
        "unless",
        "across",
        "less",
    ]
)
# A preposition may end a clause with one of these before it: "won't say what for", "a card
# that your daughter spilled juice on".
_WH = prebuilt.compile(r"\b(?:what|who|which|where|whom|that)\b", _FLAGS)
_BRACKETS = prebuilt.compile(
    r"\s*[(\[][^)\]]*[,\d][^)\]]*[)\]]"
)  # an aside: "(Kia Picanto, reg LB21)"
_TRAILING_FACT = prebuilt.compile(r",\s+[£$€]?\d[\d,.]*\s*\w{0,6}\s*$")
_SHOUTED = prebuilt.compile(r"\b[A-Z]{5,}\b")  # "AGAIN", "NEVER"; "ATM", "NHS" stay


def unshouted(text: str) -> str:
    """Shouted dictionary words in lower case ("AGAIN" -> "again"); acronyms ("NHS", "EU",
    "SIM") stay. A sentence written all in capitals is lowered whole."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        lowered = text.lower()
        return re.sub(r"(^|[.!?]\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), lowered)
    return _SHOUTED.sub(lambda m: m.group(0).lower() if known(m.group(0)) else m.group(0), text)


def _without_insult(clause: str) -> str:
    """The clause less any comma part that judges or swears ("this is bloody ridiculous, your
    dog's prescription was meant to be ready" -> "your dog's prescription was meant ...")."""
    parts = [p for p in re.split(r"\s*,\s*", clause) if p]
    kept = [p for p in parts if not INSULT.search(p)]
    return ", ".join(kept) if kept and len(kept) < len(parts) else clause


def _has_subject_and_verb(words: list[str]) -> bool:
    if words[0].lower() in _PRONOUN and words[1].lower() not in _DANGLING:
        return True
    for index, word in enumerate(words):
        lower = word.lower().strip(",;:")
        if _CONTRACTED.match(lower) and index == 0 and not lower.endswith("n't"):
            return True  # "there's", "you've", "it's": subject and verb in one
        finite = (
            lower in _FINITE
            or _CONTRACTED.match(lower)
            or (index > 0 and lower.endswith("ed") and len(lower) > 4)
            or (
                0 < index <= 3
                and lower.endswith("s")
                and not lower.endswith("ss")
                and lower not in _NOT_VERB_S
            )
        )
        if finite:
            return index > 0 and not _NOT_SUBJECT.match(words[0].lower())
    return False


_LINKS = frozenset("and but so that because if when or to".split())  # noqa: SIM905
_INFINITIVE = frozenset("able want wanted need needed have has going trying like used".split())  # noqa: SIM905


def _relative_clause_ends(words: list[str]) -> bool:
    """ "an X-ray you specifically said no to": a pronoun after a noun, then its verb and the
    preposition; not "you were not able to" (an infinitive cut off)."""
    if words[-1].lower().strip(".,;:!?") == "to" and words[-2].lower() in _INFINITIVE:
        return False
    lower = [w.lower() for w in words]
    return any(
        lower[i] in _PRONOUN
        and lower[i - 1] not in _LINKS | _PRONOUN | _FINITE
        and not lower[i - 1].endswith(("ing", "ed"))  # "giving you", "asked you": an object
        for i in range(max(1, len(words) - 5), len(words) - 1)
    )


# "the dentist said", "you were told": what was said is cut off.
_REPORTING = frozenset("said says told asked mentioned explained promised".split())  # noqa: SIM905


def _dangles(words: list[str]) -> bool:
    last = words[-1].lower().strip(".,;:!?")
    if last in _ARTICLES or last in _REPORTING:
        return True  # "when you picked the", "the dentist said": cut off
    if last in _PREPOSITIONS and _relative_clause_ends(words):
        return False  # "an X-ray you said no to": the relative clause ends the sentence
    return last in _DANGLING and not _WH.search(" ".join(words[:-1]))


def _without_dangling_tail(text: str) -> str:
    """A last comma or "and" part that is cut off goes: "you need to change a booking, and made
    a mistake on" -> "you need to change a booking"."""
    words = text.split()
    if not words or not _dangles(words):
        return text
    cut = max(text.rfind(", "), text.rfind(" and "))
    return text[:cut].strip(" ,") if cut > 0 else text


# ", embarrassing", ", so annoying": a last comma part of a word or two, with no verb, is an
# aside the clause reads without.
# When and how often stay: ", again", ", today".
_ASIDE_TAIL = re.compile(
    r",\s+(?!(?:again|today|tonight|yesterday|twice|now|still|too|either|though)\b)"
    r"(?:so |very |really |quite |too )?[a-z]+[.!]*$"
)
# ", tried 3 different cables": a last comma part with no subject of its own goes.
_SUBJECTLESS_TAIL = re.compile(r",\s+(?:also |already |even )?(?:tried|\w+ed)\b[^,]*$", _FLAGS)


# "you hope we can help you": a wish for help, not what it is about.
_ONLY_HELP = prebuilt.compile(
    r"^you (?:hope|were hoping|wonder|'re wondering)\b[\w' ]*\bhelp( you)?$", _FLAGS
)


def clean(clause: str | None) -> str | None:
    """The clause fit to be said back after a frame, mended where it can be; None otherwise."""
    if not clause:
        return None
    text = _INTENSIFIER.sub("", _BRACKETS.sub("", unshouted(clause)))
    text = _TRAILING_FACT.sub("", _without_insult(text)).strip(" ,;:-")
    text = _without_dangling_tail(_SUBJECTLESS_TAIL.sub("", _ASIDE_TAIL.sub("", text)))
    if INSULT.search(text) or _FIRST_PERSON.search(text):
        return None
    words = text.split()
    if (
        _ONLY_HELP.match(text)
        or is_instruction(text)
        or dropped_auxiliary(text)
        or len(words) < 3
        or not text[0].isalpha()
        or not _has_subject_and_verb(words)
    ):
        return None
    return None if _dangles(words) else without_our_claims(text)


_DETERMINER = prebuilt.compile(r"\b(your|our|the|a|an)\s+")
_PHRASE_STOP = frozenset(
    """is are was were be been has have had do does did to for with from at on in of and or but
    that this it which who when if than as by about into so not no can can't will won't would
    could should since until after before they them you we he she me us their his her its
    any some all every one year years month months week weeks day days hour hours minute
    minutes time times while lot bit way""".split()  # noqa: SIM905
)


def topic_phrase(clause: str | None) -> str | None:
    """What a clause that cannot be said back is about, as a noun phrase of its own words ("a
    reoccurring electronic deposit", "our customer service"): the first of two to four words
    after "your", "our", "the" or "a" with no verb, no insult and no garbling."""
    if not clause:
        return None
    text = _INTENSIFIER.sub("", unshouted(clause))
    for found in _DETERMINER.finditer(text):
        words: list[str] = []
        for word in text[found.end() :].split()[:4]:
            if word.lower() in _PHRASE_STOP or not word.isalpha():
                break
            if words and word.lower().endswith("ed"):
                break  # "your plan included EU": a verb after the noun ends the phrase
            words.append(word)
        while words and words[-1].lower().endswith(("ed", "ing")):
            words.pop()  # "the deposit returned": the noun, not the verb after it
        said = " ".join(words)
        enough = len(words) + (found.group(1) != "the") >= 2
        readable = all(known(w) or w[0].isupper() for w in words)
        if words and enough and readable and not INSULT.search(said):
            return f"{found.group(1)} {said}"
    return None
