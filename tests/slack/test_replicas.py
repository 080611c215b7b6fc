"""Two `mot-coach serve` processes sharing one log (SQLite file, or PostgreSQL when
MOT_TEST_POSTGRES_URL is set), each receiving the same event: exactly one nudge."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import aiohttp
import pytest

from tests.conftest import REPO
from tests.serving import free_port
from tests.slack.conftest import SECRET, signed_headers
from tests.slack.mock_slack import TEAM
from tests.store_helpers import fresh_database_url

OPENING = "I was charged twice for my order."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)


def start_server(mock_url: str, database_url: str, workdir) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{mock_url}/api/",
        "MOT_DATABASE_URL": database_url,
        "MOT_SUPPORT_CHANNELS": "C_SUPPORT",
        "MOT_AGENTS": "U_AGENT",
        "MOT_LEADS_CHANNEL": "",
        "MOT_NUDGE_ON": "escalate",
        "PYTHONPATH": str(REPO),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, f"http://127.0.0.1:{port}"


async def wait_ready(session, base: str, process: subprocess.Popen | None = None) -> None:
    """Until `serve` answers /healthz: a cold start can take a while on a busy machine."""
    deadline = time.monotonic() + 60
    while True:
        assert process is None or process.poll() is None, f"{base} exited"
        try:
            async with session.get(f"{base}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        assert time.monotonic() < deadline, f"{base} did not start"
        await asyncio.sleep(0.05)


async def deliver(session, base: str, event: dict, event_id: str, retry: int | None = None):
    body = json.dumps(
        {
            "token": "t",
            "team_id": TEAM,
            "api_app_id": "A1",
            "type": "event_callback",
            "event": event,
            "event_id": event_id,
            "event_time": int(time.time()),
        }
    )
    headers = {"Content-Type": "application/json", **signed_headers(body)}
    if retry is not None:
        headers["X-Slack-Retry-Num"] = str(retry)
    async with session.post(f"{base}/slack/events", data=body, headers=headers) as response:
        assert response.status == 200


def message(user: str, text: str, ts: float, root: float | None = None) -> dict:
    event = {
        "type": "message",
        "channel": "C_SUPPORT",
        "user": user,
        "text": text,
        "ts": f"{ts:.6f}",
        "team": TEAM,
    }
    return event | ({"thread_ts": f"{root:.6f}"} if root else {})


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_two_processes_one_log_one_nudge(kind, mock_slack, tmp_path):
    database_url, cleanup = fresh_database_url(kind, tmp_path)
    servers = [start_server(mock_slack.url, database_url, tmp_path) for _ in range(2)]
    try:
        async with aiohttp.ClientSession() as session:
            for process, base in servers:
                await wait_ready(session, base, process)
            root = time.time()
            for number, (_, base) in enumerate(servers):  # each replica has seen the thread
                await deliver(session, base, message("U_CUST", OPENING, root), f"EvA{number}")
                await deliver(
                    session, base, message("U_AGENT", "Checking.", root + 1, root), f"EvB{number}"
                )
            await asyncio.sleep(0.5)
            angry = message("U_CUST", ANGRY, root + 2, root)
            await asyncio.gather(
                *(
                    deliver(session, base, angry, "EvSAME", retry)
                    for (_, base), retry in zip(servers, (None, 1), strict=True)
                )
            )
            await mock_slack.wait_for("chat.postEphemeral", timeout=10)
            await asyncio.sleep(1.0)
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(15)
        cleanup()
    nudges = [c for c in mock_slack.of("chat.postEphemeral") if "went from" in str(c.args)]
    assert len(nudges) == 1 and nudges[0].args["user"] == "U_AGENT"
