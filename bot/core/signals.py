"""Fast signal matching: try each pattern only at the words where a match could start.

Playbooks carry a few hundred signal patterns, most of them alternations of phrases such as
`\\b(lost|stolen) (my )?(card|phone)`. Each top-level alternative is compiled on its own, and
from its structure we read the literal prefixes its matches must start with ({"lost",
"stolen"}). It is then tried, anchored, only at the words of the text that begin with one of
them, instead of being searched across the whole text. Alternatives whose start cannot be read
are searched as usual, so the result is exactly that of searching every pattern.

The index also keeps each alternative's compiled program, the code that `re` hands to its
engine (`_sre`), which `re` builds in Python at every start: a process that loads the index
from the playbook cache (bot/core/compiled.py) gives the engine the kept program on first use
instead of compiling the pattern again. The cache is per Python version, like the programs.
"""

from __future__ import annotations

import _sre
import re
from array import array
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from re import _compiler as sre_compile  # Python 3.11+
from re import _constants as sre
from re import _parser as sre_parse
from typing import NamedTuple

from bot.core.literals import any_of, class_chars, literal_starts, required_literals

_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


def split_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level `|`, respecting groups, classes and escapes."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "^":
                index += 1
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _class_chars(items) -> str | None:
    """The characters of a small class of letters or digits ([sz], \\d), or None."""
    chars = class_chars(items)
    return chars if chars and chars.isalnum() else None


def _union(parts) -> set[str] | None:
    found: set[str] = set()
    for part in parts:
        if part is None:
            return None
        found |= part
    return found


_MAX_PREFIXES = 256  # beyond this many alternatives, stop extending a prefix


def _prefixes(items: list, prefix: str = "") -> set[str] | None:
    """Literal prefixes that any match of `items`, starting at a word start, begins with.

    Extends through groups and alternations within the first word ("t(ook|aken)" gives
    {"took", "taken"}); a prefix that must be the whole word ends with a space ("took ").
    None when a match could start without a known literal.
    """
    for position, (op, value) in enumerate(items):
        rest = items[position + 1 :]
        if op is sre.LITERAL:
            if not chr(value).isalnum():  # the word ends here: it must be the whole word
                return (
                    {prefix + " "}
                    if prefix and chr(value) == " "
                    else ({prefix} if prefix else None)
                )
            prefix += chr(value)
            continue
        if op is sre.AT and value is sre.AT_BOUNDARY:
            if prefix:
                return {prefix + " "}
            continue
        if op in _ZERO_WIDTH:
            if prefix:
                return {prefix}
            continue
        if op is sre.IN and _class_chars(value) is not None:
            extended = _union(_prefixes(rest, prefix + c) for c in _class_chars(value))
        elif op is sre.SUBPATTERN:
            extended = _prefixes(list(value[-1]) + rest, prefix)
        elif op is sre.BRANCH:
            extended = _union(_prefixes(list(branch) + rest, prefix) for branch in value[1])
        elif op in _REPEATS and value[:2] == (0, 1):
            extended = _union([_prefixes(list(value[2]) + rest, prefix), _prefixes(rest, prefix)])
        elif op in _REPEATS and value[0] >= 1:
            extended = _prefixes(list(value[2]), prefix)
        else:
            extended = None
        if extended is not None and len(extended) <= _MAX_PREFIXES:
            return extended
        return {prefix} if prefix else None
    return {prefix} if prefix else None


def _union(parts) -> set[str] | None:
    found: set[str] = set()
    for part in parts:
        if part is None or not part:
            return None
        found |= part
    return found


def first_words(pattern: str) -> set[str] | None:
    """Literal prefixes that every match of one alternative starts with, or None if unknown.

    Only patterns that begin with a word boundary qualify: their matches then start at a word
    start of the normalised text (words are separated by single spaces).
    """
    return _first_words(sre_parse.parse(pattern))


# What `_sre.compile` takes besides the pattern: flags, code, groups, group names both ways.
Program = tuple[int, array, int, dict[str, int], tuple[str | None, ...]]


def _program(parsed: sre_parse.SubPattern) -> Program:
    """The engine's program for a parsed pattern, as re/_compiler.py's `compile` builds it."""
    state = parsed.state
    index_group: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        index_group[number] = name
    code = array("I", sre_compile._code(parsed, 0))
    return state.flags, code, state.groups - 1, dict(state.groupdict), tuple(index_group)


