"""A second (or third) process for the concurrency tests: `python -m tests.store.worker ...`.

    write URL COUNT TAG START_FILE   coach COUNT conversations through the StoreSink
    claim URL KEYS_FILE START_FILE   try to claim each delivery key; print the ones won

Each says it is ready (a ready-PID file beside START_FILE), then waits for START_FILE, so that
the processes really run at the same time.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.playbooks import load_playbooks
from bot.store import Spool, Store, StoreSink


def _wait_for(start: Path) -> None:
    """Say "ready" (a file), then wait for the test's start signal."""
    (start.parent / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 30
    while not start.exists():
        if time.monotonic() > deadline:
            raise SystemExit("start file never appeared")
        time.sleep(0.005)


def write(url: str, count: int, tag: str, start: Path) -> dict:
    store = Store(url)
    sink = StoreSink(store, Spool(start.parent / f"spool-{tag}.jsonl"), "redacted")
    coach = Coach(load_playbooks(), sink=sink)
    _wait_for(start)
    store.ensure_schema()  # both processes migrate a fresh database at once
    for n in range(count):
        conversation = Conversation(id=f"{tag}-{n}").add(
            "customer", f"I was charged twice for order {n}, please refund me"
        )
        coach.coach(
            conversation,
            trigger="command",
            context={"channel_kind": "slack", "channel": tag, "agent": f"U_{tag}"},
        )
    return {"spooled": sink.spool.pending()}


def claim(url: str, keys_file: Path, start: Path) -> dict:
    store = Store(url)
    keys = keys_file.read_text().split()
    _wait_for(start)
    store.ensure_schema()
    return {"won": [key for key in keys if store.claim_delivery(key, "slack")]}


if __name__ == "__main__":
    action, url, *rest = sys.argv[1:]
    if action == "write":
        result = write(url, int(rest[0]), rest[1], Path(rest[2]))
    else:
        result = claim(url, Path(rest[0]), Path(rest[1]))
    print(json.dumps(result))
