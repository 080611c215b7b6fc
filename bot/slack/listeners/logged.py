"""Lazy listeners run after the ack, where Bolt would log a failure as one line: this logs the
whole traceback, with the listener's name, and lets nothing escape."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("bot.slack")


def logged(listener: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    @functools.wraps(listener)  # Bolt reads the wrapped function's argument names
    async def run(**kwargs) -> None:
        try:
            await listener(**kwargs)
        except Exception:
            log.exception("Slack listener %s failed", listener.__name__)

    return run
