"""Slack installations and bot tokens in the log's database: slack_sdk's SQLAlchemy store, on
the log's engine and its migrated tables (bot/store/models.py), with tokens sealed by
TokenCipher. Bolt is async: `AsyncInstallations` runs the store's queries in a worker thread,
never on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import time

from cachetools import TTLCache
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import select

from bot.slack.oauth.tokens import TokenCipher, TokenKeyError
from bot.store.models import slack_bots, slack_installations
from bot.store.store import Store

log = logging.getLogger(__name__)
MAX_CACHED_BOTS, BOT_CACHE_SECONDS = 10_000, 60.0
ROTATE_MINUTES_BEFORE_EXPIRY = 120  # Bolt's default: refresh a token 2 hours before it expires
INSTALLATION_SECRETS = (
    "bot_token",
    "bot_refresh_token",
    "user_token",
    "user_refresh_token",
    "incoming_webhook_url",
)
BOT_SECRETS = ("bot_token", "bot_refresh_token")


def _with(entity, fields: tuple[str, ...], change):
    """A copy of an Installation or Bot with `change` applied to its secret fields."""
    copy = type(entity)(**entity.to_dict_for_copying())
    for name in fields:
        setattr(copy, name, change(getattr(copy, name)))
    return copy


class SealedInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store on the migrated tables, sealing tokens as they are saved and opening
    them as they are found."""

    @classmethod
    def build_installations_table(cls, metadata, table_name):
        return slack_installations

    @classmethod
    def build_bots_table(cls, metadata, table_name):
        return slack_bots

    def __init__(self, client_id: str, store: Store, cipher: TokenCipher):
        super().__init__(client_id=client_id, engine=store.engine, logger=log)
        self.store, self.cipher = store, cipher

    def save(self, installation: Installation):
        super().save(_with(installation, INSTALLATION_SECRETS, self.cipher.seal))

    def save_bot(self, bot: Bot):
        super().save_bot(_with(bot, BOT_SECRETS, self.cipher.seal))

    def find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False):
        found = super().find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return None if found is None else _with(found, BOT_SECRETS, self.cipher.open)

    def find_installation(
        self, *, enterprise_id, team_id, user_id=None, is_enterprise_install=False
    ):
        found = super().find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )
        return None if found is None else _with(found, INSTALLATION_SECRETS, self.cipher.open)

    def workspaces(self) -> list[tuple[str | None, str | None, bool]]:
        """(enterprise id, team id, org-wide) of every installation with a bot token."""
        c = slack_bots.c
        statement = (
            select(c.enterprise_id, c.team_id, c.is_enterprise_install)
            .where(c.client_id == self.client_id, c.bot_token.is_not(None))
            .distinct()
        )
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(statement)]

    def unreadable(self) -> list[str]:
        """The workspaces whose stored bot token MOT_TOKEN_KEY cannot decrypt."""
        self.store.ensure_schema()
        problems = []
        for enterprise_id, team_id, org_wide in self.workspaces():
            try:
                self.find_bot(
                    enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=org_wide
                )
            except TokenKeyError:
                problems.append(team_id or enterprise_id or "?")
        return problems


def _rotating_soon(bot: Bot) -> bool:
    """Whether a replica may rotate this token before a cached copy expires: such a bot is
    read from the database at each request, so that every replica sees the rotated token."""
    expires = bot.bot_token_expires_at
    margin = ROTATE_MINUTES_BEFORE_EXPIRY * 60 + BOT_CACHE_SECONDS
    return expires is not None and expires < time.time() + margin


class AsyncInstallations(AsyncInstallationStore):
    """The store for Bolt: each call in a worker thread, on a migrated database. A token that
    cannot be decrypted is logged, naming the fix, and the workspace treated as not installed,
    so its requests get Bolt's "not installed" answer instead of a crash."""

    def __init__(self, store: Store, sealed: SealedInstallationStore):
        self.store, self.sealed = store, sealed
        # Bots found lately: a request's look-up skips the database. Saves and deletes here
        # clear it; another replica's are seen within BOT_CACHE_SECONDS (an uninstalled
        # workspace sends no more requests, and a rotated token stays valid for hours).
        self._bots: TTLCache[tuple, Bot] = TTLCache(MAX_CACHED_BOTS, BOT_CACHE_SECONDS)

    @property
    def logger(self) -> logging.Logger:
        return log

    async def _run(self, method, **kwargs):
        def work():
            self.store.ensure_schema()
            return method(**kwargs)

        return await asyncio.to_thread(work)

    async def async_save(self, installation: Installation):
        self._bots.clear()
        await self._run(self.sealed.save, installation=installation)

    async def async_save_bot(self, bot: Bot):
        self._bots.clear()
        await self._run(self.sealed.save_bot, bot=bot)

    async def async_find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False):
        key = (enterprise_id, None if is_enterprise_install else team_id)
        if key in self._bots:
            return self._bots[key]
        try:
            found = await self._run(
                self.sealed.find_bot,
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )
        except TokenKeyError as exc:
            log.error("Slack workspace %s: %s", team_id or enterprise_id, exc)
            return None
        if found is not None and not _rotating_soon(found):
            self._bots[key] = found
        return found

    async def async_find_installation(
        self, *, enterprise_id, team_id, user_id=None, is_enterprise_install=False
    ):
        try:
            return await self._run(
                self.sealed.find_installation,
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                is_enterprise_install=is_enterprise_install,
            )
        except TokenKeyError as exc:
            log.error("Slack workspace %s: %s", team_id or enterprise_id, exc)
            return None

    async def async_delete_bot(self, *, enterprise_id, team_id):
        self._bots.clear()
        await self._run(self.sealed.delete_bot, enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(self, *, enterprise_id, team_id, user_id=None):
        self._bots.clear()
        await self._run(
            self.sealed.delete_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
        )
