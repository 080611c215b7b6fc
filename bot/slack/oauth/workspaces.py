"""Background work with no event to take a token from (the weekly digest): each installed
workspace, with a client carrying its own bot token, refreshed first when it is about to
expire (Bolt's token rotator, as Bolt's authorize does for requests)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.slack.client import web_client
from bot.slack.oauth.installations import (
    ROTATE_MINUTES_BEFORE_EXPIRY,
    AsyncInstallations,
    SealedInstallationStore,
)
from bot.slack.oauth.tokens import TokenCipher
from bot.store.store import Store

log = logging.getLogger(__name__)


async def installed_workspaces(
    settings: Settings, store: Store
) -> AsyncIterator[tuple[str, AsyncWebClient]]:
    """(workspace, client) for every installation with a readable bot token."""
    sealed = SealedInstallationStore(
        settings.slack_client_id, store, TokenCipher(settings.mot_token_key)
    )
    installations = AsyncInstallations(store, sealed)
    rotator = AsyncTokenRotator(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        client=web_client(settings),
    )
    store.ensure_schema()
    for enterprise_id, team_id, org_wide in await asyncio.to_thread(sealed.workspaces):
        bot = await installations.async_find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=org_wide
        )
        if bot is None or not bot.bot_token:
            continue  # unreadable (logged by the store) or revoked meanwhile
        refreshed = await rotator.perform_bot_token_rotation(
            bot=bot, minutes_before_expiration=ROTATE_MINUTES_BEFORE_EXPIRY
        )
        if refreshed is not None:
            await installations.async_save_bot(refreshed)
            bot = refreshed
        yield team_id or enterprise_id, web_client(settings, bot.bot_token)
