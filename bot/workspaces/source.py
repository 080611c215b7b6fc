"""Where a workspace's settings come from: its file in MOT_WORKSPACES_DIR, else its row in the
`workspace_settings` table, else nowhere (the environment's settings apply). A workspace with
a file is configured by git alone: its stored row, if any, is ignored and the dashboard shows
the file's settings read-only, so that a reviewed change is never silently overridden."""

from __future__ import annotations

from dataclasses import dataclass

from bot.workspaces.model import WorkspaceKey, WorkspaceSettings
from bot.workspaces.stored import read_stored

FILE, DASHBOARD, ENVIRONMENT = "file", "dashboard", "environment"


@dataclass(frozen=True)
class Found:
    settings: WorkspaceSettings | None
    origin: str  # file | dashboard | environment


class WorkspaceSource:
    def __init__(self, store, files: dict[WorkspaceKey, WorkspaceSettings] | None = None):
        self.store, self.files = store, dict(files or {})

    def in_file(self, key: WorkspaceKey) -> bool:
        return key in self.files

    def get(self, key: WorkspaceKey) -> Found:
        """The workspace's overrides; raises if its row cannot be read (database down)."""
        if key in self.files:
            return Found(self.files[key], FILE)
        stored = read_stored(self.store, key)
        return Found(stored, DASHBOARD) if stored is not None else Found(None, ENVIRONMENT)
