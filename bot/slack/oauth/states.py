"""Install-link states in the log's database: slack_sdk's SQLAlchemy state store on the migrated
`slack_oauth_states` table. A state is issued with each install link and consumed by the
redirect: once, before it expires, in whichever replica the installer comes back to."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import delete

from bot.store.models import slack_oauth_states
from bot.store.records import utcnow
from bot.store.store import Store

log = logging.getLogger(__name__)
STATE_SECONDS = 600  # Bolt's default: an install link works for 10 minutes


class LogStateStore(SQLAlchemyOAuthStateStore):
    @classmethod
    def build_oauth_states_table(cls, metadata, table_name):
        return slack_oauth_states

    def consume(self, state: str) -> bool:
        """True once for a state issued here and not expired. One DELETE decides, so two
        redirects with the same state (a replay, in any replica) cannot both succeed."""
        c = slack_oauth_states.c
        now = utcnow()
        with self.engine.begin() as connection:
            deleted = connection.execute(
                delete(slack_oauth_states).where(c.state == state, c.expire_at > now)
            ).rowcount
            connection.execute(delete(slack_oauth_states).where(c.expire_at <= now))
        return deleted == 1


class AsyncStates(AsyncOAuthStateStore):
    def __init__(self, store: Store, expiration_seconds: int = STATE_SECONDS):
        self.store = store
        self.states = LogStateStore(expiration_seconds, store.engine, logger=log)

    @property
    def logger(self) -> logging.Logger:
        return log

    async def _run(self, method, *args):
        def work():
            self.store.ensure_schema()
            return method(*args)

        return await asyncio.to_thread(work)

    async def async_issue(self, *args, **kwargs) -> str:
        return await self._run(self.states.issue)

    async def async_consume(self, state: str) -> bool:
        return await self._run(self.states.consume, state)
