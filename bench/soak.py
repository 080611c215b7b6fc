"""Memory under a soak: signed Slack events against a real `mot-coach serve`, RSS every 1,000.

    python bench/soak.py [--events 15000] [--threads-every 5] [--code DIR] [--trace]

Starts `mot-coach serve` (offline backend, a fresh SQLite log) as its own process on loopback,
with Slack's Web API and response_urls answered by a collector in this process (the one
bench/slack_bench.py uses). Sends message events in many threads (a customer opens each
thread, customer and agent take turns, some messages escalate and draw a nudge) and a /mot-tip
every 50 events. After every 1,000 events it waits until the server has tracked every message
sent so far (counted in the log's database: the event, not a sleep), then reads the server's
RSS from /proc. Prints the series, and the growth per event over the first and the last third
of it: memory that levels off grows far less at the end than at the start.

--code DIR runs the server from another checkout (e.g. an older commit unpacked with
`git archive`), for a before/after comparison. --trace counts the
server's live objects by type (gc) and prints the types that grew most after warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_bench import Collector, free_port, wait_ready
from slack_sdk.signature import SignatureVerifier

SECRET = "soak-signing-secret"
REPO = Path(__file__).resolve().parents[1]
CHANNEL, TEAM = "C_SOAK", "T1"
AGENTS = [f"U_AGENT{n}" for n in range(20)]
CUSTOMER_LINES = [
    "Hi, order {n} was due on Monday and still hasn't arrived. Where is it?",
    "I was charged twice for order {n} and nobody has refunded me.",
    "I can't log in to account {n}, the reset email never comes.",
    "Thanks, that sorted order {n} out. Great service!",
    "This is the third time I contact you about order {n}. I want a manager NOW.",
    "If order {n} is not refunded today I will cancel and tell everyone on Twitter.",
]
AGENT_LINES = [
    "Sorry about that, let me check order {n} for you right away.",
    "I've refunded the duplicate charge on order {n}; it shows in 3-5 days.",
    "I've sent a new reset link for account {n}; it is valid for an hour.",
]
# Wraps `serve` for --trace: each SIGUSR1 counts the live objects by type (gc; no tracing
# overhead between counts), and SIGUSR2 writes the types that grew most since the first count.
TRACED_SERVE = """
import collections, gc, signal, sys
from bot.cli import main
counts = []
def take(*_):
    gc.collect()
    counts.append(collections.Counter(type(o).__qualname__ for o in gc.get_objects()))
def report(*_):
    grown = (counts[-1] - counts[0]).most_common(20)
    with open(sys.argv[1], "w") as out:
        out.writelines(f"{n:+9d}  {name}\\n" for name, n in grown)
signal.signal(signal.SIGUSR1, take)
signal.signal(signal.SIGUSR2, report)
sys.exit(main(sys.argv[2:]))
"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit("no VmRSS in /proc (Linux only)")


def tracked_messages(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT count(*) FROM tracked_messages").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return -1


async def wait_tracked(database: Path, expected: int, server: subprocess.Popen) -> None:
    """Until the server has tracked `expected` messages (polled: it is another process)."""
    deadline = time.monotonic() + 120
    while tracked_messages(database) < expected:
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the server stopped tracking at {tracked_messages(database)}")
        await asyncio.sleep(0.05)


def message_event(number: int, per_thread: int) -> dict:
    """The number-th message event: threads of `per_thread`, a customer's message first."""
    thread, turn = divmod(number, per_thread)
    root = 1_700_000_000 + thread
    customer = turn % 2 == 0
    lines = CUSTOMER_LINES if customer else AGENT_LINES
    event = {
        "type": "message",
        "channel": CHANNEL,
        "user": f"U_CUST{thread}" if customer else AGENTS[thread % len(AGENTS)],
        "text": lines[(thread + turn) % len(lines)].format(n=40_000 + thread),
        "ts": f"{root + turn / 1000:.6f}",
        "team": TEAM,
    }
    if turn:
        event["thread_ts"] = f"{root:.6f}"
    return event


def envelope(event: dict, number: int) -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A1",
            "type": "event_callback",
            "event": event,
            "event_id": f"EvSOAK{number:08d}",
            "event_time": int(time.time()),
        }
    )


def slash_command(number: int, base: str) -> str:
    return urlencode(
        {
            "command": "/mot-tip",
            "text": CUSTOMER_LINES[number % len(CUSTOMER_LINES)].format(n=number),
            "user_id": AGENTS[number % len(AGENTS)],
            "channel_id": CHANNEL,
            "team_id": TEAM,
            "response_url": f"{base}/response/{number}",
        }
    )


