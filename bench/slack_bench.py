"""/mot-tip under load: 50 concurrent signed slash commands against `mot-coach serve`, and
the same against a bare slack-bolt app (bench/bare_bolt.py) doing the same ack-then-respond.

    python bench/slack_bench.py [--concurrency 50] [--seconds 10] [--rounds 3] [--tree DIR]

`--tree` serves mot-coach from another source tree, e.g. an older commit for a before/after:
`mkdir /tmp/before && git archive c58e86c | tar -x -C /tmp/before` (the bare app always
runs from this tree).

Starts `mot-coach serve` (offline backend, a fresh SQLite log) as its own process on loopback,
pointed through SLACK_API_URL at a collector in this process that stands in for Slack. Each
worker sends a signed /mot-tip, waits for the ack, then for the tip at its response_url.
Reports ack latency (p50, p99) and time-to-tip (p50, p95), and the server CPU per request of
each app, from rounds run one after the other (bare, mot-coach, bare, ...) so both see the same
machine. Targets: ack p99 < 100 ms; offline time-to-tip p95 < 300 ms; CPU <= 1.5x bare Bolt.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import count
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

SECRET = "bench-signing-secret"
TEXTS = [
    "I was charged twice for my order and nobody has refunded me.",
    "My parcel was due on Monday and still hasn't arrived. Where is it?",
    "I can't log in to my account, the reset email never comes.",
    "This is the third time I contact you. I want to speak to a manager now.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Collector:
    """Stands in for Slack: answers the Web API and receives response_url posts."""

    def __init__(self):
        self.waiting: dict[str, asyncio.Future] = {}
        self.app = web.Application()
        self.app.router.add_post("/response/{id}", self.response)
        self.app.router.add_route("*", "/api/{method}", self.api)

    async def response(self, request: web.Request) -> web.Response:
        await request.read()
        future = self.waiting.pop(request.match_info["id"], None)
        if future and not future.done():
            future.set_result(time.perf_counter())
        return web.Response(text="ok")

    async def api(self, request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"})


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux): a figure that
    the machine's other load disturbs far less than latencies."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def wait_ready(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"the server at {url} did not start")


async def worker(session, url, collector, base, ids, stop_at, acks, tips, errors) -> None:
    verifier = SignatureVerifier(SECRET)
    while time.perf_counter() < stop_at:
        request_id = str(next(ids))
        body = urlencode(
            {
                "command": "/mot-tip",
                "text": TEXTS[int(request_id) % len(TEXTS)],
                "user_id": f"U{request_id}",
                "channel_id": "C1",
                "team_id": "T1",
                "response_url": f"{base}/response/{request_id}",
                "trigger_id": f"bench-{request_id}",  # as Slack sends: claimed once (replays)
            }
        )
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body),
        }
        tip = asyncio.get_running_loop().create_future()
        collector.waiting[request_id] = tip
        sent = time.perf_counter()
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
            if response.status != 200:
                errors.append(response.status)
                continue
        acks.append(time.perf_counter() - sent)
        try:
            tips.append(await asyncio.wait_for(tip, 5) - sent)
        except TimeoutError:
            errors.append("no tip within 5 s")


async def healthz_baseline(session, port: int, concurrency: int, seconds: float) -> list[float]:
    """The same server, connections and concurrency on GET /healthz: what HTTP alone costs here
    now, the baseline the /mot-tip figures are read against."""
    url, latencies = f"http://127.0.0.1:{port}/healthz", []
    stop_at = time.perf_counter() + seconds

    async def probe() -> None:
        while time.perf_counter() < stop_at:
            sent = time.perf_counter()
            async with session.get(url) as response:
                await response.read()
            latencies.append(time.perf_counter() - sent)

    await asyncio.gather(*(probe() for _ in range(concurrency)))
    return latencies


class Run:
    """One server under load: its acks, tips, errors and the CPU it spent on them."""

    def __init__(self):
        self.acks: list[float] = []
        self.tips: list[float] = []
        self.errors: list = []
        self.cpu = 0.0
        self.baseline: list[float] = []

    @property
    def cpu_ms(self) -> float:
        return self.cpu / max(len(self.acks), 1) * 1000


REPO = Path(__file__).resolve().parents[1]


def mot_coach_server(tree: Path):
    """Starts `mot-coach serve` from the source tree `tree` (this one, or an older checkout)."""

    def start(port: int, env: dict, workdir: str) -> subprocess.Popen:
        command = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
        return subprocess.Popen(
            command,
            env={**env, "PYTHONPATH": str(tree)},
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    return start


def bare_bolt_server(port: int, env: dict, workdir: str) -> subprocess.Popen:
    command = [sys.executable, str(Path(__file__).with_name("bare_bolt.py")), str(port)]
    return subprocess.Popen(
        command,
        env={**env, "PYTHONPATH": str(REPO)},
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def load(start, collector, base, concurrency, seconds, healthz=False) -> Run:
    """Start a server (`start(port, env, workdir)`), warm it up, then send /mot-tip from
    `concurrency` workers for `seconds`, measuring the server's CPU."""
    port, workdir, run = free_port(), tempfile.mkdtemp(prefix="slack-bench-"), Run()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{base}/api/",
        "MOT_LLM_BACKEND": "offline",
        "MOT_DATABASE_URL": f"sqlite:///{workdir}/log.db",
    }
    env.pop("SLACK_APP_TOKEN", None)
    server = start(port, env, workdir)
    try:
        await wait_ready(f"http://127.0.0.1:{port}/healthz")
        url = f"http://127.0.0.1:{port}/slack/events"
        ids = count(1)
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:
            warm_until = time.perf_counter() + 1.0  # warm-up: schema, auth.test, imports
            await asyncio.gather(
                *(
                    worker(session, url, collector, base, ids, warm_until, [], [], [])
                    for _ in range(concurrency)
                )
            )
            stop_at = time.perf_counter() + seconds
            cpu_before = cpu_seconds(server.pid)
            await asyncio.gather(
                *(
                    worker(
                        session, url, collector, base, ids, stop_at, run.acks, run.tips, run.errors
                    )
                    for _ in range(concurrency)
                )
            )
            run.cpu = cpu_seconds(server.pid) - cpu_before
            if healthz:
                run.baseline = await healthz_baseline(session, port, concurrency, seconds)
    finally:
        server.terminate()
        server.wait(15)
    if not run.acks:
        raise SystemExit(f"no successful requests; errors: {run.errors[:5]}")
    return run


