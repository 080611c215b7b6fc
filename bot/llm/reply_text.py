"""Sentence-level tidying for composed replies: slots, names, apologies, repeats.

Pure text functions, shared by the offline composer and its tests.
"""

from __future__ import annotations

import re

from bot.core.text import normalise

_SLOT = re.compile(r"\{(\w+)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\[])")
APOLOGY = re.compile(r"\b(sorry|apologi[sz]e\w*|apologies)\b", re.IGNORECASE)
# "Thanks, {customer_name}." / "Hi {customer_name}," / "{customer_name}, ..." without a name.
_VOCATIVE = [
    (re.compile(r",?\s*\{customer_name\}(?=\s*[;:.,!?])"), ""),
    (re.compile(r"^\{customer_name\},\s*(\w)"), lambda m: m.group(1).upper()),
    (re.compile(r"(?<=[.!?]\s)\{customer_name\},\s*(\w)"), lambda m: m.group(1).upper()),
    (re.compile(r"\s*\{customer_name\}"), ""),
]


def fill(template: str, slots: dict[str, str]) -> str:
    """Slots filled from `slots`; an unknown one stays a clear placeholder like [refund time]."""
    return _SLOT.sub(lambda m: slots.get(m.group(1), f"[{m.group(1).replace('_', ' ')}]"), template)


def without_name(template: str) -> str:
    """The template with its {customer_name} vocative dropped: "Thanks, {customer_name}." ->
    "Thanks." A name placeholder reads worse than no name."""
    for pattern, replacement in _VOCATIVE:
        template = pattern.sub(replacement, template)
    return template


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def gist(text: str, size: int = 4) -> str:
    return " ".join(normalise(text).split()[:size])


def first_sentence(text: str) -> str:
    parts = sentences(text)
    return normalise(parts[0]) if parts else ""


def one_apology(text: str) -> str:
    """Keep the first apology; a later sentence that only apologises is dropped, and in one
    that also says what happens next, the apology clause gives way to "I understand"."""
    kept, apologised = [], False
    for sentence in sentences(text):
        if APOLOGY.search(sentence):
            if apologised:
                if not re.search(r"\bI(?:'ll| will)\b", sentence):
                    continue
                sentence = re.sub(
                    r"\bI'm (so |really |truly |very )?sorry\b", "I understand", sentence
                )
                sentence = APOLOGY.sub("", sentence) if APOLOGY.search(sentence) else sentence
            apologised = True
        kept.append(sentence)
    return " ".join(kept)


def no_repeats(text: str) -> str:
    """Drop a sentence that says again what an earlier one said (same opening words)."""
    kept, seen = [], set()
    for sentence in sentences(text):
        key = gist(sentence)
        if key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return " ".join(kept)


# Courtesy words: a sentence made only of these ("Good question.", "Happy to help with that.")
# carries no content once a reflection of the customer's issue has acknowledged them. Not
# "Of course." or "I can help with that.": those answer a request.
_COURTESY_WORDS = """
    good great question happy glad to help with that this thanks thank you for asking getting
    in touch your message ok okay
"""
_COURTESY = frozenset(_COURTESY_WORDS.split())


def is_courtesy(sentence: str) -> bool:
    said = set(normalise(sentence).replace("?", " ").replace("!", " ").split())
    return bool(said) and said <= _COURTESY


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = normalise(text).split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def says_again(frame: str, body: str) -> bool:
    """Would `frame` repeat a move or a phrase of `body`: the same lead ("Thanks for ..." twice)
    or three words in a row ("isn't good enough" twice)?"""
    leads = ("thank", "sorry", "i understand", "i can see", "i know", "you are right", "i want")
    first_a, first_b = normalise(frame), normalise(sentences(body)[0] if body.strip() else "")
    if any(first_a.startswith(lead) and first_b.startswith(lead) for lead in leads):
        return True
    return bool(_trigrams(frame) & _trigrams(body))
