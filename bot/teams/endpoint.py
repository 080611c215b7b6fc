"""/api/messages: the Bot Framework endpoint, mounted on the `serve` aiohttp app.

Bad requests get clear 4xx answers: 415 for a body that is not JSON, 400 for one that is not an
activity, 401 for a token that cannot be verified (with an app id set). Turn errors go to
`on_turn_error`; anything else is logged and answered with a bare 500, never a stack trace.
"""

from __future__ import annotations

import json
import logging

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.schema import Activity

from bot.config import Settings
from bot.core.coach import Coach
from bot.teams.auth import Unauthorized, authenticate, build_adapter
from bot.teams.bot import CoachBot, on_turn_error

log = logging.getLogger(__name__)
ROUTE = "/api/messages"
TEAMS_BOT = web.AppKey("teams_bot", CoachBot)
TEAMS_ADAPTER = web.AppKey("teams_adapter", object)


def _refuse(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def messages(request: web.Request) -> web.Response:
    if "application/json" not in request.headers.get("Content-Type", ""):
        return _refuse(415, "the body must be a Bot Framework activity as application/json")
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _refuse(400, "the body is not valid JSON")
    if not isinstance(body, dict) or not body.get("type"):
        return _refuse(400, "the body is not an activity (it needs a 'type')")
    activity = Activity().deserialize(body)
    if not activity.service_url or not activity.conversation:
        return _refuse(400, "the activity needs 'serviceUrl' and 'conversation'")
    adapter, bot = request.app[TEAMS_ADAPTER], request.app[TEAMS_BOT]
    app_id = bot.settings.microsoft_app_id
    try:
        auth = await authenticate(
            adapter, activity, request.headers.get("Authorization", ""), app_id
        )
    except Unauthorized as exc:
        log.warning("refused a Teams request from %s: %s", request.remote, exc)
        return _refuse(401, "unauthorized")
    try:
        invoke = await adapter.process_activity(auth, activity, bot.on_turn)
    except Exception:  # on_turn_error has run (or the connector is down): no trace leaks
        log.exception("Teams activity %s (%s) failed", activity.id, activity.type)
        return _refuse(500, "the bot could not handle this activity; see the server log")
    if invoke:
        body = (
            invoke.body
            if isinstance(invoke.body, dict | list | None)
            else serializer_helper(invoke.body)
        )
        return web.json_response(body, status=invoke.status)
    return web.Response(status=201)


def mount_teams(
    app: web.Application, settings: Settings, coach: Coach, bot: CoachBot | None = None
) -> CoachBot:
    """Add POST /api/messages to `app`; returns the bot (tests reach its chains and delivery)."""
    adapter = build_adapter(settings)
    adapter.on_turn_error = on_turn_error
    bot = bot or CoachBot(coach, settings)
    app[TEAMS_ADAPTER], app[TEAMS_BOT] = adapter, bot
    app.router.add_post(ROUTE, messages)
    if not settings.microsoft_app_id:
        log.warning(
            "Teams runs in local emulator mode: MicrosoftAppId is not set, so requests "
            "to %s are not authenticated. Set it before exposing the server.",
            ROUTE,
        )
    return bot
