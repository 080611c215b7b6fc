"""English word frequencies: the list symspellpy ships (82,765 words with corpus counts).

One reader for every part that needs to know which English words exist and how common they are
(spelling correction in matching, hashtag splitting, the case's typo clean-up). Read once, on
first use, in the file's order (most frequent first), and kept ready to use in MOT_CACHE_DIR
(bot/core/prebuilt.py).

A run needs a few dozen of its 82,000 words: the table is the list's text itself, with its
lines' offsets in alphabetical order for a binary search, rather than a dict of 82,000 entries.
Loaded from the cache it is one string and one array (about 1 ms, against 20 ms for the dict
and 35 ms to read the text). A long run that looks up thousands of words (`classify` over a
file) indexes every word once instead (INDEX_AFTER), bounded by the list's size.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import ItemsView, Iterator, Mapping
from functools import cache
from importlib import resources
from itertools import accumulate

from bot.core import prebuilt

FREQUENCY_LIST = "frequency_dictionary_en_82_765.txt"
CACHED_WORDS = 65536  # words looked up, remembered (found or not) for the next time
# After this many different words looked up (a long run: `classify` over a file), every word's
# place is indexed at once (about 20 ms), and each further look-up is one dict access instead
# of a binary search of Python steps (about 12 us).
INDEX_AFTER = 2048
_NOT_SEEN = -1


class EnglishWords(Mapping[str, int]):
    """word -> corpus count, iterated most frequent first, as the list has them."""

    def __init__(self, pairs: list[str]):
        """`pairs`: the list's words and counts, alternating, in its order."""
        words = pairs[::2]
        lines = [f"{word} {count}\n" for word, count in zip(words, pairs[1::2], strict=True)]
        starts = [0, *accumulate(map(len, lines))][:-1]
        alphabetical = sorted(range(len(words)), key=words.__getitem__)
        self._text = "".join(lines)
        self._sorted = array("I", (starts[index] for index in alphabetical))
        self._seen: dict[str, int | None] = {}
        self._index: dict[str, int] | None = None

    def __getstate__(self) -> dict:
        """Kept (bot/core/prebuilt.py) without the words looked up so far."""
        return {"_text": self._text, "_sorted": self._sorted}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _seen={}, _index=None)

    def _indexed(self) -> dict[str, int]:
        """Every word's line start; a word listed twice keeps its first (most frequent) line,
        as the binary search finds it."""
        starts = list(accumulate(map(len, self._text.splitlines(keepends=True)), initial=0))
        words = self._text.split()[::2]  # each line is "word count"
        return dict(zip(reversed(words), reversed(starts[:-1]), strict=True))

    def _word_at(self, start: int) -> str:
        return self._text[start : self._text.index(" ", start)]

    def _find(self, word: str) -> int | None:
        """Where `word`'s line starts, or None."""
        if self._index is not None:
            return self._index.get(word)
        start = self._seen.get(word, _NOT_SEEN)
        if start != _NOT_SEEN:
            return start
        if len(self._seen) >= INDEX_AFTER:
            self._index = self._indexed()
            return self._index.get(word)
        found = bisect_left(self._sorted, word, key=self._word_at)
        start = None
        if found < len(self._sorted) and self._word_at(self._sorted[found]) == word:
            start = self._sorted[found]
        if len(self._seen) < CACHED_WORDS and len(word) <= 40:
            self._seen[word] = start
        return start

    def _count_at(self, start: int) -> int:
        space = self._text.index(" ", start)
        return int(self._text[space + 1 : self._text.index("\n", space)])

    def __getitem__(self, word: str) -> int:
        start = self._find(word) if isinstance(word, str) else None
        if start is None:
            raise KeyError(word)
        return self._count_at(start)

    def get(self, word, default=None):
        start = self._find(word) if isinstance(word, str) else None
        return default if start is None else self._count_at(start)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def __len__(self) -> int:
        return len(self._sorted)

    def __iter__(self) -> Iterator[str]:
        return (word for word, _ in self._lines())

    def _lines(self) -> Iterator[tuple[str, str]]:
        text, start = self._text, 0
        while start < len(text):
            space = text.index(" ", start)
            end = text.index("\n", space)
            yield text[start:space], text[space + 1 : end]
            start = end + 1

    def items(self) -> ItemsView[str, int]:
        return _Items(self)


class _Items(ItemsView):
    def __iter__(self):
        return ((word, int(count)) for word, count in self._mapping._lines())


def _read(source) -> EnglishWords:
    # Each line is "word count": the file's words alternate with their counts.
    return EnglishWords(source.read_text(encoding="utf-8").split())


def _source():
    return resources.files("symspellpy") / FREQUENCY_LIST


def list_stamp() -> tuple[str, int, int] | None:
    """What names the list's version (path, size, time), for values kept that are made from
    it (bot/core/prebuilt.py); None when it is not a plain file (a zipped package)."""
    source = _source()
    try:
        found = os.stat(str(source))
    except OSError:
        return None
    return str(source), found.st_size, found.st_mtime_ns


@cache
def english_frequencies() -> EnglishWords:
    """word -> corpus count, most frequent first."""
    source, stamp = _source(), list_stamp()
    if stamp is None:  # read it each time
        return _read(source)
    return prebuilt.value("english-words", stamp, lambda: _read(source))
