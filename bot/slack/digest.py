"""The weekly digest (bot/store/digest.py) as a Slack message to MOT_LEADS_CHANNEL."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from bot.channels.places import leads_channel_for
from bot.config import Settings
from bot.slack.blocks import escape
from bot.slack.client import web_client
from bot.store.digest import build_digest, digest_lines
from bot.store.filters import Scope
from bot.store.store import Store


def digest_blocks(digest: dict) -> list[dict]:
    header = f"Weekly coaching digest, {digest['since'][:10]} to {digest['until'][:10]}"
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": header[:150]}},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "\n".join(f"• {escape(line)}" for line in digest_lines(digest)),
            },
        },
    ]
    threads = []
    for t in digest["threads"]:
        name = (
            f"<{t['link']}|{escape(t['playbook'] or 'thread')}>"
            if t["link"]
            else escape(t["playbook"] or "thread")
        )
        still = " — still escalated after the tip" if t["still_escalated"] else ""
        wants = f": wants {escape(t['wants'])}" if t["wants"] else ""
        threads.append(
            f"• {name} in {escape(t['channel'])} ({t['escalation_score']:.2f}){still}{wants}"
        )
    if threads:
        text = "*Threads worth a look*\n" + "\n".join(threads)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}})
    if digest["dashboard"]:
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": f"<{digest['dashboard']}|Open the dashboard>"}
                ],
            }
        )
    return blocks


async def send_slack_digest(
    settings: Settings, digest: dict, client: Any = None, store: Store | None = None
) -> None:
    """To MOT_LEADS_CHANNEL with SLACK_BOT_TOKEN; in OAuth mode, to each installed workspace,
    with its own token, the digest of its own records only."""
    if not settings.slack_oauth:
        await _post(settings, client or web_client(settings), digest)
        return
    from bot.slack.oauth.workspaces import installed_workspaces

    failed = []
    async for workspace, workspace_client in installed_workspaces(settings, store):
        own = await asyncio.to_thread(workspace_digest, settings, store, digest, workspace)
        try:
            where = await asyncio.to_thread(settings_of_workspace, settings, store, workspace)
            await _post(where, workspace_client, own)
        except Exception as exc:  # one workspace failing does not stop the others
            failed.append(f"{workspace} ({exc})")
    if failed:
        raise RuntimeError("not sent to workspace(s) " + "; ".join(failed))


def settings_of_workspace(settings: Settings, store: Store, workspace: str) -> Settings:
    """The settings the workspace's digest goes by: its own leads' channel, where it has one
    (bot/workspaces/), else MOT_LEADS_CHANNEL."""
    from bot.workspaces.effective import effective_settings
    from bot.workspaces.files import load_workspace_dir
    from bot.workspaces.model import WorkspaceKey
    from bot.workspaces.source import WorkspaceSource

    source = WorkspaceSource(store, load_workspace_dir(settings.mot_workspaces_dir))
    return effective_settings(settings, source.get(WorkspaceKey("slack", workspace)).settings)


def workspace_digest(settings: Settings, store: Store, digest: dict, workspace: str) -> dict:
    """The same week as `digest`, of one workspace's records."""
    since, until = (datetime.fromisoformat(digest[key]) for key in ("since", "until"))
    return build_digest(
        store,
        (until - since).total_seconds() / 86400,
        until,
        settings.dashboard_base_url,
        Scope(workspaces=frozenset({workspace})),
    )


async def _post(settings: Settings, client: Any, digest: dict) -> None:
    await client.chat_postMessage(
        channel=leads_channel_for(settings.mot_leads_channel, "slack"),
        text=f"Weekly coaching digest: {digest_lines(digest)[0]}",
        blocks=digest_blocks(digest),
        unfurl_links=False,
    )