async def main(concurrency: int, seconds: float, rounds: int, tree: Path) -> None:
    collector = Collector()
    runner = web.AppRunner(collector.app)
    await runner.setup()
    collector_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", collector_port).start()
    base = f"http://127.0.0.1:{collector_port}"
    bare_runs, mot_runs = [], []
    try:
        for number in range(rounds):  # interleaved, so both see the same machine
            bare_runs.append(await load(bare_bolt_server, collector, base, concurrency, seconds))
            last = number == rounds - 1
            mot_runs.append(
                await load(
                    mot_coach_server(tree), collector, base, concurrency, seconds, healthz=last
                )
            )
    finally:
        await runner.cleanup()
    ms, run = 1000, mot_runs[-1]
    print(f"mot-coach from {tree}")
    print(f"/mot-tip, {concurrency} concurrent for {seconds:.0f} s, offline backend, SQLite log")
    print(f"  requests {len(run.acks)} ({len(run.acks) / seconds:.0f}/s), errors {len(run.errors)}")
    print(
        f"  ack          p50 {statistics.median(run.acks) * ms:7.1f} ms   "
        f"p99 {percentile(run.acks, 99) * ms:7.1f} ms   (target p99 < 100 ms)"
    )
    print(
        f"  time-to-tip  p50 {statistics.median(run.tips) * ms:7.1f} ms   "
        f"p95 {percentile(run.tips, 95) * ms:7.1f} ms   (target p95 < 300 ms)"
    )
    rate = len(run.baseline) / seconds
    print(
        f"baseline: GET /healthz, {concurrency} concurrent, same server: {rate:.0f}/s, "
        f"p50 {statistics.median(run.baseline) * ms:.1f} ms, "
        f"p99 {percentile(run.baseline, 99) * ms:.1f} ms"
    )
    print(f"  /mot-tip requests/s are {len(run.acks) / seconds / rate:.2f}x the baseline's")
    ratios = [m.cpu_ms / b.cpu_ms for m, b in zip(mot_runs, bare_runs, strict=True)]
    print(f"server CPU per /mot-tip (user + system), median of {rounds} interleaved rounds:")
    print(f"  bare Bolt  {statistics.median(b.cpu_ms for b in bare_runs):.2f} ms")
    print(f"  mot-coach  {statistics.median(m.cpu_ms for m in mot_runs):.2f} ms")
    print(f"  ratio      {statistics.median(ratios):.2f}x bare Bolt (target <= 1.5x)")
    throughput = [
        len(m.acks) / max(len(b.acks), 1) for m, b in zip(mot_runs, bare_runs, strict=True)
    ]
    print(f"  requests/s {statistics.median(throughput):.2f}x bare Bolt's")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved bare/mot-coach runs")
    parser.add_argument(
        "--tree", type=Path, default=REPO, help="mot-coach source tree to serve (default: this)"
    )
    options = parser.parse_args()
    asyncio.run(main(options.concurrency, options.seconds, options.rounds, options.tree.resolve()))
