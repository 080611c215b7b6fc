"""How close a conversation is to escalating: Conversation -> EscalationAssessment.

A transparent, lexicon-based model, cheap enough to run on every message:

* each customer message is read for anger and frustration, complaint structure ("never
  received", "still waiting", "charged twice"), repeat contact, requests for a manager or a
  human, and threats to cancel, to go public or to take legal action;
* negation ("not happy"), intensifiers ("so frustrating"), a "but" clause, polite requests
  and sarcasm ("Great, another two-week delay", "thanks for nothing") are taken into
  account, and ALL CAPS, "!!!", "?!" and upset emoji add to what is there (emoji read by
  their Unicode names, bot/core/emoji_tone.py);
* social-media text is read as plain words first: hashtags split ("#neveragain"), @handles
  dropped, "soooo" squeezed (bot/core/social.py);
* the latest customer turn weighs most, earlier turns add a decaying share, negativity
  rising across turns adds more, and so does a customer left waiting for an agent's reply.

Agent turns are never scored as customer anger. The word lists live in
`bot.core.escalation_lexicon` and are domain-neutral by design.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from bot.core import escalation_lexicon as lex
from bot.core import prebuilt
from bot.core.care import CONTEXT, ESCALATING, care_mode, find_care
from bot.core.conversation import Conversation
from bot.core.emoji_tone import emoji_tones
from bot.core.signature import without_signature
from bot.core.social import handles_opening, has_social_marks, plain_words
from bot.core.text import clean_text, clean_words_and_breaks, words, words_and_breaks

__all__ = ["EscalationAssessment", "assess", "tokens"]

# Levels. The score is 1 - exp(-evidence / SCALE); thresholds tuned on the development data.
WATCH_AT = 0.30
ESCALATE_AT = 0.70
SCALE = 3.0
WAIT_WATCH = 30 * 60.0  # seconds a customer waits for an agent before we watch
WAIT_ESCALATE = 2 * 60 * 60.0  # ... and before we escalate

# Multi-turn weighting: the k-th customer turn before the latest adds EARLIER * DECAY**k of
# its evidence; negativity rising into the latest turn adds RISING.
EARLIER = 0.45
DECAY = 0.5
RISING = 0.8
WAITING = 1.0  # evidence added by a wait past wait_watch (twice that past wait_escalate)
RECENT_TURNS = 4

# One message: praise next to a complaint keeps MIXED of its weight; a polite request with no
# anger keeps REQUEST of the complaint's weight.
MIXED = 0.3
REQUEST = 0.6
DIMINISH = 0.7  # the k-th complaint (or delay) cue in a message counts DIMINISH**k
SITUATION = 1.5  # evidence that something has gone wrong (what turns praise sarcastic)
ANGRY = 2.4  # an anger cue this strong is not softened by a polite request

THREATS = ("legal", "manager", "public", "cancel")
_THREAT_TAGS = frozenset(THREATS)
TOLD_AS_OVER = 0.2  # a complaint told as fixed, in thanks for the fix, counts this much
THREAT = 2.4  # a threat pattern at least this strong sets the level by itself (see assess)


@dataclass(frozen=True)
class EscalationAssessment:
    score: float  # 0..1
    level: str  # "none" | "watch" | "escalate"
    reasons: list[str] = field(default_factory=list)
    signals: frozenset[str] = frozenset()
    care: tuple[str, ...] = ()  # vulnerability kinds found (bot/core/care.py), gravest first
    care_mode: str | None = None  # how to meet the gravest: urgent | person | context

    def to_dict(self) -> dict:
        data = {"score": round(self.score, 3), "level": self.level, "reasons": list(self.reasons)}
        if not self.care:
            return data
        return {**data, "care": list(self.care), "care_mode": self.care_mode}


# --- tokens ---------------------------------------------------------------------------------
# Words come from bot.core.text, with "." marking clause breaks, so that negation and phrases
# do not run across sentences.


def tokens(text: str) -> list[str]:
    """The words of `normalise(text)`."""
    return words(text)


# --- the lexicon, compiled ------------------------------------------------------------------


class _Phrase(NamedTuple):
    rest: list[str]  # the words after the first
    size: int  # len(rest)
    weight: float  # > 0 counts against; < 0 is praise ("positive" and "irony" phrases)
    tag: str


def _phrase(rest: list[str], weight: float, tag: str) -> _Phrase:
    return _Phrase(rest, len(rest), -abs(weight) if tag in ("irony", "positive") else weight, tag)


def _index_phrases() -> dict[str, list[_Phrase]]:
    """First word -> phrases starting with it, longest first; `#` stands for a quantity."""
    index: dict[str, list[_Phrase]] = {}
    for text, (weight, tag) in lex.PHRASES.items():
        first, *rest = text.split()
        index.setdefault(first, []).append(_phrase(rest, weight, tag))
    quantity = index.pop("#", [])
    for word in lex.QUANTITY:
        index[word] = index.get(word, []) + quantity
    index["#"] = quantity
    for entries in index.values():
        entries.sort(key=lambda p: -p.size)
    return index


_PHRASES = _index_phrases()


class _Phrases(NamedTuple):
    """One first word's phrases, filed by their second word, each with its place in the list."""

    by_next: dict[str, tuple[tuple[int, list[str], _Phrase], ...]]  # (place, words after, _)
    bare: tuple[int, _Phrase] | None  # the first one-word phrase


