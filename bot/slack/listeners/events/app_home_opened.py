"""App Home: published when a user opens it; leads (MOT_LEADS) also see the team's figures."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.home_updates import publish_home, team_of
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def publish(body: dict, event: dict, client) -> None:
        if event.get("tab", "home") == "home":
            await publish_home(mot, client, event["user"], team_of(body))

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish])
