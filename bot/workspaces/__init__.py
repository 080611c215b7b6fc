"""Settings per workspace: a Slack workspace (team id) or a Teams tenant overrides, field by
field, the environment's who-and-where, playbooks and team knowledge.

- model.py      what a workspace may override (WorkspaceSettings), validated strictly
- files.py      MOT_WORKSPACES_DIR: one YAML file per workspace, for teams that keep it in git
- stored.py     the `workspace_settings` table, edited from the dashboard
- source.py     both together: a workspace's file wins over its stored settings
- effective.py  a workspace's settings applied over the environment's
The channels resolve them per event in one place: bot/channels/workspaces.py.
"""

from bot.workspaces.effective import Effective, effective
from bot.workspaces.files import WorkspaceError, load_workspace_dir, load_workspace_file
from bot.workspaces.model import KINDS, WorkspaceKey, WorkspaceSettings
from bot.workspaces.source import WorkspaceSource

__all__ = [
    "KINDS",
    "Effective",
    "WorkspaceError",
    "WorkspaceKey",
    "WorkspaceSettings",
    "WorkspaceSource",
    "effective",
    "load_workspace_dir",
    "load_workspace_file",
]
