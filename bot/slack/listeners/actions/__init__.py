from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.actions import another_set, coach_thread, feedback, post_reply, use_this
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    coach_thread.register(app, mot)
    use_this.register(app, mot)
    post_reply.register(app, mot)
    feedback.register(app, mot)
    another_set.register(app, mot)
