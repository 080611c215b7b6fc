"""The weekly digest (bot/store/digest.py) as a Slack message to MOT_LEADS_CHANNEL."""

from __future__ import annotations

from typing import Any

from bot.channels.places import leads_channel_for
from bot.config import Settings
from bot.slack.blocks import escape
from bot.slack.client import web_client
from bot.store.digest import digest_lines


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


async def send_slack_digest(settings: Settings, digest: dict, client: Any = None) -> None:
    client = client or web_client(settings)
    await client.chat_postMessage(
        channel=leads_channel_for(settings.mot_leads_channel, "slack"),
        text=f"Weekly coaching digest: {digest_lines(digest)[0]}",
        blocks=digest_blocks(digest),
        unfurl_links=False,
    )