def _filed(phrases: list[_Phrase]) -> _Phrases:
    by_next: dict[str, list[tuple[int, list[str], _Phrase]]] = {}
    bare = None
    for place, phrase in enumerate(phrases):
        if phrase.size:
            by_next.setdefault(phrase.rest[0], []).append((place, phrase.rest[1:], phrase))
        elif bare is None:
            bare = (place, phrase)
    return _Phrases({word: tuple(found) for word, found in by_next.items()}, bare)


_FILED = {word: _filed(phrases) for word, phrases in _PHRASES.items()}
# "5hrs", "2days": a number glued to its unit reads as "# hours"
_GLUED = prebuilt.compile(r"\d+(hrs?|hours?|h|mins?|minutes?|days?|wks?|weeks?|months?)")
# fmt: off
_UNITS = {"h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "min": "minutes",
          "mins": "minutes", "minute": "minutes", "day": "days", "wk": "weeks", "wks": "weeks",
          "week": "weeks", "month": "months"}
# fmt: on


def _number_phrases(word: str) -> _Phrases | None:
    if word.isdigit():
        return _FILED["#"]
    glued = _GLUED.fullmatch(word)
    if glued:
        unit = glued.group(1)
        weight, tag = lex.PHRASES.get("# " + _UNITS.get(unit, unit), (0.0, ""))
        return _filed([_phrase([], weight, tag)]) if tag else None
    return None


# word -> (valence, tag): valence > 0 is escalation evidence, < 0 is praise
_WORDS: dict[str, tuple[float, str]] = {w: (-v, "praise") for w, v in lex.POSITIVE.items()}
_WORDS.update({w: (v, "complaint") for w, v in lex.TROUBLE.items()})
_WORDS.update({w: (v, "anger") for w, v in lex.ANGER.items()})


_STOPS = frozenset(".?!")
_NEGATORS, _CONTRAST, _PROFANITY = lex.NEGATORS, lex.CONTRAST, lex.PROFANITY
_INTENSIFIERS = lex.INTENSIFIERS
_KNOWN = frozenset(_PHRASES) | frozenset(_WORDS) | _NEGATORS | _CONTRAST | _STOPS


def _threat_group(
    tag: str, patterns: list[tuple[str, float, str]]
) -> tuple[str, frozenset[str], list[tuple[frozenset[str], str, float]]]:
    keyed = [(frozenset(words.split()), p, w) for p, w, words in patterns]
    return tag, frozenset().union(*(keys for keys, _, _ in keyed)), keyed


# Compiled when a message first holds one of a pattern's words (most messages hold none),
# from the program kept in MOT_CACHE_DIR (bot/core/prebuilt.py).
_threat_pattern = cache(prebuilt.compile)

