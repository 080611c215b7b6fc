"""Resilience for network backends: a time budget, retries, a circuit breaker and a short cache.

All of them are thread-safe and take an injectable clock, so tests need not sleep.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from bot.llm.base import BackendError

Clock = Callable[[], float]


class CircuitOpen(BackendError):
    """The backend failed too often in a row; calls go straight to the offline composer."""


class CircuitBreaker:
    """Closed: calls pass. After `failures` failed calls in a row it opens for `reset_seconds`,
    then lets one trial call through (half-open): success closes it, failure opens it again.
    `failures=0` turns it off."""

    def __init__(self, failures: int, reset_seconds: float, clock: Clock = time.monotonic):
        self.threshold, self.reset_seconds, self.clock = failures, reset_seconds, clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            waited = self.clock() - self._opened_at
            return "half-open" if waited >= self.reset_seconds else "open"

    def before_call(self) -> None:
        """Raises CircuitOpen while open, or while another call is the half-open trial."""
        with self._lock:
            if self._opened_at is None:
                return
            waited = self.clock() - self._opened_at
            if waited >= self.reset_seconds and not self._trial_running:
                self._trial_running = True
                return
            retry_in = max(0.0, self.reset_seconds - waited)
        raise CircuitOpen(
            f"circuit open after {self.threshold} failed calls in a row; "
            f"next try in {retry_in:.0f} s (MOT_LLM_BREAKER_RESET_SECONDS)"
        )

    def record_success(self) -> None:
        with self._lock:
            self._failures, self._opened_at, self._trial_running = 0, None, False

    def abandon(self) -> None:
        """A call ended with neither success nor failure (its caller stopped reading)."""
        with self._lock:
            self._trial_running = False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self.threshold and (self._trial_running or self._failures >= self.threshold):
                self._opened_at = self.clock()
            self._trial_running = False


class ResponseCache:
    """Answers to identical requests for `ttl` seconds (e.g. a Slack retry), least recent
    evicted first. `ttl=0` turns it off."""

    def __init__(self, ttl: float, max_entries: int = 256, clock: Clock = time.monotonic):
        self.ttl, self.max_entries, self.clock = ttl, max_entries, clock
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        if not self.ttl:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self.clock() - entry[0] > self.ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, value: Any) -> None:
        if not self.ttl:
            return
        with self._lock:
            self._entries[key] = (self.clock(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def retry_after_seconds(
    headers: Mapping[str, str] | None, now: float | None = None
) -> float | None:
    """Seconds a server asked us to wait: `retry-after-ms`, `Retry-After` seconds or a date."""
    if not headers:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def jittered_backoff(attempt: int, base: float, cap: float = 2.0) -> float:
    """Full jitter: a random wait up to base * 2^(attempt-1), at most `cap` seconds."""
    return random.uniform(0, min(cap, base * 2 ** max(0, attempt - 1)))


class Budget:
    """A deadline for one request, covering every attempt and every wait."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic):
        self.seconds, self.clock = seconds, clock
        self.started = clock()
        self.deadline = self.started + seconds

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.clock())

    def elapsed_ms(self) -> float:
        return (self.clock() - self.started) * 1000
