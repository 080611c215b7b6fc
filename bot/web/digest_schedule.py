"""`serve` sends the leads' weekly digest (MOT_DIGEST=weekly) on MOT_DIGEST_DAY from
MOT_DIGEST_HOUR (UTC). Once per week across every replica: the week is claimed in the log's
once-only deliveries before sending. A database or channel problem is logged and tried again
on the next round (within the same day)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from aiohttp import web

from bot.commands.digest import destinations, send_digest
from bot.store.digest import build_digest
from bot.store.records import utcnow
from bot.web.keys import SETTINGS, STORE

log = logging.getLogger(__name__)
ROUND_SECONDS = 300.0
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def week_key(now: datetime) -> str:
    year, week, _ = now.isocalendar()
    return f"digest:{year}-W{week:02d}"


def is_due(settings, now: datetime) -> bool:
    return DAYS[now.weekday()] == settings.mot_digest_day and now.hour >= settings.mot_digest_hour


async def send_if_due(app: web.Application, now: datetime | None = None) -> bool:
    """One round; True if this process sent this week's digest."""
    settings, store = app[SETTINGS], app[STORE]
    now = now or utcnow()
    where = destinations(settings)
    if not where or not is_due(settings, now):
        return False
    try:
        if not await asyncio.to_thread(store.claim_delivery, week_key(now), "digest"):
            return False  # sent already, by this or another replica
        digest = await asyncio.to_thread(build_digest, store, 7, now, settings.dashboard_base_url)
    except Exception as exc:
        log.warning("weekly digest: cannot read the log (%s); trying again later", exc)
        return False
    problems = await send_digest(settings, store, digest, where)
    for problem in problems:
        log.warning("weekly digest not sent to %s", problem)
    return True


async def _loop(app: web.Application) -> None:
    while True:
        await send_if_due(app)
        await asyncio.sleep(ROUND_SECONDS)


async def weekly_digest(app: web.Application):
    """aiohttp cleanup context, added when MOT_DIGEST=weekly."""
    task = asyncio.create_task(_loop(app), name="mot-digest")
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
