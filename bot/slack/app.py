"""The Bolt app, mounted at /slack/events in `serve`'s aiohttp app (HTTP mode), or connected
over Socket Mode when SLACK_APP_TOKEN is set. Bolt verifies every request's signature."""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier

from bot import bounded_json, messages
from bot.channels.runtime import Runtime
from bot.config import Settings
from bot.messages import UserError
from bot.slack.client import web_client
from bot.slack.listeners import register
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
BOLT_APP = web.AppKey("slack_bolt_app", AsyncApp)
SLACK = web.AppKey("slack_coaching", SlackCoaching)
MAX_JSON_DEPTH = 64  # Slack's deepest payloads (views with blocks) stay well within it


def slack_configured(settings: Settings) -> bool:
    token = settings.slack_bot_token or settings.slack_oauth
    return bool(token and (settings.slack_signing_secret or settings.slack_app_token))


def build_slack_app(runtime: Runtime) -> tuple[AsyncApp, SlackCoaching]:
    """One workspace with SLACK_BOT_TOKEN, or many through OAuth (bot/slack/oauth)."""
    settings = runtime.settings
    token = ("SLACK_BOT_TOKEN", settings.slack_bot_token or settings.slack_oauth)
    secret = ("SLACK_SIGNING_SECRET", settings.slack_signing_secret or settings.slack_app_token)
    missing = [name for name, value in (token, secret) if not value]
    if missing:
        raise UserError(messages.slack_not_configured(missing))
    oauth = None
    if settings.slack_oauth:  # the OAuth stores (and cryptography) load only when used
        from bot.slack.oauth.flow import build_oauth

        oauth = build_oauth(settings, runtime.store)
    app = AsyncApp(
        name="mot-coach",
        client=web_client(settings),
        signing_secret=settings.slack_signing_secret or "socket-mode",
        request_verification_enabled=not settings.slack_app_token,
        # Every listener acks at once and does its work in a lazy listener; run the ack inline
        # so the response goes back as soon as it is made. Otherwise Bolt runs the ack as a task
        # and polls for it every 10 ms, which costs each request 10 ms and the loop its wakeups.
        process_before_response=True,
        # OAuth: each request's context client carries its own workspace's token.
        oauth_settings=oauth.settings if oauth else None,
        authorize=oauth.authorize if oauth else None,
        user_facing_authorize_error_message=messages.SLACK_NOT_INSTALLED if oauth else None,
    )
    mot = SlackCoaching(runtime)
    register(app, mot)
    if oauth:
        from bot.slack.oauth import uninstall

        uninstall.register(app, mot, oauth.installations)
        mot.oauth = oauth
    return app, mot


async def slack_events(request: web.Request) -> web.Response:
    problem = _unreadable_before_parsing(request.headers, await request.read())
    if problem:
        return _malformed(request, problem)
    try:
        bolt_request = await to_bolt_request(request)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        # Not the JSON or form Slack sends, or not shaped as its payloads are.
        if not _signed(request, await request.read()):
            return web.json_response({"error": "invalid request"}, status=401)  # as Bolt says
        return _malformed(request, f"unreadable body ({type(exc).__name__})")
    bolt_response = await request.app[BOLT_APP].async_dispatch(bolt_request)
    return await to_aiohttp_response(bolt_response)


def _unreadable_before_parsing(headers, body: bytes) -> str | None:
    """Why Bolt cannot be given this request, checked before anything parses it: a timestamp
    that is not a number (Bolt's signature check would raise), or JSON nested deeper than any
    Slack payload (the json module would recurse until it fails). None when it may go on."""
    timestamp = headers.get("X-Slack-Request-Timestamp")
    if timestamp is not None and not timestamp.strip().isdecimal():
        return "X-Slack-Request-Timestamp must be a Unix time in whole seconds"
    text = body.decode("utf-8", "replace")
    if "json" not in headers.get("Content-Type", ""):
        text = "".join(value for key, value in parse_qsl(text) if key == "payload")
    try:
        bounded_json.check_depth(text, MAX_JSON_DEPTH)
    except bounded_json.JSONLimitError as exc:
        return f"the JSON is {exc}"
    return None


def _signed(request: web.Request, body: bytes) -> bool:
    """Bolt's signature check, for a body Bolt cannot read: forgers get 401 all the same."""
    secret = request.app[SLACK].settings.slack_signing_secret or ""
    return SignatureVerifier(secret).is_valid_request(
        body.decode("utf-8", "replace"), request.headers
    )


def _malformed(request: web.Request, why: str) -> web.Response:
    """A request Bolt cannot read: 400 with a clear reason, never a 500."""
    log.warning("Slack: refused a malformed request from %s: %s", request.remote, why)
    return web.json_response({"error": f"malformed Slack request: {why}"}, status=400)


def mount_slack(app: web.Application, runtime: Runtime) -> None:
    """Adds Slack to `serve`'s app when it is configured; a no-op otherwise."""
    if not slack_configured(runtime.settings):
        return
    bolt_app, mot = build_slack_app(runtime)
    app[BOLT_APP], app[SLACK] = bolt_app, mot
    app.on_cleanup.append(lambda _: mot.close())
    app.cleanup_ctx.append(mot.listening.background)
    if mot.oauth is not None:
        from bot.slack.oauth.flow import check_token_key, mount_oauth_routes

        mount_oauth_routes(app, bolt_app.oauth_flow)
        app.on_startup.append(lambda _: check_token_key(runtime.settings, mot.oauth))
    if runtime.settings.slack_app_token:
        app.cleanup_ctx.append(_socket_mode(bolt_app, runtime.settings.slack_app_token))
    else:
        app.router.add_post(EVENTS_PATH, slack_events)


def _socket_mode(bolt_app: AsyncApp, app_token: str):
    async def connect(_: web.Application):
        from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

        handler = AsyncSocketModeHandler(bolt_app, app_token)
        await handler.connect_async()
        log.info("Slack: connected over Socket Mode")
        yield
        await handler.close_async()

    return connect
