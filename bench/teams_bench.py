"""/api/messages turn latency on the offline backend, over real HTTP on loopback.

    python bench/teams_bench.py [--turns 300] [--warmup 20]

Starts `mot-coach serve`'s app (emulator mode: MOT_TEAMS_EMULATOR) on 127.0.0.1 with a fresh
SQLite log, and a local mock Bot Connector as the serviceUrl. Times, for each kind of turn, the
POST of one Teams activity until its HTTP answer, which includes coaching, the log write and the
bot's own call to the connector:
- mot-tip in a personal chat (the card goes back through the connector);
- a channel message in a tracked reply chain (dedupe claim in the store; no nudge);
- a card action "Use this" (outcome written; the card is returned in the invoke response).
Prints p50, p99 and max in milliseconds. Loopback only; bounded by --turns (at most 5000).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.teams

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.web.app import create_app
from tests.teams import activities as A
from tests.teams.connector import MockConnector

TIP = "mot-tip Customer: I was charged twice for order 1234\nCustomer: I want my money back"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def timed(session: ClientSession, url: str, activity: dict) -> float:
    started = time.perf_counter()
    async with session.post(url, json=activity) as response:
        await response.read()
        if response.status not in (200, 201):
            raise SystemExit(f"unexpected {response.status}: {await response.text()}")
    return (time.perf_counter() - started) * 1000


def kinds(service: str, use: dict) -> dict[str, object]:
    customer = A.user("29:cus", "Carla")
    return {
        "mot-tip (personal)": lambda i: A.personal(service, TIP),
        "channel message": lambda i: A.channel_message(
            service, str(1_800_000_000_000 + i // 10), f"question {i} about my order", customer
        ),
        "card action (use)": lambda i: A.card_action(service, "use", use),
    }


async def run(turns: int, warmup: int) -> None:
    connector = MockConnector()
    connector_server = TestServer(connector.app(), host="127.0.0.1")
    await connector_server.start_server()
    service = str(connector_server.make_url("/")).rstrip("/")
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            mot_database_url=f"sqlite:///{folder}/bench.db",
            mot_spool_path=Path(folder) / "spool.jsonl",
            mot_agents=["29:ana"],
            microsoft_app_id=None,
            mot_teams_emulator=True,
        )
        server = TestServer(create_app(settings), host="127.0.0.1")
        await server.start_server()
        url = str(server.make_url("/api/messages"))
        print(f"{turns} turns per kind after {warmup} warm-up turns; offline backend; SQLite log")
        print(f"{'turn':<22}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        async with ClientSession() as session:
            await timed(session, url, A.personal(service, TIP))
            first = connector.cards()[0]["body"]  # a real log id for "Use this"
            container = next(block for block in first if block["type"] == "Container")
            use = container["items"][-1]["actions"][0]["data"]
            for name, make in kinds(service, use).items():
                for i in range(warmup):
                    await timed(session, url, make(-1 - i))
                times = [await timed(session, url, make(i)) for i in range(turns)]
                print(
                    f"{name:<22}{statistics.median(times):>9.2f}"
                    f"{percentile(times, 0.99):>9.2f}{max(times):>9.2f}"
                )
        await server.close()
    await connector_server.close()
    print(f"connector calls recorded: {len(connector.calls)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    if not 1 <= args.turns <= 5000 or not 0 <= args.warmup <= 1000:
        parser.error("--turns must be 1..5000 and --warmup 0..1000")
    asyncio.run(run(args.turns, args.warmup))


if __name__ == "__main__":
    main()
