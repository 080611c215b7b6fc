"""The weekly digest (bot/store/digest.py) as an Adaptive Card, posted as a new conversation
in MOT_LEADS_CHANNEL's Teams channel through the channel's stored conversation reference (its
serviceUrl checked as for every proactive message, bot/teams/service_urls.py)."""

from __future__ import annotations

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import ConversationParameters

from bot.channels.places import leads_channel_for
from bot.config import Settings
from bot.store.digest import digest_lines
from bot.teams.auth import build_adapter
from bot.teams.cards import attachment, card, text
from bot.teams.service_urls import ServiceUrlPolicy


class DigestNotSent(Exception):
    """Teams cannot take the digest; the message says why and what to set."""


def digest_card(digest: dict) -> dict:
    body = [
        text("Weekly coaching digest", size="medium", weight="bolder"),
        text(f"{digest['since'][:10]} to {digest['until'][:10]}", isSubtle=True, spacing="none"),
        *[text(f"• {line}") for line in digest_lines(digest)],
    ]
    if digest["threads"]:
        body.append(text("Threads worth a look", weight="bolder"))
        for t in digest["threads"]:
            still = " (still escalated after the tip)" if t["still_escalated"] else ""
            wants = f": wants {t['wants']}" if t["wants"] else ""
            line = f"{t['playbook'] or 'thread'} in {t['channel']}{still}{wants}"
            body.append(text(f"[{line}]({t['link']})" if t["link"] else line))
    actions = (
        [{"type": "Action.OpenUrl", "title": "Open the dashboard", "url": digest["dashboard"]}]
        if digest["dashboard"]
        else None
    )
    return card(body, actions)


async def send_teams_digest(settings: Settings, store, digest: dict) -> None:
    channel = leads_channel_for(settings.mot_leads_channel, "teams")
    row = store.conversation_reference("teams", channel)
    if row is None:
        raise DigestNotSent(
            f"the bot has not seen the leads channel {channel} yet (MOT_LEADS_CHANNEL): "
            "add the app to that team so that it can post there"
        )
    service_url = row["service_url"] or row["reference"].get("serviceUrl")
    if not ServiceUrlPolicy.from_settings(settings).allows(service_url):
        raise DigestNotSent(
            f"the leads channel's serviceUrl {service_url!r} is not allowed "
            "(MOT_TEAMS_SERVICE_URLS)"
        )
    adapter = build_adapter(settings)
    parameters = ConversationParameters(
        is_group=True,
        bot=_bot_account(row["reference"]),
        tenant_id=row["tenant"],
        channel_data={
            "channel": {"id": channel},
            **({"tenant": {"id": row["tenant"]}} if row["tenant"] else {}),
        },
    )

    async def send(turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.attachment(attachment(digest_card(digest))))

    await adapter.create_conversation(
        settings.microsoft_app_id or "", send, parameters, "msteams", service_url, None
    )


def _bot_account(reference: dict):
    from botbuilder.schema import ChannelAccount

    bot = reference.get("bot") or {}
    return ChannelAccount(id=bot.get("id"), name=bot.get("name"))
