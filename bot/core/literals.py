"""Literal text a regular expression's matches cannot do without, read from its structure.

Two cheap checks in C (`str.startswith` with a tuple, `in`) then rule a pattern out before
the regex engine runs it, which is where matching spends its time: most patterns fail on most
messages. Both readings are conservative: when a pattern's structure is not understood, they
say nothing (None) and the pattern is simply run, so results never change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from re import _constants as sre  # Python 3.11+
from re import _parser as sre_parse

import ahocorasick

from bot.core import prebuilt

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
MAX_STARTS = 256  # beyond this many literal starts, stop extending them
LONG_ENOUGH = 24  # a start this long rules out nearly everything: no need to extend it


def _parse(pattern: str) -> list | None:
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):  # literals would not be literal
        return None
    return list(parsed)


def class_chars(items) -> str | None:
    """The characters of a small set ([sz], [?!], [0-9]), or None."""
    chars = ""
    for op, value in items:
        if op is sre.LITERAL:
            chars += chr(value)
        elif op is sre.RANGE and value[1] - value[0] < 10:
            chars += "".join(map(chr, range(value[0], value[1] + 1)))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars += "0123456789"
        else:
            return None
    return chars


def _union(parts) -> set[str]:
    found: set[str] = set()
    for part in parts:
        found |= part
    return found


def _starts(items: list, open_: set[str]) -> tuple[set[str], set[str]]:
    """Extend the strings `open_` through `items`: (those still open to extension, those
    closed, after which the match goes on in a way that is not literal). Every match of `items`
    following one of `open_` begins with one of the strings returned."""
    closed: set[str] = set()
    for op, value in items:
        if not open_:
            break
        if op is sre.LITERAL:
            extended, more = {s + chr(value) for s in open_}, set()
        elif op in _ZERO_WIDTH:  # \b, ^, lookarounds: they consume nothing
            continue
        elif op is sre.IN and class_chars(value) is not None:
            extended, more = {s + c for s in open_ for c in class_chars(value)}, set()
        elif op is sre.SUBPATTERN and not value[1]:  # a group that sets no flags
            extended, more = _starts(list(value[-1]), open_)
        elif op is sre.BRANCH:
            ends = [_starts(list(branch), open_) for branch in value[1]]
            extended, more = _union(o for o, _ in ends), _union(c for _, c in ends)
        elif op in _REPEATS and value[:2] == (0, 1):
            extended, more = _starts(list(value[2]), open_)
            extended |= open_
        elif op in _REPEATS:  # after one turn, how many more is unknown
            once, more = _starts(list(value[2]), open_)
            extended, more = (open_ if value[0] == 0 else set()), more | once
        else:
            extended, more = set(), open_
        if len(extended) + len(more) + len(closed) > MAX_STARTS:  # too many: stop before it
            return set(), closed | open_
        closed |= more | {s for s in extended if len(s) >= LONG_ENOUGH}
        open_ = {s for s in extended if len(s) < LONG_ENOUGH}
    return open_, closed


def literal_starts(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which begins every match of `pattern`, or None when nothing is known.

    `\\b(lost|stolen) (my )?card` gives ("lost card", "lost my card", "stolen card", ...):
    a match at a position needs `text.startswith(starts, position)`.
    """
    items = _parse(pattern)
    if items is None:
        return None
    open_, closed = _starts(items, {""})
    starts = open_ | closed
    return None if "" in starts or not starts else tuple(sorted(starts))


def _required(items: list) -> set[str] | None:
    """Strings one of which occurs in every match of `items` (the most telling such set)."""
    choices: list[set[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if run:
            choices.append({run})
            run = ""
        if op is sre.SUBPATTERN and not value[1]:
            found = _required(list(value[-1]))
        elif op is sre.BRANCH:
            branches = [_required(list(b)) for b in value[1]]
            found = None if None in branches else _union(branches)
        elif op in _REPEATS and value[0] >= 1:
            found = _required(list(value[2]))
        else:
            found = None
        if found:
            choices.append(found)
    if run:
        choices.append({run})
    # the best set is the one whose shortest string is longest, then the smallest
    return max(choices, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which occurs in every match of `pattern`, or None when nothing is known.

    `(so|really) scared|\\bterrified\\b` gives {"scared", "terrified"}: a text holding none of
    them cannot match.
    """
    items = _parse(pattern)
    found = _required(items) if items is not None else None
    return frozenset(found) if found and "" not in found else None


def any_of(literals: set[str] | frozenset[str]) -> re.Pattern:
    """One regex that finds any of `literals`, written as a trie ("a(?:bus|ccident)|b(?:...)").

    CPython's engine tries every branch of a plain alternation at every position; in a trie it
    follows one letter at a time, which makes searching for a hundred words several times
    faster.
    """
    if not literals:
        return prebuilt.compile("(?!)")  # finds nothing
    trie: dict = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here: what follows is not needed

    def written(node: dict) -> str:
        if "" in node:
            return ""
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return prebuilt.compile(written(trie))


def occurring(literals: Iterable[str]) -> Callable[[str], set[str]]:
    """A function giving which of `literals` occur in a text, all found in one pass in C (an
    Aho-Corasick automaton, pyahocorasick): what a text holds of a hundred words, where
    asking `in` for each would take a hundred passes."""
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    if not len(automaton):
        return lambda text: set()
    automaton.make_automaton()
    found = automaton.iter

    def occurring_in(text: str) -> set[str]:
        return {literal for _, literal in found(text)}

    return occurring_in
