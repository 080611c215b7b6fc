"""👍 / 👎 on a suggestion: recorded as a rating in the log."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.slack.home_updates import publish_home, team_of
from bot.slack.listeners.actions.values import button_value
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching

THUMBS = re.compile(r"^mot_(up|down)_\d+$")


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def rate(body: dict, client, respond) -> None:
        value = button_value(body)
        rating = 1 if body["actions"][0]["action_id"].startswith("mot_up_") else -1
        await mot.record(
            value.get("l"),
            "rated",
            suggestion_index=value.get("i"),
            rating=rating,
            actor=body["user"]["id"],
        )
        await respond(response_type="ephemeral", replace_original=False, text=messages.SLACK_THANKS)
        await publish_home(mot, client, body["user"]["id"], team_of(body))

    app.action(THUMBS)(ack=acknowledge, lazy=[rate])
