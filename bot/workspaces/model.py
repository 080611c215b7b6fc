"""What a workspace may override. Every field is optional: unset (None) means "as the
environment says". Lists accept a YAML list or a comma-separated string, as the settings do."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.config import parse_per_place
from bot.core.knowledge import Facts

KINDS = ("slack", "teams")
Id = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[^\s,;=]+$")]


class WorkspaceKey(NamedTuple):
    """A workspace: (`slack`, Slack team id) or (`teams`, Teams tenant id), as in the log."""

    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VoiceOverride(_Strict):
    """The team's voice, field by field; unset fields keep the environment's voice."""

    formality: Literal["formal", "casual"] | None = None
    sign_off: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    emoji: bool | None = None
    spelling: Literal["british", "american"] | None = None


class KnowledgeOverride(_Strict):
    facts: Facts = Facts()
    voice: VoiceOverride = VoiceOverride()

    @property
    def is_empty(self) -> bool:
        return not self.facts.known() and not self.voice.model_dump(exclude_none=True)


class WorkspaceSettings(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)] | None = None  # a label for people
    support_channels: list[Annotated[str, Field(min_length=1, max_length=128)]] | None = None
    agents: list[Id] | None = None
    leads: list[Id] | None = None
    on_call: dict[str, Id] | None = None  # "U0123", or per channel "C0AAA=U0123, *=U0789"
    leads_channel: Id | None = None
    playbooks_dir: Path | None = None  # extra or overriding playbooks, over MOT_PLAYBOOKS_DIR's
    knowledge: KnowledgeOverride | None = None

    @field_validator("support_channels", "agents", "leads", mode="before")
    @classmethod
    def _split_csv(cls, value):
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("on_call", mode="before")
    @classmethod
    def _per_channel(cls, value):
        return parse_per_place(value) if isinstance(value, str) else value

    def overridden(self) -> list[str]:
        """The fields this workspace sets, in order."""
        return [name for name, value in self if value is not None and name != "name"]
