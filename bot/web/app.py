"""aiohttp app factory for `mot-coach serve`."""

from __future__ import annotations

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

import bot
from bot.config import Settings
from bot.core.coach import Coach
from bot.services import build_coach

COACH = web.AppKey("coach", Coach)
SETTINGS = web.AppKey("settings", Settings)
TEMPLATES = web.AppKey("templates", Environment)


def channel_status(settings: Settings) -> dict[str, str]:
    """Which channels are configured, in words a team lead understands."""
    if settings.slack_bot_token and settings.slack_app_token:
        slack = "configured (Socket Mode)"
    elif settings.slack_bot_token and settings.slack_signing_secret:
        slack = "configured (HTTP, /slack/events)"
    else:
        slack = "not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)"
    teams = (f"configured (app {settings.microsoft_app_id}, /api/messages)"
             if settings.microsoft_app_id else "local emulator mode (no MicrosoftAppId)")
    return {"Slack": slack, "Microsoft Teams": teams}


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": bot.__version__})


async def status_page(request: web.Request) -> web.Response:
    app = request.app
    settings, coach = app[SETTINGS], app[COACH]
    html = app[TEMPLATES].get_template("status.html").render(
        version=bot.__version__,
        backend=coach.backend.name,
        playbooks=list(coach.playbooks.values()),
        channels=channel_status(settings),
        support_channels=settings.mot_support_channels,
    )
    return web.Response(text=html, content_type="text/html")


def create_app(settings: Settings, coach: Coach | None = None) -> web.Application:
    app = web.Application()
    app[SETTINGS] = settings
    app[COACH] = coach or build_coach(settings)
    app[TEMPLATES] = Environment(loader=PackageLoader("bot.web", "templates"),
                                 autoescape=select_autoescape())
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/", status_page)
    return app
