"""What is built once and kept in MOT_CACHE_DIR (bot/core/prebuilt.py): the same patterns as
`re.compile`, the same values as making them afresh, and no trust in a file that is broken."""

from __future__ import annotations

import re

import pytest

from bot.core import prebuilt

PATTERNS = [
    (r"\b(?P<amount>[£$€]\s?\d+(?:\.\d{2})?)\b", 0),
    (r"\bcharged (?:twice|two times)\b", re.IGNORECASE),
    (
        r"""(?<![\w-])(?:[A-Z]{1,2}[0-9][A-Z0-9]?[ ][0-9][A-Z]{2})  # a UK postcode
        (?![\w-])""",
        re.VERBOSE,
    ),
    (r"(?i:rue|avenue)[ ]+(?P<name>\w+)|^(?:hi|hello)\b", re.MULTILINE),
]
TEXTS = ["I was charged twice: £12.50 on the 3rd", "Hi\nrue Lepic 5, SW1A 1AA", "nothing"]


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """Each test starts from a process that has read and built nothing."""
    monkeypatch.setattr(prebuilt, "_kept", {})
    monkeypatch.setattr(prebuilt, "_built", {})
    monkeypatch.setattr(prebuilt, "_folder", [])


def _same(found: re.Pattern, expected: re.Pattern) -> None:
    assert found == expected  # CPython compares the pattern, flags and the engine's program
    assert (found.groups, found.groupindex) == (expected.groups, expected.groupindex)
    for text in TEXTS:
        assert [m.span() for m in found.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_a_pattern_is_the_one_re_compiles_built_or_kept(tmp_path, monkeypatch, source, flags):
    _same(prebuilt.compile(source, flags), re.compile(source, flags))
    prebuilt.save(tmp_path)
    monkeypatch.setattr(prebuilt, "_kept", {})
    monkeypatch.setattr(prebuilt, "_built", {})
    prebuilt.load(tmp_path)
    assert (source, int(flags)) in prebuilt._kept
    _same(prebuilt.compile(source, flags), re.compile(source, flags))
    assert prebuilt._built == {}  # from the file, not built again


def _module_patterns(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, tuple | list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _module_patterns(item, depth + 1)


def test_the_domain_patterns_are_the_ones_re_compiles():
    import importlib
    import pkgutil

    import bot.core
    import bot.llm

    found = []
    for package in (bot.core, bot.llm):
        for module in pkgutil.iter_modules(package.__path__):
            loaded = importlib.import_module(f"{package.__name__}.{module.name}")
            found.extend(p for value in vars(loaded).values() for p in _module_patterns(value))
    assert len(found) > 300
    for pattern in found:
        assert pattern == re.compile(pattern.pattern, pattern.flags), pattern.pattern


def test_a_bad_pattern_is_the_error_re_gives():
    with pytest.raises(re.error, match="missing \\)"):
        prebuilt.compile(r"(unclosed")


def test_a_broken_file_is_ignored_and_written_again(tmp_path):
    prebuilt.compile(r"\bdouble charge\b")
    prebuilt.save(tmp_path)
    (kept,) = tmp_path.glob("regexes-*.pickle")
    kept.write_bytes(b"not a pickle")
    prebuilt._kept.clear()
    prebuilt.load(tmp_path)
    assert prebuilt._kept == {}
    prebuilt.compile(r"\bdouble charge\b")
    prebuilt.save(tmp_path)
    assert kept.read_bytes() != b"not a pickle"


def test_nothing_is_written_without_new_patterns_or_a_folder(tmp_path):
    prebuilt.save(tmp_path)
    prebuilt.compile(r"\brefund\b")
    prebuilt.save(None)
    assert list(tmp_path.iterdir()) == []


def test_a_value_is_made_once_per_inputs_and_read_after(tmp_path):
    made = []

    def make():
        made.append(1)
        return {"words": len(made)}

    assert prebuilt.value("words", ("a", 1), make) == {"words": 1}  # no folder: made each time
    prebuilt.load(tmp_path)
    assert prebuilt.value("words", ("a", 1), make) == {"words": 2}
    assert prebuilt.value("words", ("a", 1), make) == {"words": 2}  # read, not made
    assert prebuilt.value("words", ("a", 2), make) == {"words": 3}  # other inputs: made
    assert len(made) == 3
    for kept in tmp_path.glob("words-*.pickle"):
        kept.write_bytes(b"\x80broken")
    assert prebuilt.value("words", ("a", 1), make) == {"words": 4}


def test_the_english_words_and_care_words_are_the_same_kept_or_not(tmp_path):
    from bot.core import care, english_words

    fresh_words = english_words.english_frequencies.__wrapped__()
    fresh_needs = care._required_words()
    prebuilt.load(tmp_path)
    inputs = sorted(care._PATTERNS.items())
    for _ in range(2):  # made and kept, then read
        assert english_words.english_frequencies.__wrapped__() == fresh_words
        assert prebuilt.value("care-needs", inputs, care._required_words) == fresh_needs
    assert list(english_words.english_frequencies.__wrapped__()) == list(fresh_words)  # in order


def test_the_hashtag_costs_and_emoji_tones_are_the_same_kept_damaged_or_not(tmp_path):
    from bot.core import emoji_tone, social

    fresh_costs, fresh_tones = social._costs(), emoji_tone._table()
    assert fresh_tones["😡"] == "angry" and fresh_costs["service"] > 0
    prebuilt.load(tmp_path)
    for _ in range(2):  # made and kept, then read
        assert social._word_costs.__wrapped__() == fresh_costs
        assert emoji_tone.tones.__wrapped__() == fresh_tones
    kept = sorted(tmp_path.glob("hashtag-costs-*.pickle")) + sorted(
        tmp_path.glob("emoji-tones-*.pickle")
    )
    assert len(kept) == 2
    for path in kept:  # damaged: ignored, made again and kept again
        path.write_bytes(path.read_bytes()[:100])
    assert social._word_costs.__wrapped__() == fresh_costs
    assert emoji_tone.tones.__wrapped__() == fresh_tones
    assert all(path.stat().st_size > 100 for path in kept)


def test_a_damaged_program_is_built_again():
    from array import array

    source = r"\bcharged twice\b"
    flags, _, groups, group_index, index_group = prebuilt.program(source)
    prebuilt._kept[(source, 0)] = (flags, array("I", [1, 2, 3]), groups, group_index, index_group)
    _same(prebuilt.compile(source), re.compile(source))
    prebuilt._kept[(source, 0)] = ("not a program",)
    _same(prebuilt.compile(source), re.compile(source))
