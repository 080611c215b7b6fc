"""Message events in support channels: tracked threads, acceptance, nudges (bot/slack/listening)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.logged import logged
from bot.slack.listening import handle_message
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def track(body: dict, event: dict, client, context) -> None:
        await handle_message(mot, client, body, event, context)

    app.event("message")(ack=acknowledge, lazy=[track])
