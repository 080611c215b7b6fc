"""Text normalisation shared by the matcher, the escalation model and the rubric checker."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_CONTRACTIONS = [
    (re.compile(r"\b(can)'?t\b"), r"\1 not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\b(ain)'t\b"), "is not"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b(i)'?m\b"), r"\1 am"),
    (re.compile(r"\b(\w+)'re\b"), r"\1 are"),
    (re.compile(r"\b(\w+)'ve\b"), r"\1 have"),
    (re.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    (re.compile(r"\b(\w+)'d\b"), r"\1 would"),
    (re.compile(r"\b(it|that|what|there|where|who|how|here)'s\b"), r"\1 is"),
]
# Common apostrophe-less spellings in chat ("dont", "cant", "didnt", "im", "ive").
_BARE = re.compile(
    r"\b(dont|doesnt|didnt|cant|cannot|wont|isnt|arent|wasnt|werent|havent|hasnt|hadnt|"
    r"couldnt|shouldnt|wouldnt|im|ive)\b"
)
_BARE_MAP = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "cannot": "can not", "wont": "will not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not",
    "hadnt": "had not", "couldnt": "could not", "shouldnt": "should not",
    "wouldnt": "would not", "im": "i am", "ive": "i have",
}
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"[@#](\w+)")
_NON_WORD = re.compile(r"[^a-z0-9'?!\s]+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, expand contractions, drop URLs and punctuation but `?` and `!`.

    Playbook signals and rubric patterns are written against this form, e.g. "did not arrive"
    also matches "didn't arrive" and "didnt arrive".
    """
    text = _URL.sub(" ", text.translate(_QUOTES).lower())
    text = _HANDLE.sub(r" \1 ", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = _BARE.sub(lambda m: _BARE_MAP[m.group(1)], text)
    text = _NON_WORD.sub(" ", text).replace("'", " ")
    text = re.sub(r"([?!])", r" \1 ", text)
    return _SPACES.sub(" ", text).strip()
