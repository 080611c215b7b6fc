"""`mot-coach workspaces validate [DIR]`: check the settings per workspace files (in CI, say)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import Settings
from bot.messages import UserError
from bot.workspaces import WorkspaceError, load_workspace_dir


def run_validate(args, settings: Settings) -> int:
    folder = Path(args.dir) if args.dir else settings.mot_workspaces_dir
    if folder is None:
        raise UserError("no folder to validate: give DIR or set MOT_WORKSPACES_DIR")
    try:
        found = load_workspace_dir(folder)
    except WorkspaceError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    for key, overrides in sorted(found.items()):
        print(f"{key}: {', '.join(overrides.overridden()) or 'nothing overridden'}")
    print(f"{folder}: valid; {len(found)} workspace(s)")
    return 0
