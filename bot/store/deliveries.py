"""Once-only handling and nudge cooldowns for the channels, shared by every replica through the
log's database (`Store.claim_delivery`, `Store.allow_nudge`), without blocking the event loop.

While the database is unreachable (or there is none) the channels carry on: a delivery is
handled (better a rare repeat than a lost message), and the nudge cooldown is kept in this
process's memory, so a hot thread neither goes quiet nor becomes a nudge storm.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

from bot.store.outage import error_summary

log = logging.getLogger(__name__)
MEMORY_LIMIT = 10_000  # threads and levels remembered in memory while the log is down


class Deliveries:
    def __init__(self, store: Any, source: str):
        self.store, self.source = store, source
        self._nudged: dict[str, tuple[float, str]] = {}  # key: (when, level), while it is down
        self._lock = threading.Lock()

    async def first(self, key: str) -> bool:
        """True for the first delivery of `key` in any process; True as well without a log."""
        if self.store is None:
            return True
        try:
            return await asyncio.to_thread(self._claim, key)
        except Exception as exc:
            log.warning("cannot dedupe %s (%s); handling it", key, error_summary(exc))
            return True

    async def allow_nudge(self, key: str, level: str, cooldown: float) -> bool:
        """True (and the nudge counted) when `key` may be nudged at `level` now: its cooldown
        has passed, or it has just risen to escalate."""
        if self.store is not None:
            try:
                return await asyncio.to_thread(self._allow, key, level, cooldown)
            except Exception as exc:
                log.warning(
                    "cannot check the nudge cooldown of %s (%s); keeping it in memory",
                    key,
                    error_summary(exc),
                )
        return self._allow_in_memory(key, level, cooldown)

    def _claim(self, key: str) -> bool:
        self.store.ensure_schema()
        return self.store.claim_delivery(key, self.source)

    def _allow(self, key: str, level: str, cooldown: float) -> bool:
        self.store.ensure_schema()
        return self.store.allow_nudge(key, level, cooldown)

    def _allow_in_memory(self, key: str, level: str, cooldown: float) -> bool:
        """`Store.allow_nudge`'s rule: once per cooldown, unless the thread has just risen to
        escalate."""
        now = time.monotonic()
        with self._lock:
            last = self._nudged.get(key)
            cooling = last is not None and now - last[0] < cooldown
            rising = level == "escalate" and (last is None or last[1] != "escalate")
            if cooling and not rising:
                return False
            if len(self._nudged) >= MEMORY_LIMIT:  # a long outage: forget what has cooled down
                self._nudged = {k: v for k, v in self._nudged.items() if now - v[0] < cooldown}
                while len(self._nudged) >= MEMORY_LIMIT:  # then the oldest (dicts keep order)
                    del self._nudged[next(iter(self._nudged))]
            self._nudged[key] = (now, level)
            return True
