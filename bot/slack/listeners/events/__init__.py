from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.events import app_home_opened, app_mention, message
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    message.register(app, mot)
    app_mention.register(app, mot)
    app_home_opened.register(app, mot)
