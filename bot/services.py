"""Wiring: builds the Coach and its parts from Settings. Channels and commands start here."""

from __future__ import annotations

from bot.config import Settings
from bot.core.coach import Coach, SuggestionSink
from bot.core.playbooks import Playbook, PlaybookError, load_playbooks
from bot.llm.base import BackendError
from bot.llm.registry import create_backend
from bot.messages import UserError


def playbooks_from(settings: Settings) -> dict[str, Playbook]:
    try:
        return load_playbooks(settings.mot_playbooks_dir)
    except PlaybookError as exc:
        raise UserError("invalid playbooks (MOT_PLAYBOOKS_DIR):\n" + str(exc)) from None


def build_coach(
    settings: Settings, backend_name: str | None = None, sink: SuggestionSink | None = None
) -> Coach:
    """A ready Coach; a bad backend or playbook folder is a UserError naming what to fix."""
    try:
        backend = create_backend(backend_name or settings.mot_llm_backend, settings)
    except BackendError as exc:
        raise UserError(str(exc)) from None
    return Coach(
        playbooks_from(settings),
        backend=backend,
        sink=sink,
        threshold=settings.mot_match_threshold,
    )
