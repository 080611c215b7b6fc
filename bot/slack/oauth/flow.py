"""The OAuth flow for many workspaces, as Bolt apps do it: AsyncOAuthSettings with the log's
installation and state stores, Bolt's installation-store authorize (with its token rotator,
talking to SLACK_API_URL), and `/slack/install` and `/slack/oauth_redirect` on serve's app."""

from __future__ import annotations

import asyncio
import html
import logging
from dataclasses import dataclass

from aiohttp import web
from cachetools import TTLCache
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from bot import messages
from bot.config import Settings
from bot.slack.client import web_client
from bot.slack.oauth.installations import (
    ROTATE_MINUTES_BEFORE_EXPIRY,
    AsyncInstallations,
    SealedInstallationStore,
)
from bot.slack.oauth.states import STATE_SECONDS, AsyncStates
from bot.slack.oauth.tokens import TokenCipher
from bot.store.store import Store

log = logging.getLogger(__name__)
INSTALL_PATH, REDIRECT_PATH = "/slack/install", "/slack/oauth_redirect"
MAX_CACHED_TOKENS, CACHED_TOKEN_SECONDS = 10_000, 3600.0  # auth.test answers, by token


@dataclass
class OAuth:
    """What the Bolt app and serve's routes need for OAuth mode."""

    settings: AsyncOAuthSettings
    authorize: AsyncInstallationStoreAuthorize
    installations: AsyncInstallations
    sealed: SealedInstallationStore


def build_oauth(settings: Settings, store: Store) -> OAuth:
    cipher = TokenCipher(settings.mot_token_key)
    sealed = SealedInstallationStore(settings.slack_client_id, store, cipher)
    installations = AsyncInstallations(store, sealed)
    oauth_settings = AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=settings.slack_scopes,
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri,  # None: the one URL the app has in Slack
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=AsyncCallbackOptions(success=_installed, failure=_failed),
        installation_store=installations,
        installation_store_bot_only=True,  # bot tokens only: one look-up per request
        state_store=AsyncStates(store, STATE_SECONDS),
        state_expiration_seconds=STATE_SECONDS,
        token_rotation_expiration_minutes=ROTATE_MINUTES_BEFORE_EXPIRY,
        logger=log,
    )
    authorize = AsyncInstallationStoreAuthorize(
        logger=log,
        installation_store=installations,
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        token_rotation_expiration_minutes=ROTATE_MINUTES_BEFORE_EXPIRY,
        bot_only=True,
        cache_enabled=True,  # auth.test once per token, not once per request
        client=web_client(settings),  # the rotator's oauth.v2.access, through SLACK_API_URL
    )
    # Bolt's cache is a plain dict that gains an entry per token (and per rotation): bounded here
    authorize.authorize_result_cache = TTLCache(MAX_CACHED_TOKENS, CACHED_TOKEN_SECONDS)
    return OAuth(oauth_settings, authorize, installations, sealed)


async def check_token_key(settings: Settings, oauth: OAuth) -> None:
    """At start-up: a warning when tokens are stored unencrypted, and an error naming the
    workspaces whose stored tokens MOT_TOKEN_KEY cannot decrypt. Serving goes on either way
    (those workspaces get Bolt's "not installed" answer), so a wrong key is no crash loop."""
    if not settings.mot_token_key:
        log.warning(messages.TOKENS_UNENCRYPTED)
    try:
        unreadable = await asyncio.to_thread(oauth.sealed.unreadable)
    except Exception as exc:  # the database is down: the first request will tell
        log.warning("Slack: cannot check the stored tokens yet (%s)", type(exc).__name__)
        return
    if unreadable:
        problem = messages.TOKEN_KEY_WRONG if settings.mot_token_key else messages.TOKEN_KEY_MISSING
        log.error("Slack: %s; workspaces affected: %s", problem, ", ".join(unreadable))


def _page(title: str, text: str, status: int, link: str | None = None) -> BoltResponse:
    more = f'<p><a href="{html.escape(link)}">Start again</a></p>' if link else ""
    body = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>{more}</body></html>"
    )
    return BoltResponse(status=status, body=body, headers={"Content-Type": "text/html"})


async def _installed(args: AsyncSuccessArgs) -> BoltResponse:
    installation = args.installation
    where = installation.team_name or installation.enterprise_name or "your workspace"
    log.info(
        "Slack: installed in %s (%s)", where, installation.team_id or installation.enterprise_id
    )
    return _page("mot-coach is installed", messages.installed(where), 200)


async def _failed(args: AsyncFailureArgs) -> BoltResponse:
    log.warning("Slack: an installation failed (%s)", args.reason)
    status = args.suggested_status_code
    if args.reason == "invalid_state":
        status = 400  # Bolt says 401; nothing here asks for credentials
    return _page(
        messages.INSTALL_FAILED_TITLE, messages.install_failed(args.reason), status, INSTALL_PATH
    )


def mount_oauth_routes(app: web.Application, flow: AsyncOAuthFlow) -> None:
    def page(step):
        async def handle(request: web.Request) -> web.Response:
            try:
                response = await step(await to_bolt_request(request))
            except SQLAlchemyError as exc:  # the log's database is down: say so, not a 500
                log.warning("Slack install: the database is unreachable (%s)", exc)
                response = _page(
                    messages.INSTALL_FAILED_TITLE,
                    messages.install_failed("database_unreachable"),
                    503,
                )
            return await to_aiohttp_response(response)

        return handle

    app.router.add_get(INSTALL_PATH, page(flow.handle_installation))
    app.router.add_get(REDIRECT_PATH, page(flow.handle_callback))