# (tag, words one of which must be present, [(words, pattern, weight)])
_THREATS = [
    _threat_group("manager", lex.MANAGER_PATTERNS),
    _threat_group("legal", lex.LEGAL_PATTERNS),
    _threat_group("public", lex.PUBLIC_PATTERNS),
    _threat_group("cancel", lex.CANCEL_PATTERNS),
]

# Raw-text cues that normalisation removes.
_CAPS = prebuilt.compile(r"\b[A-Z]{4,}\b")
# A name in capitals is not shouting: a merchant on a statement ("PAYPAL *STEAMGAMES", "FASTFIT
# GYMS LTD"), or a run of capitals right after "from", "by", "called" ("a charge from BRITISH GAS").
_CAPS_NAME = prebuilt.compile(
    r"\b(?:from|by|via|called|named)\s+((?:[A-Z0-9&*.'-]+\s*){1,5})"
    r"|((?:[A-Z0-9&.'-]+\s+){0,4}(?:\*\s*[A-Z0-9]+|LTD|LIMITED|INC|PLC|LLC|GMBH|CO|\S+\.COM)\b)"
)
_CAPS_OK = frozenset({"ASAP", "HTTP", "HTTPS", "INFO", "NASA", "FAQS", "EDIT", "PDF", "HTML"})
_EXCLAIM = prebuilt.compile(r"!{2,}|\?{3,}|[?!]{2,}")
_NEG_EMOTICON = prebuilt.compile(r"[:=]'?-?[(\[/\\]|>:\(")  # on the cleaned, URL-free text
_POS_EMOTICON = prebuilt.compile(r"[:;=]-?[)d\]]|\(:|<3")
_HASHTAG = prebuilt.compile(r"#(\w{5,})")


def _hashtag(tag: str) -> tuple[float, str] | None:
    """'#epicfail', '#badservice', '#nothappy': a hashtag that fuses a negative word."""
    tag = tag.lower()
    if tag in _WORDS:
        return None
    for cut in range(2, len(tag) - 2):
        head, tail = tag[:cut], tag[cut:]
        if head in lex.NEGATORS and tail in lex.POSITIVE:
            return 0.8 * lex.POSITIVE[tail], f"#{tag}"
        if head in lex.HASHTAG_HEADS or tail in lex.HASHTAG_TAILS:
            return 1.6, f"#{tag}"
    return None


# --- one message ----------------------------------------------------------------------------


class _Cue(NamedTuple):
    weight: float
    tag: str
    text: str


_weight = attrgetter("weight")


class _Reading(NamedTuple):
    evidence: float  # > 0: escalation evidence; < 0: a content customer
    cues: tuple[_Cue, ...]  # what counted against, strongest first
    signals: frozenset[str]


def _diminish(cues: list[_Cue]) -> list[_Cue]:
    """A long description of a problem is not anger: each further complaint cue counts less."""
    out, seen = [], {"complaint": 0, "delay": 0}
    for cue in sorted(cues, key=_weight, reverse=True):
        if cue.tag in seen:
            cue = _Cue(cue.weight * DIMINISH ** seen[cue.tag], cue.tag, cue.text)
            seen[cue.tag] += 1
        out.append(cue)
    return out


def _longest(words: list[str], i: int, candidates: _Phrases) -> _Phrase | None:
    """The first of the word's phrases (longest first) that the words from `i` on hold."""
    bare = candidates.bare
    if i + 1 < len(words):
        for place, after, phrase in candidates.by_next.get(words[i + 1], ()):
            if bare is not None and place > bare[0]:
                break
            if words[i + 2 : i + 1 + phrase.size] == after:
                return phrase
    return bare[1] if bare is not None else None


def _thanks_for_trouble(words: list[str]) -> str | None:
    """'Thanks for losing my order': thanks for something that went wrong."""
    for i, word in enumerate(words):
        if word in ("thanks", "thank") and "for" in words[i + 1 : i + 3]:
            start = words.index("for", i + 1) + 1
            for after in words[start : start + 3]:
                if _WORDS.get(after, (0.0, ""))[0] >= 1.0:
                    return " ".join(words[i : words.index(after, start) + 1])
    return None


