"""Once-only handling and nudge cooldowns for the channels, shared by every replica through the
log's database (`Store.claim_delivery`, `Store.allow_nudge`), without blocking the event loop.

While the database is unreachable (or there is none) the channels carry on: a delivery is
handled (better a rare repeat than a lost message), and the nudge cooldown is kept in this
process's memory, so a hot thread neither goes quiet nor becomes a nudge storm.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from bot.store.outage import OutageGuard

log = logging.getLogger(__name__)
MEMORY_LIMIT = 10_000  # threads and levels remembered in memory while the log is down
# Seconds between database attempts while it is down: short, because every delivery handled
# without the log may be handled twice, and a cooldown kept in memory is this replica's alone.
RETRY_AFTER = 2.0


class Deliveries:
    def __init__(self, store: Any, source: str, retry_after: float = RETRY_AFTER):
        self.store, self.source = store, source
        self.dedupe = OutageGuard(
            store, log, "delivery ids", "handling every delivery", retry_after
        )
        self.cooldowns = OutageGuard(
            store, log, "nudge cooldowns", "keeping them in this process's memory", retry_after
        )
        self._nudged: dict[str, tuple[float, str]] = {}  # key: (when, level), while it is down
        self._lock = threading.Lock()

    async def first(self, key: str) -> bool:
        """True for the first delivery of `key` in any process; True as well without a log
        (better a rare repeat than a lost message)."""
        return await self.dedupe.run_async("claim_delivery", self._claim, key, default=True)

    async def allow_nudge(self, key: str, level: str, cooldown: float) -> bool:
        """True (and the nudge counted) when `key` may be nudged at `level` now: its cooldown
        has passed, or it has just risen to escalate."""
        allowed = await self.cooldowns.run_async(
            "check_nudge_cooldown", self._allow, key, level, cooldown
        )
        if allowed is None:
            return self._allow_in_memory(key, level, cooldown)
        return allowed

    def _claim(self, key: str) -> bool:
        return self.store.claim_delivery(key, self.source)

    def _allow(self, key: str, level: str, cooldown: float) -> bool:
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
