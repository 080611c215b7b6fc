"""Vulnerability: a customer who is hurt, in danger, bereaved, seriously ill, in hardship or in
distress needs care, not just a fix, and a lead should know.

Plain-word patterns over the customer's text, one list per kind. Figurative uses are kept out
by the patterns themselves ("this queue is killing me" names no injury; "my phone died" names
no person), and a negation just before an injury, danger or illness ("nobody was hurt") cancels
it. Deliberately simple and readable: a missed case costs a lead alert, a false one costs a
glance.

Care must fit: `care_mode` tells an emergency happening now ("urgent": only then "are you
safe?"), a situation that is the contact itself ("person": a bereavement, hardship, an injury
we caused) and an injury or illness given as background to another request ("context": "I
cancelled because I injured my knee last month; please refund April"), which a reply
acknowledges in one line before dealing with what they asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.core import prebuilt
from bot.core.hazards import (
    URGENT_HAZARDS,
    danger_patterns,
    hazard_in,
    only_the_cause,
    without_supply_in_thread,
)
from bot.core.literals import occurring, required_literals

# Kinds in order of gravity; the first three make a thread escalate, the others watch it.
KINDS = ("danger", "injury", "bereavement", "illness", "hardship", "distress")
ESCALATING = frozenset({"danger", "injury", "bereavement"})

_PERSON = (
    r"(?:husband|wife|partner|mum|mom|mother|dad|father|son|daughter|child|baby|brother|sister|"
    r"grandmother|grandfather|gran|nan|grandma|grandpa|granddad|friend|uncle|aunt|fiance|fiancee)"
)
RELATIVES = _PERSON  # the people close to them, as a pattern (bot/core/requested_action.py)
# An accident our vehicle or equipment caused, with people in its way: danger, unless they say
# someone was hurt (then the injury is what a reply meets).
_ACCIDENT = [
    r"\b(?:your|the|a) (?:driver|van|lorry|truck|bus|vehicle|courier|engineer|scaffold\w*)\b"
    r"[^.?!]{0,40}\b(?:hit|crashed into|reversed into|drove into|ran into|smashed into|"
    r"knocked (?:over|down)|fell on|landed on) (?:me|us|my|our)\b",
    r"\b(?:fell|came|flew|dropped) off (?:your|the|a) (?:van|lorry|truck|bus|roof|scaffold\w*)"
    r"[^.?!]{0,40}\b(?:hit|smashed|landed on|went through) (?:me|us|my|our)\b",
]
# What they take, in plain words: "my insulin", "her blood thinners", "his inhaler"
# The most specific first: the word a reply names their medicine by (bot/llm/care_replies.py).
MEDICINES = (
    "insulin",
    "inhaler",
    "blood thinners",
    "antibiotics",
    "painkillers",
    "injections",
    "tablets",
    "pills",
    "medication",
    "medicine",
    "prescription",
)
_MEDS = f"(?:{'|'.join(MEDICINES)}|inhalers|meds)"
# "2 more days", "a couple of doses": how long what they have left will last
_FEW_DAYS = (
    r"(?:\d+|one|two|three|four|a few|a couple of|another)(?: more)? (?:days?|doses?|nights?)"
)
_PATTERNS: dict[str, list[str]] = {
    "danger": [
        r"gas leak|smell(?:s|ing)? (?:of )?gas|carbon monoxide",
        r"caught fire|burst into flames",
        r"(?:smoke|sparks?) (?:is |are )?(?:coming|pouring) (?:out|from)",
        r"sparking|exposed wires?|electric(?:al)? shock|electrocuted",
        r"(?:don'?t|do not|didn'?t) feel safe|not safe (?:here|at home|to)|\bunsafe\b",
        r"threaten(?:ed|ing) (?:me|us|my)|stalk(?:ed|ing) me",
        r"(?:domestic )?abus(?:e|ive) (?:partner|husband|wife|ex)",
        r"kill myself|\bsuicidal\b|end it all|can'?t see (?:a|any) way out",
        r"nearly (?:came off|fell off|crashed|got hit|electrocuted)|someone (?:will|could) "
        r"(?:get|be) (?:hurt|killed|injured)",
        *_ACCIDENT,
        r"(?:don'?t|do not) want to (?:live|be here)|self[- ]harm",
        *danger_patterns(),  # gas, flooding, power lines down, a vulnerable person without heat
    ],
    "injury": [
        r"\b(?:i|he|she|we|they|my \w+) (?:was|were|got|am|is|have been|has been) "
        r"(?:badly |seriously )?(?:hurt|injured|burn(?:ed|t)|scalded|bitten)",
        r"(?<!insult to )\binjur(?:y|ies|ed)\b|\bhurt (?:me|my|him|her|us)\b(?! feelings)",
        r"broke(?:n)? (?:my|his|her) (?:arm|leg|wrist|ankle|hand|foot|rib|ribs|nose|back|neck)",
        r"(?:went to|ended up in|taken to|rushed to) (?:the )?(?:hospital|a&e|er|emergency room)",
        r"\bwhiplash\b|\bconcussion\b|\bfractured?\b|\bstitches\b|bleeding badly",
        r"\bmy (?:neck|back|head|arm|leg|wrist|ankle|knee|shoulder|chest|hand|foot) "
        r"(?:is |are )?(?:really |still |badly )?(?:hurts|hurting|is hurt|is injured|is swollen)",
        r"\b(?:i|we|he|she) (?:was|were|have been|had been) (?:in|involved in) "
        r"(?:a|an) (?:car |road |serious )?(?:accident|crash|collision)",
        r"\b(?:my|his|her) (?:\w+ )?(?:is |was )?(?:bleeding|fractured)\b",
        # burnt by what we sold: "boiling water went all over my hand", "it burned my arm"
        r"\b(?:boiling|scalding|hot) (?:water|oil|tea|coffee|soup|liquid)\b[^.?!]{0,40}"
        r"\b(?:over|on|onto|down) (?:my|his|her|their) (?:hand|hands|arm|arms|leg|legs|foot|feet|"
        r"face|chest|lap|skin|fingers?)\b",
        r"\b(?:burnt|burned|scalded|blistered) (?:my|his|her|their) (?:hand|hands|arm|arms|leg|"
        r"legs|foot|feet|face|chest|fingers?|mouth|skin)\b",
        # hurt by something of ours falling on them, and what it left: crutches, a cast
        rf"\b(?:fell|collapsed|landed|came down|dropped) (?:on(?:to)?) (?:me|my (?:head|foot|"
        rf"feet|leg|arm|hand|back)|my (?:{_PERSON[3:-1]})(?:'s \w+)?)\b",
        r"\bon crutches\b|\bin a (?:cast|sling|neck brace)\b|\bsprain(?:ed|s)?\b",
        # harm from what we sold or served: an allergic reaction, a night in A&E
        r"\ballergic reaction\b|\banaphyla\w*",
        r"\b(?:used|use|needed|need|had to use|gave (?:him|her|them)) (?:his|her|my|their|an?) "
        r"(?:epipen|epi-pen|adrenaline pen|auto-injector)|\b(?:lips?|tongue|throat|face|eyes) "
        r"(?:swelled|swelling|swelled up|started swelling|(?:was|were|is|are) (?:all )?swollen)|"
        r"\b(?:came|come|broke|breaking) out in (?:hives|a rash)|(?:couldn'?t|could not|"
        r"can'?t|cannot) breathe",
        r"\b(?:night|nights|hours|the day|all day|the evening) (?:in|at) (?:the )?"
        r"(?:hospital|a&e|er|emergency room|emergency department|casualty)\b",
        r"\b(?:hit|knocked|reversed into|ran over|run over|drove into|crashed into) (?:me|my "
        rf"(?:{_PERSON[3:-1]}))\b(?! (?:up|with|back|about)\b)",
    ],
    "bereavement": [
        r"passed away|\bpassed on\b|bereave\w*|funeral|death in the family|\bwidow(?:ed|er)?\b",
        # "my husband died", "my wife Ana died" (a name between, not "my son's phone died")
        rf"\b(?:my|our|his|her) (?:late )?{_PERSON}(?: \w+)? (?:has |had |just |recently )*"
        r"(?:died|passed)",
        rf"\blost (?:my|our) {_PERSON}\b(?!'s)|death of (?:my|our) {_PERSON}",
        r"\b(?:my|our) (?:dog|cat|pet|horse) (?:has |had |just |recently )*(?:died|passed)",
    ],
    "illness": [
        r"\bcancer\b|chemo\w*|terminal(?:ly)? ill|seriously ill|dialysis|heart attack",
        r"\bin (?:the )?hospital\b|hospitali[sz]ed|intensive care|\bicu\b",
        r"diagnosed with|my (?:illness|disability)|(?:i'?m|i am|my) disabled",
        r"chronic (?:illness|pain)|in (?:constant )?pain every day|in constant pain",
        r"run(?:ning)? out of (?:my )?(?:\w+ )?"
        r"(?:tablets|medication|medicine|insulin|inhaler|pills)",
        r"\b(?:inhaler|insulin|medication|tablets|pills|epipen|epi-pen)\b.{0,30}"
        r"\b(?:run|ran|running) out\b",
        r"mental health|\bdementia\b|\bstroke\b",
        # "my blood pressure tablets haven't arrived and I only have two left"
        r"\b(?:tablets|medication|medicine|meds|insulin|inhaler|pills|prescription)\b"
        r"[^.?!]{0,80}[.?!]?[^.?!]{0,40}\b(?:only|just) (?:have|got|had) "
        r"(?:\d+|one|two|three|a few|a couple)(?: \w+)? left\b",
        # "it's my insulin and I only have enough for 2 more days", "enough inhalers to last
        # till Friday"
        rf"\b{_MEDS}\b"
        r"[^.?!]{0,80}\benough (?:\w+ )?(?:for|to last|to get me through)(?: me)? "
        rf"{_FEW_DAYS}\b",
        r"\benough (?:insulin|medication|medicine|meds|tablets|pills|inhalers?) "
        rf"(?:for|to last)(?: me)? {_FEW_DAYS}\b",
        # "my mum's insulin hasn't been sent ... She has 2 days left", "she can't go without it"
        rf"\b{_MEDS}\b"
        r"[^?!]{0,200}\b(?:has|have|got|had|there(?:'s| is| are)) (?:only |just )?"
        rf"{_FEW_DAYS} left\b",
        rf"\b{_MEDS}\b"
        r"[^?!]{0,200}\b(?:can'?t|cannot|can not) (?:go|be|manage|cope) without (?:it|them)\b",
        # "only 2 days of insulin left"
        r"\b(?:\d+|one|two|three|four|a few|a couple of|a) (?:more )?(?:days?|doses?|pens?|"
        r"tablets?|pills?) (?:of |worth of )?(?:my |his |her )?(?:insulin|medication|medicine|"
        r"meds|tablets|pills|inhaler)s? left\b",
    ],
    "hardship": [
        r"\b(?:i|we) (?:can'?t|cannot|could ?n'?t|am unable to) afford"
        r"(?! to (?:wait|lose|miss|be|deal))",
        r"(?:can'?t|cannot) pay (?:my|the|our) (?:rent|bills?|mortgage)|no money (?:left )?for",
        r"lost my job|made redundant|\bunemployed\b|food ?bank|bailiffs?|evict(?:ed|ion)",
        r"behind (?:on|with) (?:my |the |our )?(?:rent|bills?|mortgage|payments)|in debt\b",
        r"(?:benefits|universal credit|pension) (?:was |were |has been |have been )?"
        r"(?:cut|stopped)",
        r"\b(?:my|our) (?:rent|food|bills?|mortgage|grocery|shopping|heating|electricity) money\b",
    ],
    "distress": [
        r"wits'? end|(?:can'?t|cannot|not|can no longer) cop(?:e|ing)|breaking point",
        r"in tears|(?:i'?m|i am|i was|left me) (?:\w+ )?crying|panic attacks?",
        r"(?:mental|nervous) breakdown|(?:i'?m|i am) falling apart",
        r"(?:so|really|very) (?:scared|frightened)|\bterrified\b|\b(?:i'?m|i am|we'?re) "
        r"(?:\w+ )?panicking\b",
        r"don'?t know what (?:else )?to do(?! (?:to|about|with|if|when|next time)\b)",
    ],
}
_COMPILED = {kind: [prebuilt.compile(p) for p in patterns] for kind, patterns in _PATTERNS.items()}
_NEGATED = prebuilt.compile(r"\b(?:no|not|nobody|no one|never|without|n't)\W+(?:\w+\W+){0,2}$")
_CAN_NEGATE = frozenset({"danger", "injury", "illness"})


_WHITESPACE = prebuilt.compile(r"\s+")


def _plain(text: str) -> str:
    text = text.lower()
    if not text.isascii():
        text = text.replace("’", "'").replace("‘", "'")
    if text.isprintable() and "  " not in text:  # its only spaces are single " " already
        return text
    return _WHITESPACE.sub(" ", text)


def _required_words() -> dict[str, list[frozenset[str] | None]]:
    return {kind: [required_literals(p.pattern) for p in ps] for kind, ps in _COMPILED.items()}


@lru_cache(maxsize=1)
def _needs() -> tuple[dict[str, list[frozenset[str] | None]], Callable[[str], set[str]], bool]:
    """Per pattern, words one of which its matches hold (None: unknown); a function giving
    which of all those words a text holds, in one pass (bot/core/literals.py); and whether
    every pattern has such words, so that a text holding none of them is done with at once
    (most messages are). The words are read from the patterns once and kept
    (bot/core/prebuilt.py)."""
    needs = prebuilt.value("care-needs", sorted(_PATTERNS.items()), _required_words)
    every = [words for kind in needs.values() for words in kind]
    known = [words for words in every if words is not None]
    return needs, occurring(set().union(*known)), len(known) == len(every)


def find_care(texts: list[str]) -> list[tuple[str, str]]:
    """(kind, the words found) for each kind in the customer's texts, gravest first."""
    found: dict[str, str] = {}
    needs, words_in, gated = _needs()
    for text in texts:
        plain = _plain(text)
        present = words_in(plain)
        if gated and not present:
            continue
        for kind, patterns in _COMPILED.items():
            if kind in found:
                continue
            for pattern, words in zip(patterns, needs[kind], strict=True):
                if words is not None and words.isdisjoint(present):
                    continue
                if kind == "danger" and only_the_cause(pattern.pattern, plain):
                    continue
                match = next(
                    (
                        m
                        for m in pattern.finditer(plain)
                        if kind not in _CAN_NEGATE or not _NEGATED.search(plain[: m.start()])
                    ),
                    None,
                )
                if match:
                    found[kind] = match.group(0)
                    break
    if "danger" not in found and (told := without_supply_in_thread(texts)):
        found["danger"] = told  # the cold home and the baby in different turns
    return [(kind, found[kind]) for kind in KINDS if kind in found]


