"""Prometheus metrics, served at /metrics by `mot-coach serve`."""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Histogram

TIPS = Counter(
    "mot_tips", "Coaching tips served (results with suggestions)", ["trigger", "playbook"]
)
NUDGES = Counter("mot_nudges", "Nudges: tips the coach offered on its own", ["playbook"])
FALLBACKS = Counter("mot_fallbacks", "Tips the offline composer wrote because a backend failed")
BACKEND_LATENCY = Histogram(
    "mot_backend_latency_seconds",
    "Time the backend took to write suggestions",
    ["backend"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
STORE_ERRORS = Counter(
    "mot_store_errors", "Suggestion-log writes or reads that failed", ["operation"]
)
SPOOLED = Counter("mot_spooled_records", "Log records written to the spool (database down)")
REPLAYED = Counter("mot_spool_replayed_records", "Spooled log records replayed to the database")


def observe_result(result: Any) -> None:
    """Count one coaching result. Never raises."""
    playbook = result.assessment.playbook.id if result.assessment.playbook else "none"
    if result.suggestions:
        TIPS.labels(trigger=result.trigger, playbook=playbook).inc()
        if result.trigger == "nudge":
            NUDGES.labels(playbook=playbook).inc()
    if result.fallback:
        FALLBACKS.inc()
    call = getattr(result, "call", None)  # the backend call itself, where the backend says
    latency_ms = call.latency_ms if call is not None and call.latency_ms else result.latency_ms
    BACKEND_LATENCY.labels(backend=result.backend).observe(max(latency_ms, 0) / 1000)
