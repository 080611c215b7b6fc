"""Social-media text read as plain words: hashtags split, @handles dropped, "sooo" squeezed.

"@SkyLiner #worstservice #NeverAgain soooo done" reads as "worst service . never again .
so done": the escalation model then finds "worst", the "never again" threat and the rest in
the same words as an e-mail. Hashtags are split at capitals ("#NeverAgain") or, run together
("#neveragain"), by symspellpy's word segmentation over its bundled English word frequencies
(loaded once, on the first such hashtag). Explicit irony markers (#sarcasm, #not, "/s") become
the word "sarcasm".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache, lru_cache
from pathlib import Path

_HANDLE = re.compile(r"(?<![\w.])@\w+")
_HASHTAG = re.compile(r"#([^\W_][\w]*)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Not w: "www." opens a link.
_ELONGATED = re.compile(r"([a-vx-z])\1{2,}", re.IGNORECASE)
_WORD = re.compile(r"[a-z]*([a-vx-z])\1{2,}[a-z]*", re.IGNORECASE)
_IRONY_MARK = re.compile(r"(?<!\S)/s\b")
_IRONY_TAGS = frozenset({"sarcasm", "sarcastic", "not", "irony", "ironic"})
SEGMENTED_WORDS = 30_000  # the most frequent English words used to split hashtags
MIN_SPLIT = 6  # shorter hashtags ("#fail", "#help") are words already


def has_social_marks(text: str) -> bool:
    return "@" in text or "#" in text or "/s" in text or _ELONGATED.search(text) is not None


@cache
def _segmenter():
    """symspellpy over its bundled frequency list (exact words only: no spelling fixes)."""
    import symspellpy
    from symspellpy import SymSpell

    segmenter = SymSpell(max_dictionary_edit_distance=0, prefix_length=7)
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    with path.open(encoding="utf-8") as lines:
        for _, line in zip(range(SEGMENTED_WORDS), lines, strict=False):
            word, count = line.split()
            segmenter.create_dictionary_entry(word, int(count))
    return segmenter


@lru_cache(maxsize=4096)
def hashtag_words(tag: str) -> str:
    """'NeverAgain' -> 'Never Again'; 'worstservice' -> 'worstservice' split into 'worst
    service'; a hashtag that does not split into known words stays as it is."""
    if tag.lower() in _IRONY_TAGS:
        return "sarcasm"
    camel = _CAMEL.findall(tag)
    if len(camel) > 1:
        return " ".join(camel)
    if len(tag) < MIN_SPLIT or not tag.isalpha():
        return tag
    result = _segmenter().word_segmentation(tag.lower(), max_edit_distance=0)
    words = result.corrected_string.split()
    known = all(_segmenter().words.get(w) for w in words)
    return " ".join(words) if known and 1 < len(words) <= 5 else tag


def _split_hashtag(match: re.Match) -> str:
    """'#worstservice' -> '# worst service'; one that does not split keeps its '#'."""
    words = hashtag_words(match.group(1))
    return "#" + words if words == match.group(1) else "# " + words


def _squeezed(word: str, known: Collection[str]) -> str:
    """'hateeee' -> 'hate', 'gooood' -> 'good', 'sooo' -> 'so': runs of three or more letters
    cut to two when that makes a known word, else to one."""
    double = _ELONGATED.sub(lambda m: m.group(1) * 2, word)
    return double if double.lower() in known else _ELONGATED.sub(r"\1", word)


def plain_words(text: str, known: Collection[str] = frozenset()) -> str:
    """The text with hashtags split into words, @handles removed and elongated words
    squeezed (judged against the lower-case words in `known`)."""
    if "@" in text:
        text = _HANDLE.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_split_hashtag, text)
    if "/s" in text:
        text = _IRONY_MARK.sub(" sarcasm ", text)
    if _ELONGATED.search(text):
        text = _WORD.sub(lambda m: _squeezed(m.group(0), known), text)
    return text