# Readings of up to 4,096 messages of up to 2,000 characters are cached; longer ones are read
# each time, so that the cache's memory stays bounded (docs/operations.md).
CACHED_READINGS, CACHED_CHARS = 4096, 2000


def _read(text: str) -> _Reading:
    """Evidence of escalation in one customer message (cached: threads are re-read often)."""
    return _read_cached(text) if len(text) <= CACHED_CHARS else _reading(text)


def _reading(text: str) -> _Reading:
    words = None
    if has_social_marks(text):  # hashtags, @handles, "soooo": plain words first
        if opening := handles_opening(text):  # "@SkyLiner where is my bag": no other mark
            # The text's words as the matcher read them (bot/core/text.py keeps them), without
            # the handles' own: words never run across the space after a handle, so these are
            # the plain text's words, and a tweet is not split into words a second time.
            handles = clean_words_and_breaks(clean_text(opening))
            words = words_and_breaks(text)[len(handles) :]
        text = plain_words(text, _KNOWN)
    clean = clean_text(text)
    if words is None:
        words = words_and_breaks(text)  # as the matcher read them (bot/core/text.py keeps them)
    # (position, weight, tag, text): weight > 0 counts against, < 0 is praise. Praise tagged
    # "irony" ("oh great", "thanks a lot") is sarcasm when something has gone wrong.
    found: list[tuple[int, float, str, str]] = []
    caps = {w.lower() for w in _CAPS.findall(text) if w not in _CAPS_OK}
    if len(caps) >= 2:
        for name in _CAPS_NAME.finditer(text):
            caps.difference_update(w.lower() for w in _CAPS.findall(name.group(1) or name.group(2)))
    contrast_at = -1  # the last "but"
    negator_at = -9  # the last "not", "no", "never" ... in this clause
    request = False
    skip = 0  # words inside a phrase already read
    for i, word in enumerate(words):
        if i < skip or (word not in _KNOWN and not word[0].isdigit()):
            continue
        if word in _STOPS:
            negator_at = -9
            continue
        # phrases first, the longest wins, and their words are not read again
        candidates = _FILED.get(word)
        if candidates is None and word[0].isdigit():
            candidates = _number_phrases(word)
        phrase = _longest(words, i, candidates) if candidates is not None else None
        if phrase is not None:
            if phrase.tag == "request":
                request = True
            elif phrase.tag != "neutral":
                span = " ".join(words[i : i + 1 + phrase.size]) if phrase.size else word
                found.append((i, phrase.weight, phrase.tag, span))
            skip = i + 1 + phrase.size
            continue
        if word in _CONTRAST:
            contrast_at = i
        entry = _WORDS.get(word)
        if entry is not None:
            valence, tag = entry
            prev = words[i - 1] if i else ""
            if prev in _INTENSIFIERS:
                valence *= _INTENSIFIERS[prev]
            if word in caps:
                valence *= 1.3
            if negator_at < i - 3 or negator_at < contrast_at:
                found.append((i, valence, tag, word))
            elif valence < 0:  # "not happy", "without any help"
                found.append((i, -0.8 * valence, "anger", " ".join(words[negator_at : i + 1])))
            elif word not in _PROFANITY:  # "not bad", "never late": faintly positive
                found.append((i, -0.3 * valence, "positive", f"{words[negator_at]} {word}"))
            else:  # swearing keeps its force: "not doing a damn thing"
                found.append((i, valence, tag, word))
        if word in _NEGATORS:
            negator_at = i

    # a "but" clause carries the point: what comes before it counts less
    if contrast_at >= 0:
        found = [(p, w * (0.6 if p < contrast_at else 1.2), t, x) for p, w, t, x in found]
    cues = _diminish([_Cue(w, t, x) for _, w, t, x in found if w > 0])
    praise = [(p, -w, t, x) for p, w, t, x in found if w < 0]
    negative = sum(c.weight for c in cues)
    # how wrong things are, counting every complaint cue in full (for sarcasm, below)
    undiminished = sum(w for _, w, _, _ in found if w > 0) - negative
    positive = sum(w for _, w, _, _ in praise)
    signals: set[str] = set()

    # escalation threats
    present = set(words)
    joined = ""
    for tag, keys, patterns in _THREATS:
        if present.isdisjoint(keys):
            continue
        joined = joined or " ".join([w for w in words if w != "."])
        if tag == "manager" and _passes_praise_on(joined, positive, negative):
            continue
        for needed, pattern, weight in patterns:
            match = None if present.isdisjoint(needed) else _threat_pattern(pattern).search(joined)
            if match:
                cues.append(_Cue(weight, tag, match.group(0)))
                negative += weight
                if weight >= THREAT:  # weaker hits ("talk to someone") are only cues
                    signals.add(tag)
                break
    # hashtags that fuse words ("#epicfail")
    if "#" in text:
        for tag in _HASHTAG.findall(text):
            hit = _hashtag(tag)
            if hit:
                cues.append(_Cue(hit[0], "anger", hit[1]))
                negative += hit[0]

    # a polite request about a problem is not (yet) frustration
    if request and not signals and not any(c.tag == "anger" and c.weight >= ANGRY for c in cues):
        cues = [_Cue(c.weight * REQUEST, c.tag, c.text) for c in cues]
        negative *= REQUEST

    # thanks for a fix, with the problem told as over ("the boiler had been broken for a week
    # and he had it going in twenty minutes"): the story of the fix, not a complaint
    if praise and not signals and contrast_at < 0 and _thanks_for_a_fix(words, praise):
        cues = [_Cue(c.weight * TOLD_AS_OVER, c.tag, c.text) for c in cues]
        negative *= TOLD_AS_OVER
        undiminished *= TOLD_AS_OVER

    # sarcasm: praise next to a negative situation is not praise
    sarcasm = next((c.text for c in cues if c.tag == "sarcasm"), None)
    if negative + undiminished >= SITUATION and praise:
        sincere = [x for _, w, t, x in praise if t != "irony" and w >= 1.0]
        ironic = [x for _, _, t, x in praise if t == "irony"]
        openers = [x for p, _, _, x in praise if _opens_with_praise(words, p)]
        turned = (
            (ironic[0] if ironic and not sincere else None)
            or (openers[0] if openers and len(openers) >= len(sincere) else None)
            or (_thanks_for_trouble(words) if len(sincere) == 1 else None)
        )
        if turned:
            sarcasm = sarcasm or turned
            weight = 0.5 * positive + 1.0
            cues.append(_Cue(weight, "sarcasm", str(sarcasm)))
            negative += weight
            positive = 0.0
        else:  # a mixed message: the complaint wins, the praise is mostly politeness
            positive *= MIXED
    # praise the emoji contradict ("so nice of you 🙄", "love it 😡"): sarcasm
    tones = emoji_tones(text)
    angry, ironic = tones.get("angry", 0), tones.get("ironic", 0)
    happy, sad = tones.get("happy", 0), tones.get("sad", 0)
    if positive > 0 and (angry or ironic) and not happy:
        sarcasm = sarcasm or f"{praise[0][3]} (with an eye-roll emoji)"
        weight = 0.5 * positive + 1.0
        cues.append(_Cue(weight, "sarcasm", sarcasm))
        negative += weight
        positive = 0.0
    if sarcasm:
        signals.add("sarcasm")

    # what normalisation drops: ALL CAPS, "!!!", "?!", emoji
    if negative > 0:
        shouting = len(caps.intersection(words))
        if shouting >= 2:
            weight = min(0.4 * shouting, 1.6)
            cues.append(_Cue(weight, "shouting", "ALL CAPS"))
            signals.add("shouting")
            negative += weight
        if "!" in text or "?" in text:
            negative *= 1.0 + min(0.1 * len(_EXCLAIM.findall(text)), 0.3)
    if ("?!" in text or "!?" in text) and positive < SITUATION:  # indignant, even without words
        cues.append(_Cue(1.0, "anger", "?!"))
        negative += 1.0
    sad = angry + sad
    if ironic and negative > 0 and "sarcasm" not in signals:  # 🙃 🤡 by a complaint
        cues.append(_Cue(1.4, "sarcasm", "ironic emoji"))
        signals.add("sarcasm")
        negative += 1.4
    if ":" in clean or "<3" in clean:
        sad += len(_NEG_EMOTICON.findall(clean))
        happy += len(_POS_EMOTICON.findall(clean))
    if sad:
        weight = min(1.4 * sad, 2.8)
        cues.append(_Cue(weight, "anger", "upset emoji"))
        negative += weight
    if happy and negative < SITUATION:
        positive += min(1.2 * happy, 2.4)

    signals.update(c.tag for c in cues if c.tag in _REASON_PREFIX)
    cues.sort(key=_weight, reverse=True)
    return _Reading(negative - positive, tuple(cues), frozenset(signals))


