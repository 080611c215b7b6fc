from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.commands import mot_tip
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    mot_tip.register(app, mot)
