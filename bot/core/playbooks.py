"""Playbooks: one YAML file per moment of truth, validated by a schema.

A bad file is rejected with errors that name the file and the field; `load_dir(..., strict=False)`
collects every error instead of stopping at the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core import prebuilt
from bot.core.premises import PREMISES
from bot.core.yaml_text import YAMLTextError, parse_yaml
from bot.resources import data_dir


def _builtin_dir() -> Path:
    """The source tree's playbooks/, or the copy a regular install puts under share/."""
    return data_dir("playbooks")


BUILTIN_DIR = _builtin_dir()
BUILTIN_IDS = (
    "first-contact",
    "information-request",
    "purchase-decision",
    "order-status",
    "billing-dispute",
    "product-defect",
    "service-outage",
    "account-access",
    "repeat-contact",
    "escalation-request",
    "cancellation-risk",
    "praise",
)
LoyaltyOutcome = Literal["return", "spend", "trust", "word_of_mouth"]
Level = Literal["none", "watch", "escalate"]
# Facts a team states in its knowledge file (MOT_KNOWLEDGE_FILE); unknown ones stay placeholders.
KNOWLEDGE_SLOTS = (
    "refund_time",
    "delivery_time",
    "replacement_time",
    "callback_time",
    "update_time",
    "manager_time",
    "opening_hours",
    "escalation_path",
    "status_page",
    "help_centre",
    "gas_emergency_line",
)
# {colleague}: the staff member a customer praises by name, else "the colleague you mentioned".
SLOTS = ("customer_name", "reference", "timeframe", "agent_name", "colleague", *KNOWLEDGE_SLOTS)
_SLOT = prebuilt.compile(r"\{(\w+)\}")
NonEmpty = Annotated[str, Field(min_length=1)]


def _check_patterns(patterns: Iterable[str]) -> None:
    for index, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"item {index}: {pattern!r} is not a valid pattern ({exc})") from None


class Strict(BaseModel):
    # Schemas are built at the first validation: a run served from the playbook cache
    # (bot/core/compiled.py) validates nothing.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Customer(Strict):
    wants: list[NonEmpty] = Field(min_length=1)
    shies_away_from: list[NonEmpty] = Field(min_length=1)


class Loyalty(Strict):
    outcomes: list[LoyaltyOutcome] = Field(min_length=1)
    moves: list[NonEmpty] = Field(min_length=1)


class Signal(Strict):
    """A regular expression matched against normalised customer text (see matcher.normalise)."""

    pattern: NonEmpty
    weight: float = Field(default=1.0, gt=0, le=5)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        _check_patterns([value])
        return value


def _known_premises(value: list[str]) -> list[str]:
    unknown = sorted(set(value) - set(PREMISES))
    if unknown:
        raise ValueError(f"unknown premise {unknown[0]!r}; premises are {', '.join(PREMISES)}")
    return value


class Matching(Strict):
    signals: list[Signal] = Field(min_length=1)
    examples: list[NonEmpty] = Field(min_length=25)
    # If set, the playbook is considered only when one of these patterns matches: for moments
    # defined by what the customer talks about (their account, order, bill ...), not how.
    requires: list[NonEmpty] = Field(default_factory=list)
    # A fallback moment (a routine question, a greeting) is chosen only when no other
    # playbook reaches the threshold: a question that names a problem is about the problem.
    fallback: bool = False
    # Premises (bot/core/premises.py) that tell this moment whatever else the customer says:
    # a plan renewed after they gave notice is a billing dispute, however much they talk of
    # cancelling. Stated, they put the playbook first whenever it reaches the threshold.
    premises: list[NonEmpty] = Field(default_factory=list)

    @field_validator("requires")
    @classmethod
    def _requires_compile(cls, value: list[str]) -> list[str]:
        _check_patterns(value)
        return value

    @field_validator("premises")
    @classmethod
    def _known_premises(cls, value: list[str]) -> list[str]:
        return _known_premises(value)

    @field_validator("signals", mode="before")
    @classmethod
    def _plain_strings(cls, value):
        if isinstance(value, list):
            return [{"pattern": item} if isinstance(item, str) else item for item in value]
        return value


