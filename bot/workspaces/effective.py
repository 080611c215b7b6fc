"""A workspace's settings applied over the environment's, field by field: the Settings the
channels read (who and where), the team knowledge, and the extra playbooks folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.core.knowledge import Knowledge
from bot.workspaces.model import KnowledgeOverride, WorkspaceSettings

# WorkspaceSettings field -> the Settings field it overrides
SETTING_OF = {
    "support_channels": "mot_support_channels",
    "agents": "mot_agents",
    "leads": "mot_leads",
    "on_call": "mot_on_call",
    "leads_channel": "mot_leads_channel",
}


@dataclass(frozen=True)
class Effective:
    settings: Settings
    knowledge: Knowledge
    playbooks_dir: Path | None  # the workspace's own, over the environment's playbooks


def merged_knowledge(base: Knowledge, override: KnowledgeOverride | None) -> Knowledge:
    if override is None or override.is_empty:
        return base
    facts = base.facts.model_copy(update=override.facts.known())
    voice = base.voice.model_copy(update=override.voice.model_dump(exclude_none=True))
    return Knowledge(facts=facts, voice=voice, source=base.source)


def effective_settings(base: Settings, overrides: WorkspaceSettings | None) -> Settings:
    """The environment's settings with the workspace's who-and-where over them."""
    if overrides is None:
        return base
    update = {
        setting: getattr(overrides, field)
        for field, setting in SETTING_OF.items()
        if getattr(overrides, field) is not None
    }
    if "mot_leads_channel" in update:  # one channel: the workspace has one channel kind
        update["mot_leads_channel"] = {"*": update["mot_leads_channel"]}
    return base.model_copy(update=update) if update else base


def effective(
    base: Settings, knowledge: Knowledge, overrides: WorkspaceSettings | None
) -> Effective:
    if overrides is None:
        return Effective(base, knowledge, None)
    return Effective(
        effective_settings(base, overrides),
        merged_knowledge(knowledge, overrides.knowledge),
        overrides.playbooks_dir,
    )
