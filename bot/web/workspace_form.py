"""The workspace settings form: its fields to WorkspaceSettings and back. A blank field means
"as the environment says"; lists are comma-separated, on-call is "U0123" or "C0AAA=U0123"."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.playbooks import KNOWLEDGE_SLOTS, PlaybookError, load_dir
from bot.workspaces import WorkspaceError, WorkspaceSettings
from bot.workspaces.files import validated

LISTS = ("support_channels", "agents", "leads")
TEXTS = ("name", "leads_channel", "playbooks_dir")
VOICE = ("formality", "sign_off", "emoji", "spelling")
FIELDS = (*TEXTS, *LISTS, "on_call", *(f"fact_{s}" for s in KNOWLEDGE_SLOTS),
          *(f"voice_{v}" for v in VOICE))  # fmt: skip
MAX_FIELD = 2000


def _text(form: Mapping, name: str) -> str:
    return str(form.get(name, "") or "").strip()[:MAX_FIELD]


def settings_from_form(form: Mapping) -> WorkspaceSettings:
    """The submitted form as settings; a WorkspaceError naming each bad field."""
    names = (*TEXTS, *LISTS, "on_call")
    data: dict = {name: value for name in names if (value := _text(form, name))}
    facts = {s: value for s in KNOWLEDGE_SLOTS if (value := _text(form, f"fact_{s}"))}
    voice = {v: value for v in VOICE if (value := _text(form, f"voice_{v}"))}
    if "emoji" in voice:
        voice["emoji"] = {"yes": True, "no": False}.get(voice["emoji"], voice["emoji"])
    if facts or voice:
        data["knowledge"] = {"facts": facts, "voice": voice}
    settings = validated(data, "form")
    if settings.playbooks_dir is not None:
        try:
            load_dir(settings.playbooks_dir)
        except PlaybookError as exc:
            raise WorkspaceError([f"form: playbooks_dir: {p}" for p in exc.problems]) from None
    return settings


def form_from_settings(settings: WorkspaceSettings | None) -> dict[str, str]:
    """The form's fields filled with a workspace's settings (blank where it sets nothing)."""
    form = dict.fromkeys(FIELDS, "")
    if settings is None:
        return form
    for name in TEXTS:
        form[name] = str(getattr(settings, name) or "")
    for name in LISTS:
        form[name] = ", ".join(getattr(settings, name) or [])
    form["on_call"] = ", ".join(f"{k}={v}" for k, v in (settings.on_call or {}).items())
    if settings.knowledge is not None:
        for slot, value in settings.knowledge.facts.known().items():
            form[f"fact_{slot}"] = value
        for name, value in settings.knowledge.voice.model_dump(exclude_none=True).items():
            form[f"voice_{name}"] = {True: "yes", False: "no"}.get(value, value)
    return form