class Reply(Strict):
    text: NonEmpty
    why: NonEmpty
    # Premises (bot/core/premises.py) the text takes for granted: it is used only when the
    # conversation states every one of them.
    requires: list[NonEmpty] = Field(default_factory=list)
    # Premises that tell a different situation: not used when the conversation states any one
    # ("I'll block it now" once the card is already blocked).
    unless: list[NonEmpty] = Field(default_factory=list)

    @field_validator("requires", "unless")
    @classmethod
    def _known_premises(cls, value: list[str]) -> list[str]:
        return _known_premises(value)

    @field_validator("text")
    @classmethod
    def _known_slots(cls, value: str) -> str:
        unknown = sorted(set(_SLOT.findall(value)) - set(SLOTS))
        if unknown:
            raise ValueError(f"unknown slot {{{unknown[0]}}}; slots are {', '.join(SLOTS)}")
        return value


class RequiredMove(Strict):
    name: NonEmpty
    description: NonEmpty
    any_of: list[NonEmpty] = Field(min_length=1)  # patterns, case-insensitive

    @field_validator("any_of")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        _check_patterns(value)
        return value


class Rubric(Strict):
    required_moves: list[RequiredMove] = Field(min_length=1)
    avoid: list[NonEmpty] = Field(min_length=1)  # plain phrases, case-insensitive


class Nudge(Strict):
    min_level: Level = "escalate"
    note: NonEmpty


class Playbook(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: NonEmpty
    moment: NonEmpty
    customer: Customer
    loyalty: Loyalty
    matching: Matching
    replies: list[Reply] = Field(min_length=3)
    rubric: Rubric
    nudge: Nudge
    openers: dict[Level, list[NonEmpty]] = Field(default_factory=dict)


class PlaybookError(Exception):
    """One or more playbook files are invalid; `problems` lists `file: field: message` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _field_path(location: tuple) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def validated_file(path: Path, model: type[BaseModel], what: str):
    """`path`'s YAML as a `model`; raises PlaybookError naming the file and each bad field."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlaybookError([f"{path}: cannot read file ({exc})"]) from None
    except YAMLTextError as exc:
        raise PlaybookError([f"{path}: not valid YAML ({exc})".replace("\n", " ")]) from None
    if not isinstance(data, dict):
        raise PlaybookError([f"{path}: (top level): expected a mapping of {what} fields"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise PlaybookError(
            [f"{path}: {_field_path(e['loc'])}: {e['msg']}" for e in exc.errors()]
        ) from None


def load_file(path: Path) -> Playbook:
    """Parse and validate one file; raises PlaybookError naming the file and each bad field."""
    playbook = validated_file(path, Playbook, "playbook")
    if playbook.id != path.stem:
        raise PlaybookError([f"{path}: id: {playbook.id!r} does not match the file name"])
    return playbook


def load_dir(directory: Path, strict: bool = True) -> tuple[dict[str, Playbook], list[str]]:
    """Every `*.yaml`/`*.yml` in a folder. Strict mode raises on the first bad file."""
    if not directory.is_dir():
        raise PlaybookError([f"{directory}: not a directory"])
    playbooks: dict[str, Playbook] = {}
    problems: list[str] = []
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        try:
            playbook = load_file(path)
        except PlaybookError as exc:
            if strict:
                raise
            problems.extend(exc.problems)
            continue
        playbooks[playbook.id] = playbook
    return playbooks, problems


def load_playbooks(extra_dir: Path | None = None) -> dict[str, Playbook]:
    """The built-in playbooks, with those in `extra_dir` added or overriding by id."""
    playbooks, _ = load_dir(BUILTIN_DIR)
    if extra_dir is not None:
        extra, _ = load_dir(extra_dir)
        playbooks.update(extra)
    return playbooks
