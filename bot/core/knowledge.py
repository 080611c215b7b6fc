"""Team knowledge: the facts a team states (refund time, opening hours, links ...) and its voice.

One YAML file (MOT_KNOWLEDGE_FILE), validated strictly like playbooks: an unknown key, a wrong
type or a malformed link is an error naming the file and the field. Without a file there are no
facts (replies keep their [placeholders]) and the voice is neutral: nothing is made up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.playbooks import KNOWLEDGE_SLOTS, PlaybookError, _field_path
from bot.core.voice import apply_voice
from bot.core.yaml_text import YAMLTextError, parse_yaml

Fact = Annotated[str, Field(min_length=1, max_length=300)]
_LINKS = ("status_page", "help_centre")


class KnowledgeError(PlaybookError):
    """The knowledge file is missing or invalid; each problem reads `file: field: message`."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Facts(_Strict):
    """What the team can promise, in the words it uses; every fact is optional."""

    refund_time: Fact | None = None
    delivery_time: Fact | None = None
    replacement_time: Fact | None = None
    callback_time: Fact | None = None
    update_time: Fact | None = None
    manager_time: Fact | None = None
    opening_hours: Fact | None = None
    escalation_path: Fact | None = None
    status_page: Fact | None = None
    help_centre: Fact | None = None
    gas_emergency_line: Fact | None = None  # the number to call about a gas smell

    @field_validator(*_LINKS)
    @classmethod
    def _is_link(cls, value: str | None) -> str | None:
        if value is not None and (not value.startswith("https://") or " " in value.strip()):
            raise ValueError(f"{value!r} is not a link: expected https://... with no spaces")
        return value

    def known(self) -> dict[str, str]:
        """The stated facts by slot name (for filling templates and the prompt)."""
        return {name: value for name in KNOWLEDGE_SLOTS if (value := getattr(self, name))}


class Voice(_Strict):
    """How the team writes. The neutral voice (all None/False) changes nothing."""

    formality: Literal["formal", "casual"] | None = None
    sign_off: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    emoji: bool = True  # False: emoji are removed from suggestions
    spelling: Literal["british", "american"] | None = None


class Knowledge(_Strict):
    facts: Facts = Facts()
    voice: Voice = Voice()
    source: str | None = Field(default=None, exclude=True)  # the file it came from, if any

    def to_prompt(self) -> dict:
        """JSON-ready facts and voice for the LLM prompt."""
        return {"facts": self.facts.known(), "voice": self.voice.model_dump(exclude_none=True)}


NEUTRAL = Knowledge()


def load_knowledge(path: str | Path | None) -> Knowledge:
    """The team's knowledge from `path`; None: no facts and a neutral voice."""
    if path is None:
        return NEUTRAL
    path = Path(path)
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeError([f"{path}: file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([f"{path}: cannot read file ({exc})"]) from None
    except YAMLTextError as exc:
        raise KnowledgeError([f"{path}: not valid YAML ({exc})".replace("\n", " ")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise KnowledgeError([f"{path}: (top level): expected a mapping with facts: and voice:"])
    try:
        return Knowledge.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        problems = [
            f"{path}: {_field_path(error['loc'])}: {error['msg']}" for error in exc.errors()
        ]
        raise KnowledgeError(problems) from None


__all__ = ["NEUTRAL", "Knowledge", "KnowledgeError", "apply_voice", "load_knowledge"]
