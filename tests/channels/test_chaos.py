"""Chaos: two `mot-coach serve` replicas on one PostgreSQL, reached through a TCP proxy that the
test cuts. Escalating Slack threads have their messages spread over both replicas, some
delivered twice (Slack's retries, to the other replica), and a part of them arrive while the
database is down. Every escalated thread gets exactly one nudge (to its agent, the on-call or
the leads' channel), and the database ends up holding every message of every thread.

The figure is printed: `pytest -s tests/channels/test_chaos.py` shows "N of N threads".
"""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import time
from collections import Counter
from urllib.parse import urlsplit

import aiohttp
import pytest

from bot.store import Store
from tests.conftest import REPO
from tests.slack.conftest import SECRET
from tests.slack.mock_slack import MockSlack
from tests.slack.test_replicas import deliver, free_port, message, wait_ready
from tests.store_helpers import fresh_database_url
from tests.tcp_proxy import TcpProxy

THREADS = 60
OUTAGE = range(20, 40)  # threads whose last two messages arrive while the database is down
RETRIED = 0.3  # share of messages Slack delivers again, to the other replica
OPENING = "I was charged twice for my order."
CHECKING = "Let me check that for you."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)


def serve(mock: MockSlack, database_url: str, tmp_path, name: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{mock.url}/api/",
        "MOT_DATABASE_URL": database_url,
        "MOT_SPOOL_PATH": str(tmp_path / f"{name}-spool.jsonl"),
        "MOT_SUPPORT_CHANNELS": "C_SUPPORT",
        "MOT_AGENTS": "U_AGENT",
        "MOT_ON_CALL": "U_ONCALL",
        "MOT_LEADS_CHANNEL": "C_LEADS",
        "MOT_LEAD_ALERTS": "false",  # the leads' channel gets only nudges nobody else could
        "MOT_NUDGE_ON": "escalate",  # one nudge per thread: the rise to escalate
        "PYTHONPATH": str(REPO),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / f"{name}.log", "w"),  # noqa: SIM115 - closed with the process
    )
    return process, f"http://127.0.0.1:{port}"


async def idle(session, bases: list[str]) -> bool:
    """Whether no replica has a thread waiting for the database or a message to write back."""
    for base in bases:
        async with session.get(f"{base}/healthz") as response:
            channels = (await response.json())["channels"]
        if any(state["waiting"] or state["unsaved"] for state in channels.values()):
            return False
    return True


def nudged(mock: MockSlack) -> Counter:
    """Nudges per thread: private tips that say the thread rose, and leads' channel posts."""
    threads: Counter = Counter()
    for call in mock.of("chat.postEphemeral"):
        if "went from" in str(call.args.get("blocks")):
            threads[call.args["thread_ts"].replace(".", "")] += 1
    for call in mock.of("chat.postMessage"):  # the permalink names the thread: .../p<ts>|
        if call.args.get("channel") == "C_LEADS":
            threads[call.args["text"].split("/p")[-1].split("|")[0]] += 1
    return threads


async def test_replicas_nudge_every_escalated_thread_exactly_once_through_an_outage(tmp_path):
    if not os.environ.get("MOT_TEST_POSTGRES_URL"):
        pytest.skip("MOT_TEST_POSTGRES_URL is not set (e.g. postgresql://postgres@127.0.0.1/test)")
    url, cleanup = fresh_database_url("postgresql", tmp_path)
    Store(url).ensure_schema()  # migrated once, before the replicas race for it
    target = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    proxy = TcpProxy(target.hostname, target.port or 5432).start()
    proxied = url.replace(target.netloc, f"{target.username}@127.0.0.1:{proxy.port}")
    mock = await MockSlack().start()
    replicas = [serve(mock, proxied, tmp_path, name) for name in ("a", "b")]
    bases = [base for _, base in replicas]
    pick = random.Random(12)
    roots = [time.time() + n * 10 for n in range(THREADS)]
    plan = [  # (thread, message): who says what, in three rounds
        [("U_CUST", OPENING)] * THREADS,
        [("U_AGENT", CHECKING) if n % 4 else None for n in range(THREADS)],  # some: no agent
        [("U_CUST", ANGRY)] * THREADS,
    ]
    try:
        async with aiohttp.ClientSession() as session:
            for process, base in replicas:
                await wait_ready(session, base, process)

            async def send(n: int, step: int) -> None:
                said = plan[step][n]
                if said is None:
                    return
                ts, event_id = roots[n] + step, f"Ev{n}x{step}"
                event = message(said[0], said[1], ts, None if step == 0 else roots[n])
                first, other = pick.sample(bases, 2)
                await deliver(session, first, event, event_id)
                if pick.random() < RETRIED:
                    await deliver(session, other, event, event_id, retry=1)

            await asyncio.gather(*(send(n, 0) for n in range(THREADS)))
            for step in (1, 2):
                await asyncio.gather(*(send(n, step) for n in range(THREADS) if n not in OUTAGE))
            proxy.stop()  # the database goes away
            for step in (1, 2):
                await asyncio.gather(*(send(n, step) for n in OUTAGE))
            await asyncio.sleep(3)  # the outage lasts a while after the last message
            proxy.start()
            deadline = time.monotonic() + 90
            while len(nudged(mock)) < THREADS or not await idle(session, bases):
                assert time.monotonic() < deadline, f"{len(nudged(mock))} threads nudged"
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.0)  # time for a duplicate to show, were there one
        counts = nudged(mock)
        store = Store(url)
        stored = [len(store.tracked_thread("slack", f"C_SUPPORT:{root:.6f}")) for root in roots]
    finally:
        for process, _ in replicas:
            process.terminate()
            process.wait(15)
        proxy.stop()
        await mock.stop()
        cleanup()
    keys = [f"{root:.6f}".replace(".", "") for root in roots]
    once = sum(counts[key] == 1 for key in keys)
    whole = sum(count == (3 if n % 4 else 2) for n, count in enumerate(stored))
    print(
        f"\nchaos: {once} of {THREADS} escalated threads nudged exactly once "
        f"({len(OUTAGE)} with messages sent while the database was down); "
        f"{whole} of {THREADS} threads have every message stored"
    )
    assert once == THREADS, {key: counts[key] for key in keys if counts[key] != 1}
    assert whole == THREADS, stored