_read_cached = lru_cache(maxsize=CACHED_READINGS)(_reading)


# "make sure her manager hears about it", "pass this on to his supervisor": praise to pass on.
_PASS_ON = prebuilt.compile(
    r"\b(?:hear|hears|heard|know|tell|pass|passed|praise|recogni[sz]\w*|deserves?|credit|"
    r"feedback|mention|commend\w*)\b"
)


_PRAISING = prebuilt.compile(
    r"\bdeserves? (?:some |a bit of )?(?:recognition|credit|praise|thanks|a mention|a raise)\b|"
    r"\b(?:great|brilliant|spotless|fantastic|excellent|amazing|wonderful|superb) "
    r"(?:job|work|service)\b"
)


_FIXED = prebuilt.compile(
    r"\b(?:fixed|sorted|resolved|replaced|repaired|refunded|working (?:again|perfectly|fine)|"
    r"back (?:on|up|working)|up and running|(?:had|got) (?:it|them|us|me) (?:going|working|"
    r"running|fixed|sorted|back))\b"
)
# still wrong, or only wished for ("it needs to be fixed", "it would be up and running")
_NOT_OVER = prebuilt.compile(
    r"\b(?:not|never|still|again|yet|no longer|n't|nt|need|needs|should|must|want|wants|would|"
    r"could|please)\b"
)