def _first_words(parsed: sre_parse.SubPattern) -> set[str] | None:
    items = list(parsed)
    while items and items[0][0] in _ZERO_WIDTH:
        items = items[1:]
    if not items or items[0] != (sre.AT, sre.AT_BOUNDARY):
        return None
    return _prefixes(items[1:])


_FEW_STARTS = 16  # an alternative anchored by "^" checks its starts first if it has so few
# signal, the starts to check first (or None), the alternative's compiled `match`
_Candidate = tuple[int, "tuple[str, ...] | None", Callable]


class _AtWord(NamedTuple):
    at_once: tuple[_Candidate, ...]  # to try at this word
    exactly: dict[str, tuple[_Candidate, ...]]  # to try when the next word is the key
    beginning: dict[str, tuple[_Candidate, ...]]  # ... when it begins with the key
    sizes: tuple[int, ...]  # the lengths of those keys


_NOTHING = _AtWord((), {}, {}, ())


class _SplitStarts(NamedTuple):
    """An indexed alternative's literal starts, as the per-word look-up reads them."""

    within_word: tuple[str, ...]  # starts with no space: a match at a word beginning so
    after_word: dict[str, tuple[str, ...]]  # first word -> the starts that go on past it


def _split_starts(starts: tuple[str, ...] | None) -> _SplitStarts | None:
    if starts is None:
        return None
    after_word: dict[str, list[str]] = defaultdict(list)
    for start in starts:
        if " " in start:
            after_word[start.split(" ")[0]].append(start)
    within_word = tuple(start for start in starts if " " not in start)
    return _SplitStarts(within_word, {word: tuple(found) for word, found in after_word.items()})


# The per-word cache's bounds: 65,536 words of up to 40 characters (docs/operations.md).
CACHED_WORDS, CACHED_WORD_CHARS = 65536, 40


