"""aiohttp app factory for `mot-coach serve`."""

from __future__ import annotations

import os

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

import bot
from bot.coach import Coach
from bot.config import Settings
from bot.services import build_coach, build_sink
from bot.slack.app import mount_slack
from bot.teams import mount_teams
from bot.web.auth import dashboard_guard
from bot.web.keys import COACH, SETTINGS, TEMPLATES
from bot.web.proxies import trusted_proxy_headers
from bot.web.review import mount_review


def channel_status(settings: Settings) -> dict[str, str]:
    """Which channels are configured, in words a team lead understands."""
    if settings.slack_bot_token and settings.slack_app_token:
        slack = "configured (Socket Mode)"
    elif settings.slack_bot_token and settings.slack_signing_secret:
        slack = "configured (HTTP, /slack/events)"
    else:
        slack = "not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)"
    if settings.microsoft_app_id:
        teams = f"configured (app {settings.microsoft_app_id}, /api/messages)"
    elif settings.mot_teams_emulator:
        teams = "local emulator mode (MOT_TEAMS_EMULATOR: loopback only, no authentication)"
    else:
        teams = "off (set MicrosoftAppId, or MOT_TEAMS_EMULATOR=true for local testing)"
    return {"Slack": slack, "Microsoft Teams": teams}


async def healthz(request: web.Request) -> web.Response:
    # `worker`: the process that answered (one of several with `serve --workers N`)
    return web.json_response({"status": "ok", "version": bot.__version__, "worker": os.getpid()})


async def status_page(request: web.Request) -> web.Response:
    app = request.app
    settings, coach = app[SETTINGS], app[COACH]
    html = (
        app[TEMPLATES]
        .get_template("status.html")
        .render(
            version=bot.__version__,
            backend=coach.backend.name,
            playbooks=list(coach.playbooks.values()),
            channels=channel_status(settings),
            support_channels=settings.mot_support_channels,
        )
    )
    return web.Response(text=html, content_type="text/html")


def create_app(settings: Settings, coach: Coach | None = None) -> web.Application:
    app = web.Application(middlewares=[trusted_proxy_headers, dashboard_guard])
    app[SETTINGS] = settings
    sink = build_sink(settings)  # the suggestion log; connects on first use
    app[COACH] = coach or build_coach(settings, sink=sink)
    app[TEMPLATES] = Environment(
        loader=PackageLoader("bot.web", "templates"), autoescape=select_autoescape()
    )
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/", status_page)
    mount_review(app, sink)  # dashboard, /readyz, /metrics, spool replay and retention
    mount_slack(app, settings, app[COACH], sink)  # /slack/events, or Socket Mode
    mount_teams(app, settings, app[COACH])  # Teams: POST /api/messages (bot/teams)
    return app