# How to meet each need: see the module docstring.
URGENT, PERSON, CONTEXT = "urgent", "person", "context"
_NOW = prebuilt.compile(
    r"\b(?:right now|just now|at the moment|as we speak|bleeding|can'?t (?:move|breathe|get out)|"
    r"trapped|unconscious|(?:has |have |just )(?:been )?(?:hit|knocked|reversed|crashed|fell|"
    r"fallen|hurt|injured|bitten|burn\w*|scald\w*|electrocuted))\b"
)
_BEING_SEEN = prebuilt.compile(r"\b(?:at|in|from) (?:the )?(?:hospital|a&e|er|doctor'?s?|gp)\b")
_PAST = prebuilt.compile(
    r"\b(?:last (?:week|month|year|night|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|summer|winter|spring|autumn)|yesterday|ago|back in|earlier this (?:week|month|year)|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|on \d{1,2}(?:st|nd|rd|th)? \w+|long[- ]term|recently|for (?:weeks|months))\b"
)
# "because I injured my knee", "and I need to move her contract": the need explains something.
_REASON = prebuilt.compile(
    r"\b(?:because|as|since|due to|after|so|which is why|that's why|owing to|following)\b"
    r"|\b(?:and|so) (?:i|we) (?:need|want|have|would like|'d like)\b"
    r"|\b(?:can'?t|cannot|couldn'?t|unable to) (?:\w+ )?(?:train|work|travel|fly|drive|attend|"
    r"come|go|make|get|use|leave|walk|play|swim|ride)\b"
)
_WE_CAUSED = prebuilt.compile(r"\b(?:your|you)\b")
_SOMETHING_ELSE = prebuilt.compile(
    r"\?|\b(?:refund\w*|charg\w*|cancel\w*|claim|money back|please|i'?d like|i would like|"
    r"i want|i need|can i|could i|how do i|move|transfer|change|book\w*)\b"
)
_BACKGROUND_KINDS = frozenset({"injury", "illness"})
_SENTENCE = prebuilt.compile(r"(?<=[.!?])\s+|\n+")


