"""aiohttp app factory for `mot-coach serve`."""

from __future__ import annotations

import os

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

import bot
from bot.channels.registry import channels, mount_all
from bot.channels.runtime import Runtime
from bot.coach import Coach
from bot.config import Settings
from bot.web.auth import dashboard_guard
from bot.web.keys import COACH, RUNTIME, SETTINGS, TEMPLATES
from bot.web.proxies import trusted_proxy_headers
from bot.web.review import mount_review


def channel_status(runtime: Runtime) -> dict[str, str]:
    """Which channels are configured, in words a team lead understands."""
    return {channel.name: channel.status(runtime) for channel in channels()}


async def healthz(request: web.Request) -> web.Response:
    """The process is up; per channel, what waits for the database (0 and 0 when all is well)."""
    channels = request.app[RUNTIME].listening_state()
    # `worker`: the process that answered (one of several with `serve --workers N`)
    return web.json_response(
        {"status": "ok", "version": bot.__version__, "worker": os.getpid(), "channels": channels}
    )


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
            channels=channel_status(app[RUNTIME]),
            support_channels=settings.mot_support_channels,
        )
    )
    return web.Response(text=html, content_type="text/html")


def create_app(settings: Settings, coach: Coach | None = None) -> web.Application:
    app = web.Application(middlewares=[trusted_proxy_headers, dashboard_guard])
    app[SETTINGS] = settings
    runtime = Runtime.build(settings, coach)  # the one Store, sink and Coach every part uses
    app[RUNTIME], app[COACH] = runtime, runtime.coach
    app[TEMPLATES] = Environment(
        loader=PackageLoader("bot.web", "templates"), autoescape=select_autoescape()
    )
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/", status_page)
    mount_review(app, runtime.sink)  # dashboard, /readyz, /metrics, spool replay and retention
    mount_all(app, runtime)  # the chat channels (bot/channels/registry.py)
    return app
