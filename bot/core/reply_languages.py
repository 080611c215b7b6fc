"""Suggested replies in the customer's language: playbooks/languages/<code>.yaml, validated.

One file per language holds, for each moment (a built-in playbook id, or `fallback` for the
moments without their own), replies a native support agent would send. A reply's text has
two kinds of slot: the customer's own facts ({customer_name} {order} {reference} {amount}
{date}), always inside an alternative "((with {order}|without it))" so no reply ever shows a
placeholder for what the customer may not have given; and facts only the agent knows
({update_time} ...), filled with the file's placeholders in that language ("[hora]").

A file is checked when it loads: known moments and premises, every agent slot with a
placeholder, three replies or more that open differently, at most one apology and no claimed
action in each (the detectors of reply_checks.py, which read these languages too).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from bot.core import prebuilt
from bot.core import reply_checks as checks
from bot.core.language import LANGUAGE_NAMES
from bot.core.playbooks import (
    BUILTIN_DIR,
    BUILTIN_IDS,
    NonEmpty,
    PlaybookError,
    Reply,
    Strict,
    validated_file,
)

FOLDER = BUILTIN_DIR / "languages"
FALLBACK = "fallback"
CLARIFY = "clarify"  # unsure of the moment, and they said little: one question each
MOMENTS = (*BUILTIN_IDS, CLARIFY, FALLBACK)
# The customer's facts, from the case (bot/core/case.py); only ever inside an alternative.
CASE_SLOTS = ("customer_name", "order", "reference", "amount", "date")
MIN_REPLIES = 3
_SLOT = prebuilt.compile(r"\{(\w+)\}")
_ALTERNATIVE = prebuilt.compile(r"\(\(([^()|]*)\|([^()|]*)\)\)")


class LanguageReply(Reply):
    """A reply (text, why, requires, unless); its slots are checked against the file's."""

    @field_validator("text")
    @classmethod
    def _known_slots(cls, value: str) -> str:
        bare = _ALTERNATIVE.sub("", value)
        if "((" in bare or "))" in bare:
            raise ValueError("an alternative must read ((with a fact|without it))")
        outside = sorted(set(_SLOT.findall(bare)) & set(CASE_SLOTS))
        if outside:
            raise ValueError(
                f"{{{outside[0]}}} is the customer's fact: put it in ((with {{{outside[0]}}}|"
                "without it)) so a reply never shows a placeholder for it"
            )
        return value


class LanguageReplies(Strict):
    language: NonEmpty
    placeholders: dict[str, NonEmpty] = Field(default_factory=dict)
    # Added to the first reply when the customer asks for a manager in another moment.
    manager_offer: NonEmpty | None = None
    moments: dict[str, list[LanguageReply]]

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGE_NAMES or value == "en":
            raise ValueError(f"{value!r} is not a language code other than English")
        return value

    @field_validator("moments")
    @classmethod
    def _known_moments(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(MOMENTS))
        if unknown:
            raise ValueError(f"unknown moment {unknown[0]!r}; moments are {', '.join(MOMENTS)}")
        for moment, replies in value.items():
            if len(replies) < MIN_REPLIES:
                raise ValueError(f"{moment}: {len(replies)} replies; at least {MIN_REPLIES}")
        return value

    @field_validator("manager_offer")
    @classmethod
    def _offer_slots(cls, value: str | None) -> str | None:
        return value if value is None else LanguageReply._known_slots(value)

    def problems(self) -> list[str]:
        """`field: problem` for each slot with no placeholder, each reply that would claim an
        action or apologise twice, and each moment where two replies open alike."""
        problems = self._slot_problems("manager_offer", self.manager_offer or "")
        for moment, replies in self.moments.items():
            for index, reply in enumerate(replies):
                problems += self._slot_problems(f"moments.{moment}[{index}].text", reply.text)
            openers = checks.repeated_openers([self.fill(r.text, {}) for r in replies])
            problems += [f"moments.{moment}: two replies open with {o!r}" for o in openers]
        return problems

    def _slot_problems(self, where: str, text: str) -> list[str]:
        """A slot with no placeholder, or what the filled text should never say."""
        missing = sorted(set(_SLOT.findall(text)) - set(CASE_SLOTS) - set(self.placeholders))
        if missing:
            return [f"{where}: {{{missing[0]}}} has no placeholder"]
        return [f"{where}: {p}" for p in _defects(self.fill(text, {}))]

    def fill(self, text: str, facts: dict[str, str]) -> str:
        """`text` with the customer's facts where known, placeholders for the agent's."""

        def alternative(match: re.Match) -> str:
            known = all(facts.get(slot) for slot in _SLOT.findall(match.group(1)))
            return match.group(1) if known else match.group(2)

        text = _ALTERNATIVE.sub(alternative, text)
        return _SLOT.sub(lambda m: facts.get(m.group(1)) or self._placeholder(m.group(1)), text)

    def _placeholder(self, slot: str) -> str:
        return self.placeholders.get(slot) or f"[{slot.replace('_', ' ')}]"


def _defects(text: str) -> list[str]:
    """What would make a filled reply unsendable whatever the conversation."""
    found = [f"claims a finished action ({claim!r})" for claim in checks.claims_in(text)]
    if checks.apologies(text) > 1:
        found.append("apologises more than once")
    return found


def load_language_file(path: Path) -> LanguageReplies:
    """One language file; raises PlaybookError naming the file and each bad field."""
    replies = validated_file(path, LanguageReplies, "language")
    problems = replies.problems()
    if problems:
        raise PlaybookError([f"{path}: {problem}" for problem in problems])
    if replies.language != path.stem:
        raise PlaybookError([f"{path}: language: {replies.language!r} is not the file name"])
    return replies


def check_language_dir(directory: Path) -> tuple[int, list[str]]:
    """How many files in `directory` are valid, and each problem of the others."""
    valid, problems = 0, []
    for path in sorted(directory.glob("*.yaml")):
        try:
            load_language_file(path)
            valid += 1
        except PlaybookError as exc:
            problems += exc.problems
    return valid, problems


@cache
def language_replies(code: str | None) -> LanguageReplies | None:
    """The built-in replies in language `code`, or None when there are none."""
    path = FOLDER / f"{code}.yaml"
    return load_language_file(path) if code and path.is_file() else None


def languages() -> list[str]:
    """The codes of the languages with built-in replies."""
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))
