"""Social-media text read as plain words: hashtags split, @handles dropped, "sooo" squeezed.

"@SkyLiner #worstservice #NeverAgain soooo done" reads as "worst service . never again .
so done": the escalation model then finds "worst", the "never again" threat and the rest in
the same words as an e-mail. Hashtags are split at capitals ("#NeverAgain") or, run together
("#neveragain"), into the likeliest sequence of known words (unigram Viterbi, as in Norvig's
segmenter) over the English word frequencies symspellpy ships. symspellpy's own
`word_segmentation` gives the same splits but takes about 2 ms a hashtag, against about 0.1 ms
here, and a stream of tweets brings new hashtags all the time. Explicit irony markers
(#sarcasm, #not, "/s") become the word "sarcasm".
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from functools import cache, lru_cache
from itertools import islice

from bot.core import prebuilt
from bot.core.english_words import english_frequencies, list_stamp

# An "@" not after a word character or "." ("a@b.com" is no handle): written "@" first, so
# that the engine scans for the "@" in C instead of trying the look-behind at every position.
_HANDLE = prebuilt.compile(r"@(?<![\w.]@)\w+")
_HASHTAG = prebuilt.compile(r"#([^\W_][\w]*)")
_CAMEL = prebuilt.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Not w: "www." opens a link.
_ELONGATED = prebuilt.compile(r"([a-vx-z])\1{2,}", re.IGNORECASE)
_WORD = prebuilt.compile(r"[a-z]*([a-vx-z])\1{2,}[a-z]*", re.IGNORECASE)
# The same test for plain ASCII text, lower-cased first: twice as fast as matching regardless
# of case (which also takes the Kelvin sign for a "k", hence ASCII only).
_ELONGATED_LOWER = prebuilt.compile(r"([a-vx-z])\1\1")
_IRONY_MARK = prebuilt.compile(r"(?<!\S)/s\b")
_IRONY_TAGS = frozenset({"sarcasm", "sarcastic", "not", "irony", "ironic"})
SEGMENTED_WORDS = 30_000  # the most frequent English words used to split hashtags
MIN_SPLIT = 6  # shorter hashtags ("#fail", "#help") are words already
MAX_TAG = 40  # longer "hashtags" are not read as words


def _elongated(text: str) -> bool:
    """Whether a letter runs three times or more ("soooo")."""
    if text.isascii():
        return _ELONGATED_LOWER.search(text.lower()) is not None
    return _ELONGATED.search(text) is not None


def has_social_marks(text: str) -> bool:
    return "@" in text or "#" in text or "/s" in text or _elongated(text)


@cache
def _word_costs() -> dict[str, float]:
    """-log P(word) for the most frequent English words, from the frequency list symspellpy
    ships: made once, on the first run-together hashtag (about 30 ms), and kept
    (bot/core/prebuilt.py; a few ms to read)."""
    stamp = list_stamp()
    return _costs() if stamp is None else prebuilt.value("hashtag-costs", stamp, _costs)


def _costs() -> dict[str, float]:
    frequencies = english_frequencies()
    counts = {
        word: count
        for word, count in islice(frequencies.items(), SEGMENTED_WORDS)
        if len(word) > 1 or word in ("a", "i")
    }
    total = sum(counts.values())
    return {word: math.log(total / count) for word, count in counts.items()}


def _segment(text: str) -> list[str] | None:
    """The likeliest split of `text` into known words (unigram Viterbi), or None."""
    costs = _word_costs()
    longest = 20
    # best[i]: (cost, start of the last word) of the best split of text[:i]
    best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - longest), end):
            cost = costs.get(text[start:end])
            if cost is not None and best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, start)
    if best[-1][0] == math.inf:
        return None
    words, end = [], len(text)
    while end > 0:
        start = best[end][1]
        words.append(text[start:end])
        end = start
    return words[::-1]


def hashtag_words(tag: str) -> str:
    """'NeverAgain' -> 'Never Again'; 'worstservice' -> 'worst service'; a hashtag that does
    not split into known words, or is longer than MAX_TAG, stays as it is."""
    return tag if len(tag) > MAX_TAG else _hashtag_words(tag)


@lru_cache(maxsize=4096)  # keys of at most MAX_TAG characters: bounded memory
def _hashtag_words(tag: str) -> str:
    if tag.lower() in _IRONY_TAGS:
        return "sarcasm"
    camel = _CAMEL.findall(tag)
    if len(camel) > 1:
        return " ".join(camel)
    if len(tag) < MIN_SPLIT or not tag.isalpha():
        return tag
    words = _segment(tag.lower())
    return " ".join(words) if words and 1 < len(words) <= 5 else tag


def _split_hashtag(match: re.Match, known: Collection[str]) -> str:
    """'#worstservice' -> '# worst service'; a known word ('#ripoff') or a hashtag that does
    not split keeps its '#'."""
    tag = match.group(1)
    lower = tag.lower()
    words = tag if lower in known and lower not in _IRONY_TAGS else hashtag_words(tag)
    return "#" + words if words == tag else "# " + words


def _squeezed(word: str, known: Collection[str]) -> str:
    """'hateeee' -> 'hate', 'gooood' -> 'good', 'sooo' -> 'so': runs of three or more letters
    cut to two when that makes a known word, else to one."""
    double = _ELONGATED.sub(lambda m: m.group(1) * 2, word)
    return double if double.lower() in known else _ELONGATED.sub(r"\1", word)


_OPENING_HANDLES = prebuilt.compile(r"(?:@\w+ )+")


def handles_opening(text: str) -> str:
    """The @handles a text opens with, each followed by a space ("@SkyLiner @help "), when
    they are all `plain_words` would change (nothing after them is a social mark); else "".
    The plain words are then the words after them: see escalation.py, which reuses them."""
    opening = _OPENING_HANDLES.match(text)
    if opening is None:
        return ""
    rest = text[opening.end() :]
    if "@" in rest or "#" in rest or "/s" in rest or _elongated(rest):
        return ""
    return opening.group()


def plain_words(text: str, known: Collection[str] = frozenset()) -> str:
    """The text with hashtags split into words, @handles removed and elongated words
    squeezed (judged against the lower-case words in `known`)."""
    if "@" in text:
        text = _HANDLE.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(lambda match: _split_hashtag(match, known), text)
    if "/s" in text:
        text = _IRONY_MARK.sub(" sarcasm ", text)
    if _elongated(text):
        text = _WORD.sub(lambda m: _squeezed(m.group(0), known), text)
    return text
