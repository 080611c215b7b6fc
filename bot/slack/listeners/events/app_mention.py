"""@mention of the bot in a thread: coaches on the thread, privately for whoever mentioned it."""

from __future__ import annotations

import logging
import re

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.core.conversation import Conversation
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching
from bot.slack.workspace import workspace_of

log = logging.getLogger(__name__)
MENTION = re.compile(r"<@[A-Z0-9]+>")


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def coach_thread(body: dict, event: dict, client, context) -> None:
        event_id = body.get("event_id")
        if event_id and not await mot.claim(f"slack:event:{event_id}"):
            return
        channel, user = event["channel"], event["user"]
        thread_ts = event.get("thread_ts") or event["ts"]
        thread = await mot.thread_conversation(client, channel, thread_ts, body.get("team_id"))
        conversation = Conversation(id=thread.id)  # without the mentions of the bot
        for message in thread.messages:
            text = MENTION.sub("", message.text).strip()
            if text:
                conversation.add(message.role, text, ts=message.ts, author=message.author)
        if conversation.is_empty():
            await client.chat_postEphemeral(
                channel=channel, user=user, thread_ts=thread_ts, text=messages.SLACK_EMPTY_THREAD
            )
            return
        context = {
            "channel": channel,
            "thread": thread_ts,
            "agent": user,
            "workspace": workspace_of(body, context),
        }
        await mot.placeholder(client, channel, user, thread_ts)
        result = await mot.coach_on(conversation, "mention", context)
        await mot.deliver(client, result, channel=channel, user=user, thread_ts=thread_ts)

    app.event("app_mention")(ack=acknowledge, lazy=[coach_thread])
