"""Living with a database that is down: a one-line error summary and a retry back-off.

Free of SQLAlchemy, so callers that only degrade gracefully need not import it.
"""

from __future__ import annotations

import threading
import time

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
        self._lock = threading.Lock()

    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def failed(self) -> bool:
        """Record a failure; True when it starts a new outage (the one to warn about)."""
        with self._lock:
            first = self.available()
            self._down_until = time.monotonic() + self.retry_after
        return first
