"""What settings per workspace cost an event: resolving its workspace (cached, and on a cache
miss from the database), and a tip with a workspace's own knowledge against the environment's.

    python bench/workspaces_bench.py [--rounds 2000] [--postgres URL]

On a fresh SQLite file and, when a URL is given (or MOT_TEST_POSTGRES_URL is set), on
PostgreSQL in a throw-away schema. Prints medians, measured in this one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid

from bot.channels.workspaces import Workspaces
from bot.config import Settings
from bot.core.conversation import Conversation
from bot.services import build_coach, build_sink
from bot.workspaces import WorkspaceKey, WorkspaceSettings, WorkspaceSource
from bot.workspaces.stored import write_stored

ASK = "Customer: I was charged twice for my order and I want a refund now"


def median_us(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e6


def run(url: str, rounds: int) -> None:
    settings = Settings(mot_database_url=url, mot_support_channels=["C_ENV"])
    sink = build_sink(settings, observe=False)
    coach = build_coach(settings, sink=sink)
    workspaces = Workspaces(settings, coach, WorkspaceSource(sink.store))
    knowledge = {"facts": {"refund_time": "within 3 days"}, "voice": {"formality": "formal"}}
    for n in range(100):
        overrides = WorkspaceSettings(support_channels=[f"C{n}"], knowledge=knowledge)
        write_stored(sink.store, WorkspaceKey("slack", f"T{n}"), overrides, "bench")
    workspaces.get("slack", "T0")
    hit = median_us(lambda: workspaces.get("slack", "T0"), rounds)

    def miss():
        workspaces.forget(WorkspaceKey("slack", "T1"))
        workspaces.get("slack", "T1")

    missed = median_us(miss, max(rounds // 10, 50))
    conversation = Conversation.from_text(ASK)
    own = workspaces.get("slack", "T0").coach
    base_tip = median_us(lambda: coach.coach(conversation, record=False), rounds // 10)
    own_tip = median_us(lambda: own.coach(conversation, record=False), rounds // 10)
    print(f"{sink.store.dialect}: resolve cached {hit:.1f} µs, resolve from the database "
          f"{missed / 1000:.2f} ms; tip: environment {base_tip / 1000:.2f} ms, workspace's own "
          f"knowledge {own_tip / 1000:.2f} ms (x{own_tip / base_tip:.2f})")  # fmt: skip
    sink.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--postgres", default=os.environ.get("MOT_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db", args.rounds)
    if args.postgres:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{schema}"')
        try:
            run(f"{args.postgres}?options=-csearch_path%3D{schema}", args.rounds)
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main()