def _thanks_for_a_fix(words: list[str], praise: list) -> bool:
    """Sincere thanks in a message that says the problem is fixed, and nothing still wrong."""
    sincere = any(t != "irony" and w >= 1.0 for _, w, t, _ in praise)
    joined = " ".join(words)
    return sincere and bool(_FIXED.search(joined)) and not _NOT_OVER.search(joined)


def _passes_praise_on(joined: str, positive: float, negative: float) -> bool:
    """A compliment asking that a manager hear it is not a demand for one."""
    praised = positive > 0 or bool(_PRAISING.search(joined))
    return praised and negative < SITUATION and bool(_PASS_ON.search(joined))


def _opens_with_praise(words: list[str], position: int) -> bool:
    """'Great, another delay' / '... charged twice. Amazing.': praise as an interjection."""
    if words[position] not in lex.SARCASM_OPENERS:
        return False
    closed = position + 1 == len(words) or words[position + 1] in _STOPS
    opens = position <= 2 or words[position - 1] in _STOPS
    return closed and opens and not any(w in lex.CONTRAST for w in words[position:])


# --- the conversation -----------------------------------------------------------------------

_REASON_PREFIX = {
    "sarcasm": "sarcasm",
    "repeat": "repeat contact",
    "anger": "frustration",
    "delay": "long wait",
    "complaint": "complaint",
}
_THREAT_REASONS = {
    "manager": "asks for a manager or a human",
    "legal": "threatens legal action",
    "public": "threatens to go public",
    "cancel": "threatens to cancel or switch",
}


def _reasons(reading: _Reading) -> list[str]:
    out: list[str] = []
    quotes: dict[str, list[str]] = {}
    for cue in reading.cues:
        if cue.tag in _THREAT_REASONS:
            out.append(f"{_THREAT_REASONS[cue.tag]}: '{cue.text}'")
        elif cue.tag == "shouting":
            out.append("shouting (ALL CAPS)")
        elif cue.tag in _REASON_PREFIX:
            seen = quotes.setdefault(cue.tag, [])
            if len(seen) < 2 and cue.text not in seen:
                seen.append(cue.text)
    for tag, prefix in _REASON_PREFIX.items():
        if tag in quotes:
            out.append(f"{prefix}: " + ", ".join(f"'{t}'" for t in quotes[tag]))
    return out


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h" + (f" {minutes % 60} min" if minutes % 60 else "")
    return f"{hours // 24} days"


