"""Slack as one of `serve`'s channels (bot/channels/channel.py)."""

from __future__ import annotations

from aiohttp import web

from bot.channels.runtime import Runtime
from bot.slack.app import mount_slack


class SlackChannel:
    name = "Slack"

    def status(self, runtime: Runtime) -> str:
        settings = runtime.settings
        if settings.slack_oauth and (settings.slack_signing_secret or settings.slack_app_token):
            how = "Socket Mode" if settings.slack_app_token else "HTTP, /slack/events"
            return f"configured for many workspaces (OAuth: /slack/install; {how})"
        if settings.slack_bot_token and settings.slack_app_token:
            return "configured (Socket Mode)"
        if settings.slack_bot_token and settings.slack_signing_secret:
            return "configured (HTTP, /slack/events)"
        return (
            "not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or for many "
            "workspaces SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET)"
        )

    def mount(self, app: web.Application, runtime: Runtime) -> None:
        mount_slack(app, runtime)


CHANNEL = SlackChannel()
