"""Bolt listeners, one per file: commands, events, actions (buttons, shortcut, modal)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners import actions, commands, events
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    commands.register(app, mot)
    events.register(app, mot)
    actions.register(app, mot)