def _waiting(conversation: Conversation, now: float | None) -> float | None:
    """Seconds since the customer's first message that no agent has answered yet."""
    if now is None:
        return None
    since = None
    for message in reversed(conversation.messages):
        if message.role == "agent":
            break
        if message.ts is not None:
            since = message.ts
    return None if since is None else max(0.0, now - since)


def assess(
    conversation: Conversation,
    now: float | None = None,
    watch_at: float = WATCH_AT,
    escalate_at: float = ESCALATE_AT,
    *,
    wait_watch: float = WAIT_WATCH,
    wait_escalate: float = WAIT_ESCALATE,
) -> EscalationAssessment:
    """How close this conversation is to needing a lead, and why.

    `now` (seconds since the epoch) turns on the waiting check: customer messages with a
    `ts` that no agent has answered for `wait_watch` / `wait_escalate` seconds raise the level
    to watch / escalate. Without `now` (a stored transcript) waiting is not assessed.
    """
    turns = [
        without_signature(m.text)
        for m in conversation.messages
        if m.role == "customer" and m.text.strip()
    ]
    readings = [_read(text) for text in turns[-RECENT_TURNS:]]
    signals: set[str] = set()
    reasons: list[str] = []
    evidence = floor = 0.0
    if readings:
        latest, earlier = readings[-1], readings[:-1]
        evidence = latest.evidence
        if evidence > 0:  # a content customer has no reasons, whatever words they use
            signals |= latest.signals
            reasons += _reasons(latest)
        for k, reading in enumerate(reversed(earlier)):
            if reading.evidence > 0:
                evidence += EARLIER * DECAY**k * reading.evidence
                signals |= reading.signals & _THREAT_TAGS
        if earlier:
            worst = max(earlier, key=lambda r: r.evidence)
            if worst.evidence >= SITUATION:
                reasons += [f"earlier: {r}" for r in _reasons(worst)[:2]]
            previous = earlier[-1].evidence
            if previous > 0.5 and latest.evidence >= max(SITUATION, previous + 1.0):
                evidence += RISING
                signals.add("rising")
                reasons.append("negativity rising across turns")
        # a legal, manager or public threat in the latest turn escalates; a cancel threat, or
        # a threat in an earlier turn, is at least watched
        for tag in signals & _THREAT_TAGS:
            if tag in latest.signals and evidence > 0 and tag != "cancel":
                floor = max(floor, max(escalate_at, 0.9) if tag == "legal" else escalate_at)
            else:
                floor = max(floor, watch_at)

    waited = _waiting(conversation, now)
    if waited is not None and waited >= wait_watch:
        signals.add("wait")
        reasons.append(f"no agent reply for {_duration(waited)}")
        long_wait = waited >= wait_escalate
        evidence = max(evidence, 0.0) + (2 * WAITING if long_wait else WAITING)
        floor = max(floor, escalate_at if long_wait else watch_at)

    # a hurt, endangered or bereaved customer escalates (high enough for lead alerts); serious
    # illness, hardship and distress are watched, whatever the words' anger, and so is an
    # injury given only as background ("I cancelled because I hurt my knee last month")
    care = find_care(turns)
    mode = care_mode(turns) if care else None
    for kind, _ in care:
        grave = kind in ESCALATING and mode != CONTEXT
        floor = max(floor, max(escalate_at, 0.9) if grave else watch_at)
    care_reasons = [f"care: {kind}: {found!r}" for kind, found in care]

    score = min(1.0, max(floor, 1.0 - math.exp(-evidence / SCALE) if evidence > 0 else 0.0))
    level = "escalate" if score >= escalate_at else "watch" if score >= watch_at else "none"
    if level == "none":
        reasons = []  # faint cues below the watch line explain nothing to a lead
    kinds = tuple(kind for kind, _ in care)
    return EscalationAssessment(
        score, level, care_reasons + reasons, frozenset(signals), kinds, mode
    )