def _sentence_with(words: str, texts: list[str]) -> tuple[str, str]:
    """The sentence holding `words`, and everything else the customer said."""
    for index, text in enumerate(texts):
        parts = _SENTENCE.split(_plain(text))
        for at, sentence in enumerate(parts):
            if words in sentence:
                rest = [*texts[:index], *parts[:at], *parts[at + 1 :], *texts[index + 1 :]]
                return sentence, _plain(" ".join(rest))
    return "", _plain(" ".join(texts))


def care_mode(texts: list[str]) -> str | None:
    """How to meet the gravest need in the customer's texts (URGENT, PERSON or CONTEXT), or
    None when there is none."""
    found = find_care(texts)
    if not found:
        return None
    kind, words = found[0]
    injury = next((found_words for k, found_words in found if k == "injury"), None)
    if kind == "danger" and injury and any(re.search(p, words) for p in _ACCIDENT):
        kind, words = "injury", injury  # "your driver reversed into my car and she was hurt"
    sentence, rest = _sentence_with(words, texts)
    past = bool(_PAST.search(sentence))
    if (
        kind == "danger"
    ):  # gas, water, power lines: urgent still; no supply for the frail: the person
        hazard = hazard_in([words])
        if hazard in URGENT_HAZARDS:
            return URGENT
        return PERSON if past or hazard == "without_supply" else URGENT
    if kind == "injury" and not past and _NOW.search(sentence):
        return PERSON if _BEING_SEEN.search(sentence) else URGENT
    background = past or _REASON.search(sentence.replace(words, " ", 1))
    if kind not in _BACKGROUND_KINDS or not background or _WE_CAUSED.search(sentence):
        return PERSON
    after = _REASON.split(sentence, maxsplit=1)[-1]  # "... and I need to move her contract"
    return CONTEXT if _SOMETHING_ELSE.search(rest) or _SOMETHING_ELSE.search(after) else PERSON


# "..., because I injured my knee", "... and I need to move her contract": clause breaks.
_CLAUSE = prebuilt.compile(
    r",?\s+(?:and|but|because|as|since)\s+(?=(?:i|we|my|our|she|he|they)\b)|[;,]\s+",
    re.IGNORECASE,
)


def without_care(texts: list[str]) -> list[str]:
    """The customer's texts without the clauses that show a need: what else they asked."""
    kept = []
    for text in texts:
        sentences = []
        for sentence in _SENTENCE.split(text):
            clauses = [c for c in _CLAUSE.split(sentence) if c.strip() and not find_care([c])]
            if clauses:
                sentence = ", ".join(clauses)
                sentences.append(sentence if sentence[-1] in ".!?" else sentence + ".")
        if sentences:
            kept.append(" ".join(sentences))
    return kept
