"""Chat text made readable before it is said back: "i dont know how to get my invoces from ur
site" becomes "I don't know how to get my invoices from your site".

Reflections quote the customer; a typo or chat shorthand echoed back reads as mockery. Three
steps: chat shorthand ("u", "ur", "pls", "wanna") and missing apostrophes ("dont", "ive") from
a short table; words run together ("uhelp") split; other unknown words corrected with
symspellpy's English frequency dictionary (a maintained spelling library with its own word
list), and only when the nearest known word is close and unambiguous. Names, codes and
capitalised words are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core import prebuilt
from bot.core.english_words import english_frequencies

_SHORTHAND = {
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "thx": "thanks",
    "wanna": "want to", "gonna": "going to", "gotta": "have to", "ya": "you", "cuz": "because",
    "coz": "because", "bc": "because", "abt": "about", "msg": "message", "acct": "account",
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't", "wont": "won't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't",
    "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "aint": "am not", "im": "I'm", "ive": "I've", "i": "I", "id": "I'd",
    "ill": "I'll", "ti": "it", "fo": "of", "teh": "the", "wth": "with", "tho": "though",
    "theyre": "they're", "youre": "you're", "thats": "that's", "whats": "what's",
    "theres": "there's", "shes": "she's", "nobodys": "nobody's", "noones": "no one's",
}  # fmt: skip
_WORD = prebuilt.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
MAX_EDIT = 1  # one slip per word; two would turn "acount" into "a count" or worse


@lru_cache(maxsize=1)
def _speller():
    """The symspellpy index, built only when a typo needs correcting."""
    from symspellpy import SymSpell

    speller = SymSpell(max_dictionary_edit_distance=MAX_EDIT)
    for word, count in english_frequencies().items():
        speller.create_dictionary_entry(word, count)
    return speller


def known(word: str) -> bool:
    """The word (lower case) is in the English dictionary."""
    return word.lower() in english_frequencies()


def _corrected(word: str) -> str:
    from symspellpy import Verbosity

    lower = word.lower()
    if lower in _SHORTHAND:
        return _SHORTHAND[lower]
    if word[0].isupper() or "'" in word or len(word) < 4 or known(lower):
        return word  # a name, a contraction, a short word or a real word: as it is
    head, rest = lower[0], lower[1:]
    if head in "iu" and (known(rest) or rest in _SHORTHAND):  # "uhelp", "igive": run together
        return f"{_SHORTHAND[head]} {_SHORTHAND.get(rest, rest)}"
    best = _speller().lookup(lower, Verbosity.CLOSEST, max_edit_distance=MAX_EDIT)
    if best and (len(best) == 1 or best[0].count > 20 * best[1].count):
        return best[0].term
    return word


# Curly quotes made straight; braces made round, so that a customer's "{refund_time}" said back
# is never taken for a reply slot and filled.
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "{": "(", "}": ")"}
)
# Not said back: links, @handles, and the # of a hashtag (its word stays).
_NOISE = [
    (prebuilt.compile(r"https?://\S+|www\.\S+"), " "),
    (prebuilt.compile(r"(?<!\w)\.?@\w+[,:]?"), " "),
    (prebuilt.compile(r"^(?:\s*#\w+)+|(?:\s*#\w+)+\s*$"), " "),  # tags before or after the text
    (prebuilt.compile(r"#(\w+)"), r"\1"),  # a tag inside a sentence is a word
    (prebuilt.compile(r"&amp;"), "&"),
    # emoji and pictographs end a thought like a full stop does
    (prebuilt.compile(r"(?:\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D])+"), ". "),
    (prebuilt.compile(r"([a-z])\1{2,}", re.IGNORECASE), r"\1"),  # "meeeee", "sllllow": drawn out
]


# "its frozen", "its been 2 weeks": "it's" before what only follows a verb; "its battery" stays.
_ITS = prebuilt.compile(
    r"\bits (?=(?:not|been|a|an|the|still|just|already|now|gone|done|ok|okay|fine|over|late|"
    r"going|getting|got|my|your|our|their|on|in|at|frozen|broken|taken|stolen|\w+ed)\b)",
    re.IGNORECASE,
)
# Days and months said in lower case ("thursday", "june"); "may" and "march" are also words.
_CALENDAR = prebuilt.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|"
    r"july|august|september|october|november|december)\b"
)


def tidy(text: str) -> str:
    """The text with shorthand expanded and clear typos corrected; links and @handles dropped;
    days and months capitalised; everything else untouched."""
    text = text.translate(_QUOTES)
    for pattern, replacement in _NOISE:
        text = pattern.sub(replacement, text)
    text = _WORD.sub(lambda m: _corrected(m.group(0)), " ".join(text.split()))
    text = _ITS.sub(lambda m: m.group(0)[:2] + "'s ", text)
    return _CALENDAR.sub(lambda m: m.group(0).capitalize(), text)


def unknown_share(text: str) -> float:
    """Share of the words (three letters or more) that are neither English nor names: how
    garbled the text still is."""
    words = [w for w in _WORD.findall(text) if len(w) >= 3 and not w[0].isupper()]
    return sum(not known(w) for w in words) / len(words) if words else 0.0
