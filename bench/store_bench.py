"""The suggestion log at 100,000 coaching events: insert, list, stats and export times.

    python bench/store_bench.py [--events 100000] [--rounds 5] [--postgres URL]

Runs on a fresh SQLite file (WAL) and, when a URL is given (or MOT_TEST_POSTGRES_URL is set), on
PostgreSQL in a throw-away schema. Prints the median of each measurement over the rounds.
Exports are written to a byte counter, so the figures are the database and the formatting, not
the disk.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bot.core.playbooks import BUILTIN_IDS
from bot.store import LogFilter, Store
from bot.store.export import export_chunks
from bot.store.queries import count_events, iter_events, list_events
from bot.store.records import new_uid, utcnow
from bot.store.stats import compute_stats

PLAYBOOKS = BUILTIN_IDS
TEXT = (
    "Hi, I was charged twice for order 4411 and nobody answered my last two emails. "
    "Please fix this today."
)


def synthetic_events(count: int, seed: int = 1):
    """Batches of plausible events spread over 90 days, 40 agents, 12 channels, 2 workspaces."""
    rng, now, batch = random.Random(seed), utcnow(), []
    for _ in range(count):
        level = rng.choices(("none", "watch", "escalate"), (6, 3, 1))[0]
        batch.append(
            {
                "uid": new_uid(),
                "created_at": now - timedelta(seconds=rng.randrange(90 * 86400)),
                "channel_kind": rng.choice(("slack", "teams")),
                "workspace": rng.choice(("T1", "T2")),
                "channel": f"C{rng.randrange(12)}",
                "thread": f"{rng.randrange(10**9)}.0001",
                "agent": f"U{rng.randrange(40):03d}",
                "conversation_id": uuid.uuid4().hex,
                "trigger": rng.choice(("command", "nudge", "mention", "shortcut")),
                "playbook": rng.choice(PLAYBOOKS),
                "confidence": round(rng.random(), 3),
                "escalation_score": round(rng.random(), 3),
                "escalation_level": level,
                "escalation_reasons": ["asks for a manager"] if level == "escalate" else [],
                "content_mode": "redacted",
                "excerpt": [
                    {"role": "customer", "text": TEXT, "author": None},
                    {"role": "agent", "text": "Let me look.", "author": "U001"},
                    {"role": "customer", "text": TEXT, "author": None},
                ],
                "suggestions": [{"text": TEXT, "why": "Owns the problem.", "source": "offline"}]
                * 3,
                "backend": "offline",
                "model": None,
                "prompt_version": None,
                "latency_ms": round(rng.uniform(2, 40), 2),
                "tokens_prompt": None,
                "tokens_completion": None,
                "fallback": False,
                "fallback_reason": None,
                "outcome": rng.choice((None, "shown", "used", "edited", "dismissed")),
                "edit_ratio": None,
                "rating": rng.choice((None, None, 1, -1)),
                "comment": None,
            }
        )
        if len(batch) == 5000:
            yield batch
            batch = []
    if batch:
        yield batch


class ByteCounter:
    def __init__(self):
        self.bytes = 0

    def write(self, text: str) -> None:
        self.bytes += len(text.encode("utf-8"))


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def export_all(store: Store, fmt: str) -> int:
    out = ByteCounter()
    for chunk in export_chunks(iter_events(store, LogFilter()), fmt):
        out.write(chunk)
    return out.bytes


def bench(name: str, url: str, events: int, rounds: int) -> None:
    store = Store(url)
    store.ensure_schema()
    started = time.perf_counter()
    for batch in synthetic_events(events):
        store.insert_events(batch)
    insert_s = time.perf_counter() - started
    filtered = LogFilter(agent="U007", playbook="billing-dispute")
    last_30 = LogFilter(since=utcnow() - timedelta(days=30))
    figures = [
        ("insert (batches of 5,000)", insert_s, f"{events / insert_s:,.0f} events/s"),
        (
            "list: count + first page of 50",
            median_seconds(
                lambda: (count_events(store, LogFilter()), list_events(store, LogFilter())), rounds
            ),
            "",
        ),
        (
            "list: agent + playbook filter",
            median_seconds(
                lambda: (count_events(store, filtered), list_events(store, filtered)), rounds
            ),
            "",
        ),
        (
            "list: page 1,000 (offset 49,950)",
            median_seconds(lambda: list_events(store, LogFilter(), offset=49_950), rounds),
            "",
        ),
        (
            "stats: all events",
            median_seconds(lambda: compute_stats(store, LogFilter()), rounds),
            "",
        ),
        ("stats: last 30 days", median_seconds(lambda: compute_stats(store, last_30), rounds), ""),
    ]
    for fmt in ("csv", "jsonl"):
        size = export_all(store, fmt)
        seconds = median_seconds(lambda fmt=fmt: export_all(store, fmt), max(1, rounds // 2))
        figures.append(
            (
                f"export {fmt}: all events",
                seconds,
                f"{events / seconds:,.0f} events/s, {size / 1e6:,.0f} MB",
            )
        )
    print(f"\n{name}: {events:,} coaching events (median of {rounds} rounds)")
    for label, seconds, note in figures:
        print(f"  {label:<34} {seconds * 1000:>9.1f} ms  {note}")
    store.close()


def _postgres_schema(base: str):
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in base else "?"

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')

    return f"{base}{joiner}options=-csearch_path%3D{schema}", drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MOT_TEST_POSTGRES_URL"),
        help="PostgreSQL URL (default: MOT_TEST_POSTGRES_URL; unset: skipped)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench("SQLite (WAL)", f"sqlite:///{Path(folder) / 'bench.db'}", args.events, args.rounds)
    if not args.postgres:
        print("\nPostgreSQL: skipped (no --postgres URL and MOT_TEST_POSTGRES_URL unset)")
        return 0
    url, drop = _postgres_schema(args.postgres)
    try:
        bench("PostgreSQL", url, args.events, args.rounds)
    finally:
        drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