async def post(session, url: str, body: str, content_type: str, verifier) -> None:
    ts = str(int(time.time()))
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body),
    }
    async with session.post(url, data=body, headers=headers) as response:
        await response.read()
        if response.status != 200:
            raise SystemExit(f"the server answered {response.status}")


async def send_batch(session, url, base, numbers, per_thread, verifier) -> int:
    """Sends the events `numbers`, 16 at a time; returns how many were message events."""
    bodies = []
    for number in numbers:
        if number % 50 == 49:
            bodies.append((slash_command(number, base), "application/x-www-form-urlencoded"))
        else:
            bodies.append((envelope(message_event(number, per_thread), number), "json"))
    gate = asyncio.Semaphore(16)

    async def one(body: str, kind: str) -> None:
        async with gate:
            content_type = "application/json" if kind == "json" else kind
            await post(session, url, body, content_type, verifier)

    await asyncio.gather(*(one(body, kind) for body, kind in bodies))
    return sum(kind == "json" for _, kind in bodies)


def slope(points: list[tuple[int, int]]) -> float:
    """Least-squares growth in KiB per event."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0


async def main(options) -> None:
    collector = Collector()
    runner = web.AppRunner(collector.app)
    await runner.setup()
    collector_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", collector_port).start()
    base = f"http://127.0.0.1:{collector_port}"
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    database = workdir / "log.db"
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(options.code).resolve()),
        "SLACK_BOT_TOKEN": "xoxb-soak",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{base}/api/",
        "MOT_LLM_BACKEND": "offline",
        "MOT_DATABASE_URL": f"sqlite:///{database}",
        "MOT_SUPPORT_CHANNELS": CHANNEL,
        "MOT_AGENTS": ",".join(AGENTS),
    }
    env.pop("SLACK_APP_TOKEN", None)
    serve = ["serve", "--host", "127.0.0.1", "--port", str(port)]
    trace_file = workdir / "objects.txt"
    if options.trace:
        command = [sys.executable, "-c", TRACED_SERVE, str(trace_file), *serve]
    else:
        command = [sys.executable, "-m", "bot", *serve]
    server = subprocess.Popen(
        command, env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    samples: list[tuple[int, int]] = []
    started = time.perf_counter()
    try:
        await wait_ready(f"http://127.0.0.1:{port}/healthz")
        url = f"http://127.0.0.1:{port}/slack/events"
        verifier = SignatureVerifier(SECRET)
        tracked = 0
        async with aiohttp.ClientSession() as session:
            for first in range(0, options.events, 1000):
                numbers = range(first, min(first + 1000, options.events))
                tracked += await send_batch(
                    session, url, base, numbers, options.threads_every, verifier
                )
                await wait_tracked(database, tracked, server)
                samples.append((numbers[-1] + 1, rss_kib(server.pid)))
                print(f"  {samples[-1][0]:>6} events  RSS {samples[-1][1] / 1024:7.1f} MiB")
                if options.trace and first == 1000:
                    server.send_signal(signal.SIGUSR1)  # the baseline, after warm-up
        if options.trace:
            server.send_signal(signal.SIGUSR1)
            server.send_signal(signal.SIGUSR2)
            while not trace_file.exists() or not trace_file.stat().st_size:
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)  # the file is written in one go; let it finish
    finally:
        server.terminate()
        server.wait(15)
        await runner.cleanup()
    elapsed = time.perf_counter() - started
    third = max(2, len(samples) // 3)
    early, late = slope(samples[:third]), slope(samples[-third:])
    threads = options.events // options.threads_every
    print(
        f"{options.events} events ({threads} threads, a /mot-tip every 50) in {elapsed:.0f} s; "
        f"server from {options.code}"
    )
    print(f"  RSS {samples[0][1] / 1024:.1f} MiB after 1,000 -> {samples[-1][1] / 1024:.1f} MiB")
    print(f"  growth: first third {early:.3f} KiB/event, last third {late:.3f} KiB/event")
    ratio = late / early if early > 0 else float("inf")
    verdict = "levels off" if late < 0.25 * max(early, 0.1) else "still growing"
    print(f"  last/first third: {ratio:.2f} -> {verdict}")
    if options.trace:
        print("live objects (gc) by type, growth between 2,000 events and the end:")
        print(trace_file.read_text())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=15_000)
    parser.add_argument("--threads-every", type=int, default=5, help="messages per thread")
    parser.add_argument("--code", default=str(REPO), help="checkout the server runs from")
    parser.add_argument("--trace", action="store_true", help="count the server's objects by type")
    asyncio.run(main(parser.parse_args()))
