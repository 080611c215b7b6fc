"""/mot-tip [text]: with text, coach on it; without, on the caller's latest tracked thread."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.core.conversation import Conversation
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching
from bot.slack.workspace import workspace_of

log = logging.getLogger(__name__)
COMMAND = "/mot-tip"


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack, body: dict, client, respond, context) -> None:
        if not await mot.first_request(body, context):
            await ack()
            return
        await ack(response_type="ephemeral", text=messages.SLACK_COACHING)
        mot.after_ack(coach_command(body=body, client=client, respond=respond, context=context))

    @logged(mot.gate)
    async def coach_command(body: dict, client, respond, context) -> None:
        user, channel = body.get("user_id"), body.get("channel_id")
        text = (body.get("text") or "").strip()
        context = {"channel": channel, "agent": user, "workspace": workspace_of(body, context)}
        if text:
            conversation = Conversation.from_text(text, id=f"slack:{channel}:command")
            context["command_text"] = text  # carried by "Another set" (not logged)
        else:
            thread = await mot.tracker.latest_for_async(channel, user) if channel and user else None
            if thread is None:
                await respond(
                    response_type="ephemeral",
                    replace_original=True,
                    text=messages.SLACK_NO_CONVERSATION,
                )
                return
            conversation, context["thread"] = thread.conversation, thread.thread_id
        try:
            await mot.answer_in_place(
                client, conversation, context, user=user, response_url=body.get("response_url")
            )
        except Exception as exc:
            log.exception("/mot-tip failed")
            await respond(response_type="ephemeral", text=messages.slack_failed(type(exc).__name__))

    app.command(COMMAND)(acknowledge)