class SignalIndex:
    """All signals of all playbooks, each alternative tried only where its first word occurs."""

    def __init__(self, signals: list[tuple[str, str, float]]):
        """`signals` are (owner, pattern, weight) triples."""
        self.signals = list(signals)
        self._owner_of: list[int] = []  # alternative -> signal index
        self._alternatives: list[str] = []
        self._by_prefix: dict[str, list[int]] = defaultdict(list)
        self._always: list[int] = []
        self._programs: list[Program] = []
        # What a match must start with (indexed alternatives and those anchored by "^") or
        # contain (the others): checked in C before the regex runs (bot/core/literals.py).
        self._starts: list[tuple[str, ...] | None] = []
        self._required: list[frozenset[str] | None] = []
        self._split_starts: list[_SplitStarts | None] = []  # the starts of indexed ones, split
        for signal_index, (_, pattern, _) in enumerate(signals):
            for alternative in split_alternatives(pattern):
                index = len(self._alternatives)
                self._owner_of.append(signal_index)
                self._alternatives.append(alternative)
                parsed = sre_parse.parse(alternative)
                self._programs.append(_program(parsed))
                words = _first_words(parsed)
                if words is None:
                    self._always.append(index)
                for prefix in words or ():
                    self._by_prefix[prefix].append(index)
                anchored = alternative[:1] == "^"  # tried at the start only: fails fast
                starts = literal_starts(alternative) if words or anchored else None
                if anchored and starts is not None and len(starts) > _FEW_STARTS:
                    starts = None  # more to check than the regex takes to fail
                self._starts.append(starts)
                self._split_starts.append(_split_starts(starts) if words else None)
                self._required.append(None if words or anchored else required_literals(alternative))
        self._by_prefix = dict(self._by_prefix)
        self._longest = max((len(p) for p in self._by_prefix), default=0)
        self._start()

    def _start(self) -> None:
        """The per-process parts: compiled on first use (a tip needs a few of hundreds)."""
        self._compiled: list[re.Pattern | None] = [None] * len(self._alternatives)
        self._finders: dict[int, re.Pattern] = {}  # alternative -> a search for its literals
        self._cached_starting_at = lru_cache(maxsize=CACHED_WORDS)(self._alternatives_starting_at)
        self._answers = [(owner, weight, pattern) for owner, pattern, weight in self.signals]

    def __getstate__(self) -> dict:
        """Pickled (bot/core/compiled.py) without compiled patterns or the per-word cache."""
        state = dict(self.__dict__)
        del state["_compiled"], state["_finders"], state["_cached_starting_at"], state["_answers"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._start()

    def _pattern(self, index: int) -> re.Pattern:
        compiled = self._compiled[index]
        if compiled is None:
            flags, code, groups, group_index, index_group = self._programs[index]
            compiled = self._compiled[index] = _sre.compile(
                self._alternatives[index], flags, code.tolist(), groups, group_index, index_group
            )
        return compiled

    def _finder(self, index: int) -> re.Pattern:
        finder = self._finders.get(index)
        if finder is None:
            finder = self._finders[index] = any_of(self._required[index])
        return finder

    def _alternatives_starting_at(self, word: str) -> _AtWord:
        """The alternatives that can match at `word` (cached: vocabularies repeat).

        A match's literal start must agree with the word (a match of "not received" cannot
        begin at "notice"). Alternatives whose start lies within the word are tried at once;
        the others go on past it ("not received" at "not") and are filed under the next word
        they need: exactly that word ("received") or a word beginning so ("rec" of
        "rec(ei|ie)ved"), and their starts are checked against the text before the regex.
        Each comes with its compiled pattern's `match`, so the look-up at a word is all."""
        keys = [word[:end] for end in range(1, min(len(word), self._longest) + 1)]
        spaced = word + " "
        keys.append(spaced)
        at_once: list[_Candidate] = []
        exactly: dict[str, list[_Candidate]] = defaultdict(list)
        beginning: dict[str, list[_Candidate]] = defaultdict(list)
        for index in dict.fromkeys(i for key in keys for i in self._by_prefix.get(key, ())):
            owner, split = self._owner_of[index], self._split_starts[index]
            if split is None or (split.within_word and word.startswith(split.within_word)):
                at_once.append((owner, None, self._pattern(index).match))  # the word holds a start
                continue
            starts = split.after_word.get(word)
            if starts is None:
                continue  # no start of this alternative agrees with the word
            # every start is the word, a space and more: file them by the next word, each with
            # the starts that go on with that word. A start that ends in the next word ("rec"
            # of "rec(ei|ie)ved") is there when the next word begins so: nothing to check.
            match = self._pattern(index).match
            by_next: dict[str, list[str]] = defaultdict(list)
            for start in starts:
                rest = start[len(spaced) :]
                if " " in rest:
                    by_next[rest.split(" ")[0]].append(start)
                elif (owner, None, match) not in beginning[rest]:
                    beginning[rest].append((owner, None, match))
            for then, going_on in by_next.items():
                exactly[then].append((owner, tuple(going_on), match))
        if not (at_once or exactly or beginning):
            return _NOTHING  # most words: one shared entry, not one each
        return _AtWord(
            tuple(at_once),
            {then: tuple(found) for then, found in exactly.items()},
            {then: tuple(found) for then, found in beginning.items()},
            tuple(sorted({len(then) for then in beginning})),
        )

    def fired(self, normalised: str) -> list[tuple[str, float, str]]:
        """(owner, weight, pattern) of every signal that matches the normalised text."""
        matched: set[int] = set()
        offset, starting_at = 0, self._cached_starting_at
        words = normalised.split(" ")
        last = len(words) - 1
        for position, word in enumerate(words):
            # A word too long to be worth a place in the cache (a run of junk) is looked up anew.
            if len(word) > CACHED_WORD_CHARS:
                at_word = self._alternatives_starting_at(word)
            else:
                at_word = starting_at(word)
            if at_word is _NOTHING:
                offset += len(word) + 1
                continue
            candidates = at_word.at_once
            if position < last and (at_word.exactly or at_word.sizes):
                then = words[position + 1]
                candidates += at_word.exactly.get(then, ())
                for size in at_word.sizes:
                    if size > len(then):  # sizes ascend: no longer key can begin `then`
                        break
                    candidates += at_word.beginning.get(then[:size], ())
            for owner, starts, match in candidates:
                if owner in matched or (
                    starts is not None and not normalised.startswith(starts, offset)
                ):
                    continue
                if match(normalised, offset):
                    matched.add(owner)
            offset += len(word) + 1
        compiled = self._compiled
        for index in self._always:
            owner, starts = self._owner_of[index], self._starts[index]
            if owner in matched or (starts is not None and not normalised.startswith(starts)):
                continue
            if self._required[index] is not None and not self._finder(index).search(normalised):
                continue
            if (compiled[index] or self._pattern(index)).search(normalised):
                matched.add(owner)
        answers = self._answers
        return [answers[i] for i in sorted(matched)]
