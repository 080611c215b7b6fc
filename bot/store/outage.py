"""Living with a database that is down: the one guard every store path goes through.

While the database is unreachable a guarded path answers its fallback (memory, nothing, "handle
it anyway") instead of raising, tries the database again only every `retry_after` seconds, warns
once per outage (saying what degrades meanwhile) and says when the database is back.

Free of SQLAlchemy, so callers that only degrade gracefully need not import it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
RETRY_AFTER = 30.0  # seconds between attempts while the database is down


def error_summary(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's boilerplate."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


class OutageBackoff:
    """After a failure, wait `retry_after` seconds; reports which failure began an outage."""

    def __init__(self, retry_after: float = RETRY_AFTER):
        self.retry_after = retry_after
        self._down_until = 0.0
        self._down = False
        self._lock = threading.Lock()

    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def failed(self) -> bool:
        """Record a failure; True when it starts a new outage (the one to warn about)."""
        with self._lock:
            first = not self._down
            self._down = True
            self._down_until = time.monotonic() + self.retry_after
        return first

    def succeeded(self) -> bool:
        """Record a success; True when it ends an outage."""
        with self._lock:
            ended, self._down, self._down_until = self._down, False, 0.0
        return ended


class OutageGuard:
    """One store path (`subject`, e.g. "tracked slack messages") through database outages.

    `meanwhile` says what the path does instead ("tracking in memory only"); warnings go to the
    caller's `logger`. `store` None (no database configured) answers the fallback, silently.
    """

    def __init__(
        self,
        store: Any,
        logger: logging.Logger,
        subject: str,
        meanwhile: str,
        retry_after: float = RETRY_AFTER,
    ):
        self.store, self.log, self.subject, self.meanwhile = store, logger, subject, meanwhile
        self.backoff = OutageBackoff(retry_after)

    def available(self) -> bool:
        return self.store is not None and self.backoff.available()

    def run(self, doing: str, work: Callable[..., T], *args: Any, default: T = None) -> T:
        """`work(*args)` on a migrated database; `default` while it is down or backing off.
        `doing` names the operation in the mot_store_errors_total metric."""
        if not self.available():
            return default
        try:
            self.store.ensure_schema()
            value = work(*args)
        except Exception as exc:  # any failure of the log degrades; it never fails a request
            self.failed(doing, exc)
            return default
        self.succeeded()
        return value

    async def run_async(
        self, doing: str, work: Callable[..., T], *args: Any, default: T = None
    ) -> T:
        """`run`, off the event loop (a database call blocks)."""
        if not self.available():
            return default
        return await asyncio.to_thread(self.run, doing, work, *args, default=default)

    def failed(self, doing: str, exc: BaseException) -> None:
        """Count a failure; warn if it begins an outage. For paths that must always try (the
        sink keeps records in its spool) as well as for `run`."""
        from bot import metrics  # prometheus_client loads on the first failure only

        metrics.STORE_ERRORS.labels(operation=doing).inc()
        if self.backoff.failed():
            self.log.warning(
                "the log is unreachable for %s (%s); %s",
                self.subject,
                error_summary(exc),
                self.meanwhile,
            )

    def succeeded(self) -> None:
        if self.backoff.succeeded():
            self.log.info("the log is reachable again: %s are stored again", self.subject)
