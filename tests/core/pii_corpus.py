"""The PII corpus (tests/core/data/pii_corpus.txt) and how a redactor scores on it.

Shared by tests/core/test_redaction_corpus.py and bench/redaction_recall.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.redact import PLACEHOLDER_PATTERN

CORPUS = Path(__file__).parent / "data" / "pii_corpus.txt"
_MARK = re.compile(r"\{\{([a-z-]+):(.+?)\}\}")


@dataclass
class Case:
    text: str
    spans: list[tuple[int, int, str]]  # (start, end, format); empty for a look-alike line
    category: str  # the format family of a positive line, the look-alike category otherwise


def load(path: Path = CORPUS) -> list[Case]:
    cases: list[Case] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("+ "):
            text, spans, pos = [], [], 0
            body, length = line[2:], 0
            for m in _MARK.finditer(body):
                text.append(body[pos : m.start()])
                length += m.start() - pos
                spans.append((length, length + len(m[2]), m[1]))
                text.append(m[2])
                length += len(m[2])
                pos = m.end()
            text.append(body[pos:])
            cases.append(Case("".join(text), spans, "positive"))
        elif line.startswith("- "):
            category, _, text = line[2:].partition(": ")
            cases.append(Case(text, [], category))
    return cases


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)  # "text -> redacted value"
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.total.values()))


def redacted_spans(original: str, redacted_text: str, mapping: dict[str, str]) -> list[tuple]:
    """Where in `original` the placeholders of `redacted_text` stand."""
    spans, shift = [], 0
    for m in PLACEHOLDER_PATTERN.finditer(redacted_text):
        value = mapping[m[0]]
        start = m.start() + shift
        spans.append((start, start + len(value)))
        shift += len(value) - len(m[0])
    return spans


def score(redact: Callable[[str], tuple[str, dict[str, str]]], cases: list[Case]) -> Score:
    """`redact(text) -> (redacted text, placeholder -> original)`. A marked value counts as found
    when redacted spans cover all its non-space characters; every redacted span that covers no
    marked value is a false positive."""
    result = Score()
    for case in cases:
        text, mapping = redact(case.text)
        done = redacted_spans(case.text, text, mapping)
        for start, end, fmt in case.spans:
            result.total[fmt] = result.total.get(fmt, 0) + 1
            covered = all(
                case.text[i].isspace() or any(s <= i < e for s, e in done)
                for i in range(start, end)
            )
            result.found[fmt] = result.found.get(fmt, 0) + covered
            if not covered:
                result.missed.append(f"{fmt}: {case.text[start:end]!r} in {case.text!r}")
        for s, e in done:
            if not any(s < end and start < e for start, end, _ in case.spans):
                result.false_positives.append(f"{case.category}: {case.text[s:e]!r}")
    return result
