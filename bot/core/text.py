"""Text normalisation shared by the matcher, the escalation model and the rubric checker."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from bot.core import prebuilt

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_CONTRACTIONS = [
    (prebuilt.compile(r"\b(can)'?t\b"), r"\1 not"),
    (prebuilt.compile(r"\bwon'?t\b"), "will not"),
    (prebuilt.compile(r"\b(ain)'t\b"), "is not"),
    (prebuilt.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (prebuilt.compile(r"\b(i)'?m\b"), r"\1 am"),
    (prebuilt.compile(r"\b(\w+)'re\b"), r"\1 are"),
    (prebuilt.compile(r"\b(\w+)'ve\b"), r"\1 have"),
    (prebuilt.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    (prebuilt.compile(r"\b(\w+)'d\b"), r"\1 would"),
    (prebuilt.compile(r"\b(it|that|what|there|where|who|how|here)'s\b"), r"\1 is"),
]
# Common apostrophe-less spellings in chat ("dont", "cant", "didnt", "im", "ive").
_BARE = prebuilt.compile(
    r"\b(dont|doesnt|didnt|cant|cannot|wont|isnt|arent|wasnt|werent|havent|hasnt|hadnt|"
    r"couldnt|shouldnt|wouldnt|im|ive)\b"
)
_BARE_MAP = {
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "im": "i am",
    "ive": "i have",
}
_URL = prebuilt.compile(r"https?://\S+|www\.\S+")
_HANDLE = prebuilt.compile(r"[@#](\w+)")
_NON_WORD = prebuilt.compile(r"[^a-z0-9'?!\s]+")
_SPACES = prebuilt.compile(r"\s+")


_ACCENTS = prebuilt.compile("[\u0300-\u036f]")  # combining diacritical marks, split off by NFKD


def fold_accents(text: str) -> str:
    """'pésimo' -> 'pesimo', 'Rückerstattung' -> 'Ruckerstattung', 'ß' -> 'ss'.

    Other languages' word lists are written without accents, so that "pesimo" typed on a
    phone without them reads the same. Only Latin combining marks go.
    """
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text.replace("ß", "ss")))


def _normalise_slowly(text: str) -> str:
    """The reference definition of the normal form (a dozen regexes; see `normalise`)."""
    text = _URL.sub(" ", fold_accents(text.translate(_QUOTES)).lower())
    text = _HANDLE.sub(r" \1 ", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = _BARE.sub(lambda m: _BARE_MAP[m.group(1)], text)
    text = _NON_WORD.sub(" ", text).replace("'", " ")
    text = re.sub(r"([?!])", r" \1 ", text)
    return _SPACES.sub(" ", text).strip()


# The fast path: one regex splits words; only words the reference would rewrite (contractions,
# "dont", "im") go through it, cached. "." marks a clause break for callers that want one.
_WORD = prebuilt.compile(r"[a-z0-9']+|[?!]|[.,;:()\"#\n]+")
_BREAK_CHARS = frozenset('.,;:()"#\n')
_BARE_FORMS = frozenset(_BARE_MAP)


@lru_cache(maxsize=8192)
def _rewrite(word: str) -> tuple[str, ...]:
    return tuple(_normalise_slowly(word).split())


def clean_text(text: str) -> str:
    """Lower case, straight quotes, accents folded, no URLs."""
    if not text.isascii():
        text = fold_accents(text.translate(_QUOTES))
    text = text.lower()
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    return text


# The matcher and the escalation model both read a message's words: the last 256 texts of up
# to 2,000 characters keep them (docs/operations.md); longer ones are split each time.
CACHED_TEXTS, CACHED_TEXT_CHARS = 256, 2000


def words_and_breaks(text: str) -> list[str]:
    """The words of `normalise(text)`, with "." wherever a clause breaks (, . ; : and so on)."""
    if len(text) <= CACHED_TEXT_CHARS:
        return list(_cached_words_and_breaks(text))
    return clean_words_and_breaks(clean_text(text))


@lru_cache(maxsize=CACHED_TEXTS)
def _cached_words_and_breaks(text: str) -> tuple[str, ...]:
    return tuple(clean_words_and_breaks(clean_text(text)))


def clean_words_and_breaks(clean: str) -> list[str]:
    """`words_and_breaks` of a text already through `clean_text`."""
    found = _WORD.findall(clean)
    if "'" not in clean and _BARE_FORMS.isdisjoint(found):  # the usual case: nothing to rewrite
        return ["." if word[0] in _BREAK_CHARS else word for word in found]
    out: list[str] = []
    for word in found:
        if word[0] in _BREAK_CHARS:
            out.append(".")
        elif "'" in word or word in _BARE_FORMS:
            out.extend(_rewrite(word))
        else:
            out.append(word)
    return out


def words(text: str) -> list[str]:
    if len(text) <= CACHED_TEXT_CHARS:
        return [word for word in _cached_words_and_breaks(text) if word != "."]
    return [word for word in words_and_breaks(text) if word != "."]


def normalise(text: str) -> str:
    """Lower-case, expand contractions, drop URLs and punctuation but `?` and `!`.

    Playbook signals and rubric patterns are written against this form, e.g. "did not arrive"
    also matches "didn't arrive" and "didnt arrive". Equal to `_normalise_slowly`, faster.
    """
    return " ".join(words(text))


# A greeting that opens a reply ("Hi Sam,", "Good morning!"); group 1 is the greeting itself.
GREETING = prebuilt.compile(
    r"^((?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|"
    # the same greetings in Spanish, French, German and Portuguese
    r"hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|estimad[oa]|bonjour|bonsoir|ch[eè]re?|"
    r"hallo|guten (?:tag|morgen|abend)|sehr geehrte[rs]?|liebe[rs]?|ol[áa]|oi|bom dia|"
    r"boa (?:tarde|noite)|prezad[oa])\b[^,.!\n]{0,40}[,.!])\s*",
    re.IGNORECASE,
)
# A sentence ends at . ! ? followed by a space or the end (so "$49.99" stays whole), or a newline.
_SENTENCE = prebuilt.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, each with its closing punctuation."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def edited_fraction(suggested: str, sent: str) -> float:
    """How much of a suggestion the agent rewrote before sending: 0 (as is) to 1 (all of it).

    difflib's autojunk is off: on texts over 200 characters it treats common characters as noise
    and would report a lightly edited reply as mostly rewritten.
    """
    matcher = difflib.SequenceMatcher(None, suggested, sent, autojunk=False)
    return round(1.0 - matcher.ratio(), 3)
