"""A week of the log for digest tests, and `mot-coach digest` run without blocking the loop."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import timedelta

from bot.store import Store
from bot.store.records import utcnow
from tests.conftest import REPO
from tests.store_helpers import event_row

CALM = {
    "turns": 1,
    "first_reply_seconds": 60.0,
    "thanked": True,
    "came_back": False,
    "escalation_score": 0.1,
    "escalation_level": "none",
}
WORSE = {
    "turns": 1,
    "first_reply_seconds": 30.0,
    "thanked": False,
    "came_back": True,
    "escalation_score": 0.9,
    "escalation_level": "escalate",
}
SUMMARY = {
    "wants": "a refund: they were charged twice",
    "tried": "nothing yet",
    "at_stake": "their trust; threatens to cancel",
    "source": "offline",
}


def seed_week(url: str) -> Store:
    store = Store(url)
    store.ensure_schema()
    recent = utcnow() - timedelta(days=2)
    rows = [
        event_row(playbook="billing-dispute", outcome="used", follow_up=CALM, created_at=recent),
        event_row(
            playbook="billing-dispute",
            outcome="dismissed",
            created_at=recent,
            escalation_level="escalate",
            escalation_score=0.92,
            summary=SUMMARY,
            follow_up=WORSE,
            conversation_id="slack:C1:hot",
            channel="C1",
        ),
        event_row(playbook="praise", outcome="shown", created_at=recent),
        event_row(playbook="order-status", created_at=utcnow() - timedelta(days=30)),  # older
    ]
    for row in rows:  # one statement for all rows: every row names the same columns
        row.setdefault("follow_up", None)
        row.setdefault("summary", None)
    store.insert_events(rows)
    return store


async def run_digest(env: dict, *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "digest",
        *args,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, out.decode(), err.decode()
