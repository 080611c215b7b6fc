"""Typo and chat-spelling tolerance for matching: "refnd nt recieved" reads "refund not received".

Spelling correction is symspellpy's (Damerau-Levenshtein over a precomputed delete index), with
its bundled English frequency list (82,765 words, from Google Books n-grams) deciding which words
are real. Only unknown words change, and only into words the playbooks themselves use (their
signals and examples): a correction toward a word no playbook mentions cannot help matching, and
aiming at a few thousand words keeps loading instant and memory small. Words in other languages
and names stay as they are unless a playbook word is one typo away.

Chat spellings that no edit distance reaches ("u", "pls", "hw") come from a short table.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from symspellpy import SymSpell, Verbosity

from bot.core import prebuilt
from bot.core.english_words import english_frequencies
from bot.core.signals import CACHED_WORD_CHARS, CACHED_WORDS  # same bounds (README)

# A known English word rarer than this is corrected anyway when a playbook word one edit away is
# RARE_WORD_RATIO times as frequent ("cheep" -> "cheap", "wierd" stays if nothing is near).
RARE_WORD_COUNT = 1_000_000
RARE_WORD_RATIO = 100
MIN_LENGTH = 4  # playbook words shorter than this are not targets
# Shorter unknown words have too many neighbours one edit away to correct safely (mpin, upi).
MIN_CORRECTED_LENGTH = 5

# Informal spellings that are not typos of the word meant, so edit distance cannot find it.
CHAT_SPELLINGS = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "urs": "yours",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "pl": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "ty": "thank you",
    "tysm": "thank you so much",
    "der": "there",
    "dere": "there",
    "wat": "what",
    "wht": "what",
    "whats": "what is",
    "hw": "how",
    "wen": "when",
    "wer": "where",
    "y": "why",
    "bcoz": "because",
    "becoz": "because",
    "coz": "because",
    "cuz": "because",
    "nt": "not",
    "nhi": "not",
    "dnt": "do not",
    "msg": "message",
    "amt": "amount",
    "acc": "account",
    "acct": "account",
    "pwd": "password",
    "txn": "transaction",
    "diff": "difference",
    "abt": "about",
    "v": "very",
    "rn": "right now",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "yday": "yesterday",
    "nd": "and",
    "n": "and",
    "wid": "with",
    "frm": "from",
    "bt": "but",
    "hv": "have",
    "gud": "good",
    "tho": "though",
    "nite": "night",
    "recd": "received",
    "rcvd": "received",
    "qty": "quantity",
    "pkg": "package",
}
_WORD_CHARS = prebuilt.compile(r"[a-z]+")


def playbook_words(texts: Iterable[str]) -> set[str]:
    """The plain words (letters only, MIN_LENGTH or longer) in signal patterns and examples."""
    return {w for text in texts for w in _WORD_CHARS.findall(text.lower()) if len(w) >= MIN_LENGTH}


class SpellingCorrector:
    """Corrects the words of normalised text toward `vocabulary` (the words matching uses)."""

    def __init__(self, vocabulary: Iterable[str]):
        self._vocabulary = frozenset(vocabulary)
        self._index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in self._vocabulary:
            self._index.create_dictionary_entry(word, english_frequencies().get(word, 1))
        self._per_process()

    def _per_process(self) -> None:
        self.correct_word = lru_cache(maxsize=CACHED_WORDS)(self._correct_word)
        # Words seen to need no correction, up to CACHED_WORDS of them: a message made only of
        # such words (nine in ten are) is its own correction, told by one set test in C.
        self._kept: set[str] = set(self._vocabulary.difference(CHAT_SPELLINGS))

    # The per-word cache is a wrapper of a bound method: not pickled (the playbook cache,
    # bot/core/compiled.py), made anew when unpickled.
    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("correct_word", "_kept")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._per_process()

    def _correct_word(self, word: str) -> str:
        if word in CHAT_SPELLINGS:
            return CHAT_SPELLINGS[word]
        if len(word) < MIN_CORRECTED_LENGTH or word in self._vocabulary or not word.isalpha():
            return word
        count = english_frequencies().get(word, 0)  # read once, on the first unknown word
        if count >= RARE_WORD_COUNT:
            return word
        # Two edits only for long words: short ones have too many unrelated neighbours.
        distance = 1 if count or len(word) < 7 else 2
        found = self._index.lookup(word, Verbosity.TOP, max_edit_distance=distance)
        if not found or (count and found[0].count < count * RARE_WORD_RATIO):
            return word
        return found[0].term

    def correct(self, normalised: str) -> str:
        """`normalised` (see text.normalise) with unknown words replaced by their correction."""
        words = normalised.split(" ")
        kept = self._kept
        if kept.issuperset(words):
            return normalised
        correct_word = self.correct_word
        # A word too long to be a typo (a run of junk) is left alone, and out of the cache.
        corrected = [correct_word(w) if len(w) <= CACHED_WORD_CHARS else w for w in words]
        if len(kept) < CACHED_WORDS:
            kept.update(w for w, c in zip(words, corrected, strict=True) if w == c)
        return " ".join(corrected)
