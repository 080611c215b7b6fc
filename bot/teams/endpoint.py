"""/api/messages: the Bot Framework endpoint, mounted on the `serve` aiohttp app.

Mounted only when Teams is configured: with `MicrosoftAppId` (Bot Framework authentication), or
with `MOT_TEAMS_EMULATOR=true` (anonymous, loopback only). Without either it is not served (404).
Bad requests get clear 4xx answers before the bot runs (bot/teams/body.py, bot/teams/gate.py):
415 for a body that is not UTF-8 JSON, 413 or 400 for one too large, too deep or not an
activity, 401 for a token that cannot be verified, 403 for a peer or `serviceUrl` that nothing
vouches for, or for a tenant outside MOT_TEAMS_TENANTS. Turn errors go to `on_turn_error`;
anything else is logged and answered with a bare 500, never a stack trace.
"""

from __future__ import annotations

import logging

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError

from bot import messages
from bot.channels.runtime import Runtime
from bot.config import Settings
from bot.teams.auth import build_adapter
from bot.teams.body import read_json
from bot.teams.bot import CoachBot, on_turn_error
from bot.teams.gate import Refused, admit, check_emulator_peer, check_tenant
from bot.teams.service_urls import ServiceUrlPolicy

log = logging.getLogger(__name__)
ROUTE = "/api/messages"
TEAMS_BOT = web.AppKey("teams_bot", CoachBot)
TEAMS_ADAPTER = web.AppKey("teams_adapter", object)
TEAMS_POLICY = web.AppKey("teams_service_urls", ServiceUrlPolicy)


def _refuse(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _admitted_activity(request: web.Request):
    """The activity and its authentication result, once every check has passed."""
    bot = request.app[TEAMS_BOT]
    app_id = bot.settings.microsoft_app_id
    if not app_id:
        check_emulator_peer(request)
    body = await read_json(request)
    if not isinstance(body, dict) or not body.get("type"):
        raise Refused(400, messages.TEAMS_NOT_ACTIVITY)
    try:
        activity = Activity().deserialize(body)
    except DeserializationError:  # e.g. a conversation that is not an object, a bad timestamp
        raise Refused(400, messages.TEAMS_BAD_ACTIVITY) from None
    if not activity.service_url or not activity.conversation:
        raise Refused(400, messages.TEAMS_NO_SERVICE_URL)
    check_tenant(activity, bot.settings.mot_teams_tenants)
    auth_header = request.headers.get("Authorization", "")
    policy = request.app[TEAMS_POLICY]
    auth = await admit(request.app[TEAMS_ADAPTER], activity, auth_header, app_id, policy)
    return activity, auth


async def messages_route(request: web.Request) -> web.Response:
    try:
        activity, auth = await _admitted_activity(request)
    except Refused as refused:
        return _refuse(refused.status, refused.message)
    adapter, bot = request.app[TEAMS_ADAPTER], request.app[TEAMS_BOT]
    try:
        invoke = await adapter.process_activity(auth, activity, bot.on_turn)
    except Exception:  # on_turn_error has run (or the connector is down): no trace leaks
        log.exception("Teams activity %s (%s) failed", activity.id, activity.type)
        return _refuse(500, messages.TEAMS_FAILED)
    if invoke:
        body = (
            invoke.body
            if isinstance(invoke.body, dict | list | None)
            else serializer_helper(invoke.body)
        )
        return web.json_response(body, status=invoke.status)
    return web.Response(status=201)


def teams_mode(settings: Settings) -> str | None:
    """The Teams mode: "bot framework", "emulator", or None when Teams is off."""
    if settings.microsoft_app_id:
        return "bot framework"
    return "emulator" if settings.mot_teams_emulator else None


def mount_teams(
    app: web.Application, runtime: Runtime, bot: CoachBot | None = None
) -> CoachBot | None:
    """Add POST /api/messages to `app` when Teams is configured; returns the bot (tests reach
    its tracker and delivery), or None when Teams is off."""
    settings = runtime.settings
    mode = teams_mode(settings)
    if mode is None:
        log.info(
            "Teams is off: %s is not served, since neither MicrosoftAppId nor "
            "MOT_TEAMS_EMULATOR=true is set",
            ROUTE,
        )
        return None
    adapter = build_adapter(settings)
    adapter.on_turn_error = on_turn_error
    bot = bot or CoachBot(runtime)
    app[TEAMS_ADAPTER], app[TEAMS_BOT] = adapter, bot
    app[TEAMS_POLICY] = ServiceUrlPolicy.from_settings(settings)
    app.router.add_post(ROUTE, messages_route)
    app.cleanup_ctx.append(bot.listening.background)
    if mode == "emulator":
        log.warning(
            "Teams runs in emulator mode (MOT_TEAMS_EMULATOR): %s takes anonymous activities "
            "from loopback peers only and answers loopback serviceUrls only",
            ROUTE,
        )
    elif settings.mot_teams_emulator:
        log.warning("MOT_TEAMS_EMULATOR is ignored: MicrosoftAppId is set")
    return bot
