"""Sentence-level tidying for composed replies: slots, names, apologies, repeats.

Pure text functions, shared by the offline composer and its tests.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.text import normalise

_SLOT = prebuilt.compile(r"\{(\w+)\}")
_SENTENCE_END = prebuilt.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\[])")
APOLOGY = prebuilt.compile(r"\b(sorry|apologi[sz]e\w*|apologies)\b", re.IGNORECASE)
# "Thanks, {customer_name}." / "Hi {customer_name}," / "{customer_name}, ..." without a name.
_VOCATIVE = [
    (prebuilt.compile(r",?\s*\{customer_name\}(?=\s*[;:.,!?])"), ""),
    (prebuilt.compile(r"^\{customer_name\},\s*(\w)"), lambda m: m.group(1).upper()),
    (prebuilt.compile(r"(?<=[.!?]\s)\{customer_name\},\s*(\w)"), lambda m: m.group(1).upper()),
    (prebuilt.compile(r"\s*\{customer_name\}"), ""),
]


# "within {refund_time}" with a fact written "within 5 working days" (or "by Friday"): once.
_DOUBLED_TIME = prebuilt.compile(
    r"\bwithin (?=(?:within|in|by|on|before|after|up to|no later than)\b)", re.IGNORECASE
)


def fill(template: str, slots: dict[str, str]) -> str:
    """Slots filled from `slots`; an unknown one stays a clear placeholder like [refund time]."""
    text = _SLOT.sub(lambda m: slots.get(m.group(1), f"[{m.group(1).replace('_', ' ')}]"), template)
    return _DOUBLED_TIME.sub("", text)


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


# A line that presumes the customer has just answered: after a question of ours in the same
# reply, it reads as if the answer had come ("Could you tell me what happened? Thanks, that
# gives me what I need to start.").
_PRESUMES_ANSWER = prebuilt.compile(
    r"^(?:thanks|thank you|great|perfect|got it)?[,.!]?\s*(?:that|this) (?:gives me|helps|is "
    r"(?:all|everything) I need)|^thanks for (?:confirming|the details|that)\b",
    re.IGNORECASE,
)
# Filler that acts for nothing: "..., and I can help with that." before a line that does act.
_HELP_TAIL = prebuilt.compile(
    r",?\s*(?:and )?I can (?:help|assist) (?:you )?with that(?=[.!]$)", re.I
)
_ACTS = prebuilt.compile(r"\bI(?:'ll| will)\b")
_SAME_THING = prebuilt.compile(r"\b(?:this|that|it)\b")
_LEADS = prebuilt.compile(r"\b(?:exactly|just|really|all)\b\s*")


def _phrases(sentence: str, size: int = 3) -> set[tuple[str, ...]]:
    """Phrases of `size` words, with "this"/"that"/"it" one word and "exactly" left out, so
    "where this stands" and "exactly where it stands" are the same phrase."""
    words = _LEADS.sub("", _SAME_THING.sub("it", normalise(sentence))).split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


_WH_WORDS = frozenset("where what when how why which who whether".split())  # noqa: SIM905
_DETERMINERS = frozenset("your her his their our the".split())  # noqa: SIM905


def no_doubled_phrase(text: str) -> str:
    """A phrase said twice in one reply ("I understand you need to know where this stands. I'll
    ... confirm exactly where it stands and what happens next") goes from the sentence that
    acts; or, for a longer phrase (four words), the sentence that only sets the tone goes. A
    reflection sharing three words with a template ("your card is gone" / "if your card is
    lost") is not a repeat."""
    parts = sentences(text)
    for later in range(1, len(parts)):
        for earlier in range(later):
            for phrase in _phrases(parts[earlier]) & _phrases(parts[later]):
                words = r"\s+".join(
                    re.escape(w) if w != "it" else r"(?:this|that|it)" for w in phrase
                )
                span = re.compile(rf"(?:exactly\s+)?{words}\s+and\s+(?=\w)", re.IGNORECASE)
                # "where it stands and" goes whole; "for 2 months and" would leave two verbs
                # side by side ("I'll freeze your membership confirm with you")
                if phrase[0] in _WH_WORDS and span.search(parts[later]):
                    parts[later] = span.sub("", parts[later], count=1)
                    return no_doubled_phrase(" ".join(parts))
                # "I'll cancel your pet insurance and confirm ...": the thing said again is "it"
                # ("cancel your pet" is a verb then the thing: "cancel it and ...")
                at = next((i for i, w in enumerate(phrase[:2]) if w in _DETERMINERS), None)
                named = re.compile(rf"\b{words}(?=\s+and\s+\w)", re.IGNORECASE)
                if at is not None and named.search(parts[later]):
                    kept = " ".join(phrase[:at])
                    said = f"{kept} it" if kept else "it"
                    parts[later] = named.sub(said, parts[later], count=1)
                    return no_doubled_phrase(" ".join(parts))
            if not _phrases(parts[earlier], 4) & _phrases(parts[later], 4):
                continue
            acts = [bool(_ACTS.search(p) or "?" in p) for p in (parts[earlier], parts[later])]
            if acts[0] != acts[1]:
                drop = earlier if acts[1] else later
                return no_doubled_phrase(" ".join(p for i, p in enumerate(parts) if i != drop))
    return text


def no_stitched_answer(text: str) -> str:
    """A line that presumes an answer goes when a question of ours comes before it."""
    kept: list[str] = []
    for sentence in sentences(text):
        if _PRESUMES_ANSWER.search(sentence) and any("?" in k for k in kept):
            rest = _PRESUMES_ANSWER.sub("", sentence).lstrip(" .,!")
            sentence = rest if _ACTS.search(rest) and rest[:1].isupper() else ""
        if sentence:
            kept.append(sentence)
    return " ".join(kept)


def no_empty_help(text: str) -> str:
    """ "You're looking to stop your donation, and I can help with that." says nothing when a
    line of the same reply takes it on ("I'll stop your monthly donation")."""
    parts = sentences(text)
    if not any(_ACTS.search(p) for p in parts):
        return text
    return " ".join(_HELP_TAIL.sub("", p) if _HELP_TAIL.search(p) else p for p in parts)


_PATIENCE = prebuilt.compile(
    r"^(?:thanks|thank you)(?: so much)? for (?:your patience|bearing with (?:me|us)|being "
    r"patient|waiting)(?:,\s*\w+)?[.!]$",
    re.IGNORECASE,
)


def no_unearned_patience(text: str, waited: bool, ack: str = "") -> str:
    """ "Thanks for your patience." thanks them for a wait; without one they bore in this thread
    for us, it is filler (a parent with no heating has not been patient with us, they are
    stuck): it becomes `ack` ("Thanks for letting us know.") once, or goes when another line
    thanks."""
    ack = ack or ACKNOWLEDGEMENTS[0]
    if waited:
        return text
    parts = sentences(text)
    thanked = any(
        re.match(r"(?:thanks|thank you)\b", p, re.I) and not _PATIENCE.match(p) for p in parts
    )
    kept: list[str] = []
    for sentence in parts:
        found = _PATIENCE.match(sentence)
        if found:
            if thanked:
                continue
            name = re.search(r",\s*(\w+)[.!]$", sentence)
            sentence = f"{ack[:-1]}, {name.group(1)}." if name and ack.startswith("Thanks") else ack
            thanked = True
        kept.append(sentence)
    return " ".join(kept)


# What an unearned "Thanks for your patience." becomes, the first that keeps the moment's moves.
ACKNOWLEDGEMENTS = ("Thanks for letting us know.", "I know this is frustrating.")


def final_pass(text: str, waited: bool, ack: str = "") -> str:
    """The general checks on a finished reply: no doubled phrase, no stitched answer, no filler."""
    text = no_unearned_patience(text, waited, ack)
    return no_empty_help(no_stitched_answer(no_doubled_phrase(text)))
