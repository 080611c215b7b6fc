"""Fast signal matching: try each pattern only at the words where a match could start.

Playbooks carry a few hundred signal patterns, most of them alternations of phrases such as
`\\b(lost|stolen) (my )?(card|phone)`. Each top-level alternative is compiled on its own, and
from its structure we read the literal starts its matches must begin with ("lost card",
"stolen my phone", ...). One pass of an Aho-Corasick automaton (pyahocorasick, in C) finds every
word of the text where one of those starts begins, and each alternative is tried, anchored,
only there, instead of being searched across the whole text or looked up word by word in
Python. Alternatives whose start cannot be read are searched as usual, so the result is exactly
that of searching every pattern.

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
from re import _compiler as sre_compile  # Python 3.11+
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

from bot.core.literals import class_chars, literal_starts, occurring, required_literals

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
# The bounds of the per-word caches elsewhere (stems, spelling): 65,536 words of up to 40
# characters (docs/operations.md).
CACHED_WORDS, CACHED_WORD_CHARS = 65536, 40


def _fewest(starts: set[str]) -> list[str]:
    """`starts` without those that begin with another: a text holding "refunded" at a place
    also holds "refund" there, and the alternative is tried there once."""
    kept: list[str] = []
    for start in sorted(starts):  # a string sorts just before the strings it begins
        if not kept or not start.startswith(kept[-1]):
            kept.append(start)
    return kept


class SignalIndex:
    """All signals of all playbooks, each alternative tried only where its literal start is."""

    def __init__(self, signals: list[tuple[str, str, float]]):
        """`signals` are (owner, pattern, weight) triples."""
        self.signals = list(signals)
        self._owner_of: list[int] = []  # alternative -> signal index
        self._alternatives: list[str] = []
        self._always: list[int] = []
        self._programs: list[Program] = []
        # What a match must start with (indexed alternatives and those anchored by "^") or
        # contain (the others): checked in C before the regex runs (bot/core/literals.py).
        self._starts: list[tuple[str, ...] | None] = []
        self._required: list[frozenset[str] | None] = []
        # " " + a literal start -> the indexed alternatives a match of which may begin so
        at_start: dict[str, list[int]] = defaultdict(list)
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
                anchored = alternative[:1] == "^"  # tried at the start only: fails fast
                starts = literal_starts(alternative) if words or anchored else None
                if anchored and starts is not None and len(starts) > _FEW_STARTS:
                    starts = None  # more to check than the regex takes to fail
                self._starts.append(starts)
                self._required.append(None if words or anchored else required_literals(alternative))
                for start in _fewest(set(starts or words or ())) if words else ():
                    at_start[" " + start].append(index)
        # One pass of an Aho-Corasick automaton (in C) finds every place where a word begins
        # one of the starts; each value is the key's length and its place in `_at_start`
        # (an automaton with no keys cannot search: then `fired` does not ask it).
        self._at_start = [tuple(found) for found in at_start.values()]
        self._automaton = ahocorasick.Automaton()
        for slot, key in enumerate(at_start):
            self._automaton.add_word(key, (len(key), slot))
        self._automaton.make_automaton()
        self._start()

    def _start(self) -> None:
        """The per-process parts: compiled on first use (a tip needs a few of hundreds)."""
        self._compiled: list[re.Pattern | None] = [None] * len(self._alternatives)
        # per start: (signal, compiled `match`) of its alternatives, made on first use
        self._candidates: list[tuple[tuple[int, Callable], ...] | None] = [None] * len(
            self._at_start
        )
        self._searched: list[tuple[int, tuple[str, ...] | None, frozenset | None, Callable]] = []
        self._literals_in: Callable[[str], set[str]] | None = None
        self._answers = [(owner, weight, pattern) for owner, pattern, weight in self.signals]

    def __getstate__(self) -> dict:
        """Pickled (bot/core/compiled.py) without compiled patterns."""
        state = dict(self.__dict__)
        for per_process in (
            "_compiled",
            "_candidates",
            "_searched",
            "_answers",
            "_literals_in",
        ):
            del state[per_process]
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

    def _searches(self) -> list[tuple[int, tuple[str, ...] | None, frozenset | None, Callable]]:
        """Per alternative searched across the text: its signal, its starts, the literals one
        of which it needs, and its own search; made on first use, with one automaton that
        finds which of all those literals a text holds in one pass (instead of a regex search
        per alternative: a dozen a message)."""
        self._searched = [
            (
                self._owner_of[index],
                self._starts[index],
                self._required[index],
                self._pattern(index).search,
            )
            for index in self._always
        ]
        self._literals_in = occurring(
            set().union(*(needed for _, _, needed, _ in self._searched if needed is not None))
        )
        return self._searched

    def _candidates_at(self, slot: int) -> tuple[tuple[int, Callable], ...]:
        found = tuple((self._owner_of[i], self._pattern(i).match) for i in self._at_start[slot])
        self._candidates[slot] = found
        return found

    def fired(self, normalised: str) -> list[tuple[str, float, str]]:
        """(owner, weight, pattern) of every signal that matches the normalised text."""
        matched: set[int] = set()
        candidates_at = self._candidates
        # Words are separated by single spaces: a word begins after a space of the padded
        # text, and a start that must end its word ("took ") may end the text.
        found = self._automaton.iter(" " + normalised + " ") if self._at_start else ()
        for end, (size, slot) in found:
            offset = end - size + 1
            for owner, match in candidates_at[slot] or self._candidates_at(slot):
                if owner not in matched and match(normalised, offset):
                    matched.add(owner)
        present = None  # the needed literals the text holds, found when first asked
        for owner, starts, needed, search in self._searched or self._searches():
            if owner in matched or (starts is not None and not normalised.startswith(starts)):
                continue
            if needed is not None:
                if present is None:
                    present = self._literals_in(normalised)
                if needed.isdisjoint(present):
                    continue
            if search(normalised):
                matched.add(owner)
        answers = self._answers
        return [answers[i] for i in sorted(matched)]
