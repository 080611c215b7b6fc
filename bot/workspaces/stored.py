"""The `workspace_settings` table (migration 0011): each workspace's overrides, as JSON, with
who changed them last. Written from the dashboard; read by the channels (through a cache)."""

from __future__ import annotations

import logging

from pydantic import ValidationError
from sqlalchemy import delete, select, union

from bot.store.models import events, workspace_settings
from bot.store.records import utcnow
from bot.workspaces.model import KINDS, WorkspaceKey, WorkspaceSettings

log = logging.getLogger(__name__)


def _where(key: WorkspaceKey):
    return (workspace_settings.c.channel_kind == key.kind) & (
        workspace_settings.c.workspace == key.id
    )


def read_stored(store, key: WorkspaceKey) -> WorkspaceSettings | None:
    """The workspace's stored overrides, or None. Raises if the database is down."""
    store.ensure_schema()
    with store.engine.connect() as connection:
        data = connection.execute(select(workspace_settings.c.settings).where(_where(key)))
        data = data.scalar()
    if data is None:
        return None
    try:
        return WorkspaceSettings.model_validate(data)
    except ValidationError as exc:  # written by another version: the environment stands in
        log.warning("stored settings of workspace %s are not valid, ignored: %s", key, exc)
        return None


def write_stored(store, key: WorkspaceKey, settings: WorkspaceSettings, actor: str) -> None:
    """Replace the workspace's overrides (none left: the row goes)."""
    store.ensure_schema()
    data = settings.model_dump(mode="json", exclude_none=True)
    with store.writing() as connection:
        connection.execute(delete(workspace_settings).where(_where(key)))
        if data:
            connection.execute(
                workspace_settings.insert().values(
                    channel_kind=key.kind,
                    workspace=key.id,
                    settings=data,
                    updated_at=utcnow(),
                    updated_by=actor[:128],
                )
            )


def stored_rows(store) -> dict[WorkspaceKey, dict]:
    """Every stored workspace: its overrides (JSON), when and by whom they changed."""
    store.ensure_schema()
    with store.engine.connect() as connection:
        rows = connection.execute(select(workspace_settings)).mappings().all()
    return {WorkspaceKey(row["channel_kind"], row["workspace"]): dict(row) for row in rows}


def logged_workspaces(store) -> set[WorkspaceKey]:
    """The workspaces the log has coached in (or that have stored settings)."""
    store.ensure_schema()
    seen = union(
        select(events.c.channel_kind, events.c.workspace)
        .where(events.c.workspace.is_not(None), events.c.channel_kind.in_(KINDS))
        .distinct(),
        select(workspace_settings.c.channel_kind, workspace_settings.c.workspace),
    )
    with store.engine.connect() as connection:
        return {WorkspaceKey(kind, ws) for kind, ws in connection.execute(seen)}
