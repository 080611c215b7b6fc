"""Message shortcut "Coach me on this thread": coaches on the whole thread of any message."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.slack.listeners.logged import logged
from bot.slack.service import REPLAY, SlackCoaching
from bot.slack.workspace import workspace_of

log = logging.getLogger(__name__)
CALLBACK_ID = "mot_coach_thread"


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack, body: dict, context) -> None:
        await mot.first_request(body, context)
        await ack()

    @logged(mot.gate)
    async def coach_thread(body: dict, client, context) -> None:
        if context.get(REPLAY):
            return
        channel, user = body["channel"]["id"], body["user"]["id"]
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts") or message.get("ts")
        team = (body.get("team") or {}).get("id")
        conversation = await mot.thread_conversation(client, channel, thread_ts, team)
        if conversation.is_empty():
            await client.chat_postEphemeral(
                channel=channel, user=user, thread_ts=thread_ts, text=messages.SLACK_EMPTY_THREAD
            )
            return
        workspace = workspace_of(body, context)
        context = {"channel": channel, "thread": thread_ts, "agent": user, "workspace": workspace}
        await mot.placeholder(client, channel, user, thread_ts)
        result = await mot.coach_on(conversation, "shortcut", context)
        await mot.deliver(client, result, channel=channel, user=user, thread_ts=thread_ts)

    app.shortcut(CALLBACK_ID)(ack=acknowledge, lazy=[coach_thread])
