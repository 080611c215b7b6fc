"""Lazy listeners run after the ack, where Bolt would log a failure as one line: this logs the
whole traceback, with the listener's name, and lets nothing escape.

They also pass through a gate (MOT_SLACK_CONCURRENCY): work waits its turn rather than all
running at once, so that under load the event loop stays free to ack new requests at once.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("bot.slack")
Listener = Callable[..., Awaitable[None]]


def logged(gate: asyncio.Semaphore) -> Callable[[Listener], Listener]:
    def wrap(listener: Listener) -> Listener:
        @functools.wraps(listener)  # Bolt reads the wrapped function's argument names
        async def run(**kwargs) -> None:
            try:
                async with gate:
                    await listener(**kwargs)
            except Exception:
                log.exception("Slack listener %s failed", listener.__name__)

        return run

    return wrap
