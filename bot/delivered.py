"""Logging a tip once it has been delivered, the same way for every channel.

A channel coaches with `Coach.coach(..., record=False)`, which fixes the result's log id, and
sends the tip inside `async with delivering(coach, result, to=user)` (or calls `log_delivered`
itself): the event and its "shown" outcome go to the log in one write, after the agent has the
tip, so writing the log never delays it. Where the log has a writer thread (StoreSink.submit),
results logged at the same time share a transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from bot.core.coach import Coach, CoachingResult

log = logging.getLogger(__name__)


async def log_delivered(coach: Coach, result: CoachingResult, shown_to: str | None) -> None:
    """Log `result` as shown to `shown_to` (None: it could not be delivered); never raises."""
    if shown_to is not None and not result.suggestions:
        shown_to = None  # nothing to act on was shown
    submit = getattr(coach.sink, "submit", None)
    if submit is None:
        await asyncio.to_thread(coach.log, result, shown_to)
        return
    try:
        await asyncio.wrap_future(submit(result, shown_to))
    except Exception:  # the log must never cost the agent their tip
        log.exception("could not record coaching result for %s", result.conversation.id)


async def record_outcome(coach: Coach, log_id: Any, kind: str, **details: Any) -> None:
    """What the agent did with a delivered tip (`StoreSink.record_outcome`), off the event loop;
    never raises: the agent's click is answered whatever the log says."""
    record = getattr(coach.sink, "record_outcome", None)
    if record is None or not log_id:
        return
    try:
        await asyncio.to_thread(record, str(log_id), kind, **details)
    except Exception:
        log.exception("could not record the %s outcome of %s", kind, log_id)


@contextlib.asynccontextmanager
async def delivering(coach: Coach, result: CoachingResult, to: str | None) -> AsyncIterator[None]:
    """Log `result` on leaving the block: as shown to `to` if the block delivered it, as not
    shown if it raised (the error goes on)."""
    shown_to = None
    try:
        yield
        shown_to = to
    finally:
        await log_delivered(coach, result, shown_to)
