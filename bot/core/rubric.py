"""Checks a suggested reply against its playbook rubric: required moves present, no avoid phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.core import prebuilt
from bot.core.playbooks import Playbook

# Unfilled slots look like "[customer name]"; the agent fills them before sending.
PLACEHOLDER = prebuilt.compile(r"\[[a-z][a-z ,.]*\]")


@dataclass(frozen=True, slots=True)
class RubricResult:
    missing_moves: tuple[str, ...] = ()
    avoid_hits: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.missing_moves and not self.avoid_hits

    def describe(self) -> str:
        parts = []
        if self.missing_moves:
            parts.append("missing: " + ", ".join(self.missing_moves))
        if self.avoid_hits:
            parts.append("avoid: " + ", ".join(repr(p) for p in self.avoid_hits))
        return "; ".join(parts) or "passes"


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern:
    return prebuilt.compile(pattern, re.IGNORECASE)


def _folded(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def find_avoid_phrases(text: str, phrases: list[str]) -> tuple[str, ...]:
    folded = _folded(text)
    return tuple(p for p in phrases if _folded(p) in folded)


def check(text: str, playbook: Playbook) -> RubricResult:
    missing = tuple(
        move.name
        for move in playbook.rubric.required_moves
        if not any(_compiled(p).search(text) for p in move.any_of)
    )
    return RubricResult(missing, find_avoid_phrases(text, playbook.rubric.avoid))
