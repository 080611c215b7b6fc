"""`app_uninstalled` and `tokens_revoked`: the workspace's tokens are deleted at once (before
the ack, so that no later request finds them); on uninstall its log records are kept or
purged as MOT_UNINSTALL_LOG says."""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.async_app import AsyncApp

from bot.slack.oauth.installations import AsyncInstallations
from bot.slack.service import SlackCoaching
from bot.slack.workspace import workspace_of

log = logging.getLogger(__name__)


def register(app: AsyncApp, mot: SlackCoaching, installations: AsyncInstallations) -> None:
    async def uninstalled(ack, body: dict, context) -> None:
        await installations.async_delete_all(
            enterprise_id=context.enterprise_id, team_id=context.team_id
        )
        workspace = workspace_of(body, context)
        log.info("Slack: uninstalled from %s; its tokens are deleted", workspace)
        if mot.settings.mot_uninstall_log == "purge" and workspace:
            await asyncio.to_thread(purge_log, mot, workspace)
        await ack()

    async def revoked(ack, body: dict, event: dict, context) -> None:
        tokens = event.get("tokens") or {}
        for user in tokens.get("oauth") or []:
            await installations.async_delete_installation(
                enterprise_id=context.enterprise_id, team_id=context.team_id, user_id=user
            )
        if tokens.get("bot"):
            await installations.async_delete_bot(
                enterprise_id=context.enterprise_id, team_id=context.team_id
            )
            log.info(
                "Slack: the bot token of %s was revoked and deleted", workspace_of(body, context)
            )
        await ack()

    app.event("app_uninstalled")(uninstalled)
    app.event("tokens_revoked")(revoked)


def purge_log(mot: SlackCoaching, workspace: str) -> None:
    from bot.store.retention import purge_workspace

    mot.store.ensure_schema()
    result = purge_workspace(mot.store, "slack", workspace, "uninstall")
    log.info(
        "Slack: purged the log of %s (%d events, %d outcomes, %d other records)",
        workspace,
        result.events_deleted,
        result.outcomes_deleted,
        result.other_deleted,
    )
