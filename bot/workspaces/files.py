"""MOT_WORKSPACES_DIR: one YAML file per workspace, for teams that keep configuration in git.

    channel: slack            # or teams
    workspace: T0ABC123       # the Slack team id, or the Teams tenant id
    support_channels: [C0SUPPORT]
    knowledge: {facts: {refund_time: 5 working days}}

A bad file is an error naming the file and the field, as for playbooks; `playbooks_dir` is
relative to the file. Two files for the same workspace are an error too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from bot.core.playbooks import PlaybookError, _field_path
from bot.core.yaml_text import YAMLTextError, parse_yaml
from bot.workspaces.model import Id, WorkspaceKey, WorkspaceSettings


class WorkspaceError(PlaybookError):
    """A workspace file (or form) is invalid; each problem reads `file: field: message`."""


class WorkspaceFile(WorkspaceSettings):
    channel: Literal["slack", "teams"]
    workspace: Id


def validated(data: dict, where: str) -> WorkspaceSettings:
    """`data` as WorkspaceSettings; a WorkspaceError naming `where` and each bad field."""
    try:
        return WorkspaceSettings.model_validate(data)
    except ValidationError as exc:
        raise WorkspaceError(
            [f"{where}: {_field_path(e['loc'])}: {e['msg']}" for e in exc.errors()]
        ) from None


def load_workspace_file(path: Path) -> tuple[WorkspaceKey, WorkspaceSettings]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkspaceError([f"{path}: cannot read file ({exc})"]) from None
    except YAMLTextError as exc:
        raise WorkspaceError([f"{path}: not valid YAML ({exc})".replace("\n", " ")]) from None
    if not isinstance(data, dict):
        problem = f"{path}: (top level): expected a mapping with channel: and workspace:"
        raise WorkspaceError([problem])
    try:
        found = WorkspaceFile.model_validate(data)
    except ValidationError as exc:
        raise WorkspaceError(
            [f"{path}: {_field_path(e['loc'])}: {e['msg']}" for e in exc.errors()]
        ) from None
    settings = WorkspaceSettings.model_validate(
        found.model_dump(exclude={"channel", "workspace"}, exclude_none=True)
    )
    if settings.playbooks_dir is not None:
        folder = (path.parent / settings.playbooks_dir).resolve()
        if not folder.is_dir():
            raise WorkspaceError([f"{path}: playbooks_dir: {folder} is not a folder"])
        settings = settings.model_copy(update={"playbooks_dir": folder})
    return WorkspaceKey(found.channel, found.workspace), settings


def load_workspace_dir(directory: Path | None) -> dict[WorkspaceKey, WorkspaceSettings]:
    """Every workspace file in `directory` (none without one); all problems at once."""
    if directory is None:
        return {}
    if not directory.is_dir():
        raise WorkspaceError([f"{directory}: not a directory"])
    found: dict[WorkspaceKey, WorkspaceSettings] = {}
    origin: dict[WorkspaceKey, Path] = {}
    problems: list[str] = []
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        try:
            key, settings = load_workspace_file(path)
        except WorkspaceError as exc:
            problems.extend(exc.problems)
            continue
        if key in origin:
            problems.append(f"{path}: workspace: {key} is configured in {origin[key]} too")
            continue
        found[key], origin[key] = settings, path
    if problems:
        raise WorkspaceError(problems)
    return found
