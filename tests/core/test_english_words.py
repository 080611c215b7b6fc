"""The English word list: a long run's look-ups answer exactly as a short run's."""

import pytest

from bot.core import english_words
from bot.core.english_words import EnglishWords, english_frequencies


def _looked_up(words: EnglishWords, probes: list[str]) -> list:
    return [(w in words, words.get(w), words.get(w, 0)) for w in probes]


def test_after_many_words_the_index_answers_as_the_binary_search(monkeypatch):
    monkeypatch.setattr(english_words, "INDEX_AFTER", 50)
    listed = list(english_frequencies())
    probes = [*listed[:40], *listed[-40:], "zzqxv", "", "the ", "hello world", "recieved"]
    probes += [word + "q" for word in listed[1000:1100]]
    searched = english_frequencies.__wrapped__()  # a fresh table, its own look-ups
    first = _looked_up(searched, probes)
    assert searched._index is not None  # more than INDEX_AFTER words: indexed since
    assert _looked_up(searched, probes) == first
    with_index = english_frequencies.__wrapped__()
    with_index._index = with_index._indexed()
    assert _looked_up(with_index, probes) == first
    assert first[0] == (True, int(searched[listed[0]]), int(searched[listed[0]]))


def test_a_word_listed_twice_keeps_its_first_count_indexed_or_not(monkeypatch):
    monkeypatch.setattr(english_words, "INDEX_AFTER", 2)
    words = EnglishWords(["apple", "10", "pear", "5", "apple", "3", "fig", "1"])
    assert words["apple"] == 10 and words.get("plum") is None
    words.get("kiwi")
    words.get("lime")  # the third different word: indexed now
    assert words._index is not None
    assert words["apple"] == 10 and words["pear"] == 5 and words["fig"] == 1
    assert "plum" not in words
    with pytest.raises(KeyError):
        words["plum"]
    assert list(words) == ["apple", "pear", "apple", "fig"]
