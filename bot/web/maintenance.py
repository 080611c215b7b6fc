"""What `serve` does in the background: migrate at start-up, replay the spool, apply retention,
and forget expired dashboard sessions and idle login counters (so both tables stay small).

It keeps going when the database is down (and tries again on the next round).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.store import error_summary
from bot.store.dashboard_sessions import forget_expired_sessions
from bot.store.logins import forget_idle_logins
from bot.store.retention import cutoff_for, purge
from bot.web.keys import SETTINGS, SINK, STORE
from bot.web.signin import LOGIN_LIMIT

log = logging.getLogger(__name__)
ROUND_SECONDS = 30.0  # spool replay
RETENTION_EVERY_SECONDS = 6 * 3600.0


def run_round(app: web.Application, retention_due: bool) -> bool:
    """One round; True if retention ran. Never raises for a database problem."""
    store, sink, days = app[STORE], app[SINK], app[SETTINGS].mot_retention_days
    try:
        store.ensure_schema()
        sink.replay_spool()
        forget_expired_sessions(store)
        forget_idle_logins(store, LOGIN_LIMIT)
        if retention_due and days > 0:
            result = purge(
                store, cutoff_for(days), reason="retention", actor="serve", record_empty=False
            )
            if result.events_deleted:
                log.info("retention (%d days): purged %d event(s)", days, result.events_deleted)
            return True
    except SQLAlchemyError as exc:
        metrics.STORE_ERRORS.labels(operation="maintenance").inc()
        log.warning(
            "suggestion log at %s: %s; trying again in %.0f s",
            store.shown_url,
            error_summary(exc),
            ROUND_SECONDS,
        )
    return False


async def _loop(app: web.Application) -> None:
    last_retention = None
    while True:
        due = last_retention is None or time.monotonic() - last_retention >= (
            RETENTION_EVERY_SECONDS
        )
        if await asyncio.to_thread(run_round, app, due) and due:
            last_retention = time.monotonic()
        await asyncio.sleep(ROUND_SECONDS)


async def background_maintenance(app: web.Application):
    """aiohttp cleanup context: starts the loop with the app, stops it and the engine after."""
    task = asyncio.create_task(_loop(app), name="mot-maintenance")
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await asyncio.to_thread(app[SINK].close)  # what the writer thread still holds
    app[STORE].close()
