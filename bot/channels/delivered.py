"""Logging a tip around its delivery, the same way for every channel: recorded before it is
sent, marked "shown" once it has been.

A channel coaches with `Coach.coach(..., record=False)` and sends the tip inside
`async with delivering(sink, result, to=user)`. On entering, the event is written to the log
(its id goes into `result.context["log_id"]`) and the tip waits for that write; on leaving
normally, its "shown" outcome for `to` is written. So if the process dies after sending, the
log holds the tip (perhaps not yet marked shown); if sending fails, it holds the tip with no
outcome ("not shown"). The sink's writer thread puts writes made at the same time into one
transaction, which keeps the extra write cheap on a busy server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from bot.channels.runtime import LogSink
from bot.coach import CoachingResult

log = logging.getLogger(__name__)


async def record_before_delivery(sink: LogSink, result: CoachingResult) -> None:
    """Write `result` to the log with no outcome yet, and wait until it is written (or
    spooled); never raises: the log must never cost the agent their tip."""
    try:
        await asyncio.wrap_future(sink.submit(result))
    except Exception:
        log.exception("could not record coaching result for %s", result.conversation.id)


async def mark_shown(sink: LogSink, result: CoachingResult, to: str) -> None:
    """The "shown" outcome of a recorded tip, once it has reached `to`; never raises."""
    log_id = result.context.get("log_id")
    if not result.suggestions or not log_id:
        return  # nothing to act on was shown, or nothing was recorded
    try:
        await asyncio.wrap_future(sink.submit_outcome(str(log_id), "shown", actor=to))
    except Exception:
        log.exception("could not mark %s as shown", log_id)


async def record_outcome(sink: LogSink, log_id: Any, kind: str, **details: Any) -> None:
    """What the agent did with a delivered tip, off the event loop; never raises: the agent's
    click is answered whatever the log says."""
    if not log_id:
        return
    try:
        await asyncio.to_thread(sink.record_outcome, str(log_id), kind, **details)
    except Exception:
        log.exception("could not record the %s outcome of %s", kind, log_id)


@contextlib.asynccontextmanager
async def delivering(sink: LogSink, result: CoachingResult, to: str | None) -> AsyncIterator[None]:
    """Record `result` before the block sends it; mark it shown to `to` if the block returns
    (if it raises, the tip stays recorded as not shown and the error goes on)."""
    await record_before_delivery(sink, result)
    yield
    if to is not None:
        await mark_shown(sink, result, to)
