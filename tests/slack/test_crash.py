"""A `serve` process killed with SIGKILL while tips are being delivered: every tip the stand-in
Slack received has a record in the log, because a tip is recorded before it is sent."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
from sqlalchemy import create_engine, select

from bot.store.models import events
from tests.serving import free_port
from tests.slack.conftest import SECRET, signed_headers
from tests.slack.mock_slack import TEAM, MockSlack

ROOT = Path(__file__).resolve().parents[2]  # this checkout's bot/, not another installed one
TIPS = 200  # /mot-tip requests in flight at once
KILL_AFTER = 20  # tips the stand-in Slack has received when the server is killed
TEXTS = [
    "I was charged twice for my order and nobody has refunded me.",
    "My parcel was due on Monday and still hasn't arrived. Where is it?",
    "This is the third time I contact you. I want to speak to a manager now.",
]


async def wait_ready(session: aiohttp.ClientSession, url: str, server) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, "serve exited before it was ready"
        try:
            async with session.get(url) as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise AssertionError(f"serve never answered {url}")


async def send_tip(session: aiohttp.ClientSession, url: str, mock: MockSlack, number: int):
    body = urlencode(
        {
            "command": "/mot-tip",
            "text": TEXTS[number % len(TEXTS)],
            "user_id": f"U{number:04d}",
            "channel_id": "C_SUPPORT",
            "team_id": TEAM,
            "trigger_id": f"trig-crash-{number}",
            "response_url": f"{mock.url}/response/U{number:04d}",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", **signed_headers(body)}
    try:
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
    except aiohttp.ClientError:
        pass  # the server was killed under it


def logged_agents(database: Path) -> set[str]:
    """Agents of the tips in the log: in the database, or in its spool if it was busy."""
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        agents = set(connection.execute(select(events.c.agent)).scalars())
    engine.dispose()
    spool = Path(f"{database}.spool.jsonl")
    if spool.exists():
        for line in spool.read_text().splitlines():
            record = json.loads(line)
            if record["kind"] == "event":
                agents.add(record["row"]["agent"])
    return agents


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
async def test_every_tip_slack_received_is_logged_after_sigkill(tmp_path, mock_slack):
    database, port = tmp_path / "log.db", free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{mock_slack.url}/api/",
        "MOT_LLM_BACKEND": "offline",
        "MOT_DATABASE_URL": f"sqlite:///{database}",
        "MOT_SUPPORT_CHANNELS": "C_SUPPORT",
    }
    env.pop("SLACK_APP_TOKEN", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=TIPS)) as session:
            await wait_ready(session, f"http://127.0.0.1:{port}/healthz", server)
            url = f"http://127.0.0.1:{port}/slack/events"
            requests = [
                asyncio.create_task(send_tip(session, url, mock_slack, n)) for n in range(TIPS)
            ]
            await mock_slack.wait_for("response_url", KILL_AFTER, timeout=60)
            server.send_signal(signal.SIGKILL)  # while the other tips are on their way
            await asyncio.to_thread(server.wait, 15)
            await asyncio.gather(*requests)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(15)
    assert server.returncode == -signal.SIGKILL
    received = set(mock_slack.response_tokens)
    assert KILL_AFTER <= len(received) < TIPS, "the kill did not land while tips were delivered"
    missing = received - logged_agents(database)
    assert not missing, f"{len(missing)} of {len(received)} delivered tips were never logged"


async def test_a_tip_is_in_the_log_before_slack_has_it_and_shown_after(slack_server, mock_slack):
    """What the crash test relies on, seen from Slack's side: when the tip arrives, its record
    is already written, with no outcome yet; once delivered it is marked shown."""
    server = await slack_server()
    seen_on_arrival: list[tuple] = []

    def read_log(token: str) -> None:
        with server.mot.store.engine.connect() as connection:
            rows = connection.execute(select(events.c.agent, events.c.outcome)).all()
        seen_on_arrival.append((token, [tuple(row) for row in rows]))

    mock_slack.on_response_url = read_log
    await server.command(TEXTS[0], user="U_FIRST")
    await mock_slack.wait_for("response_url")
    assert seen_on_arrival == [("U_FIRST", [("U_FIRST", None)])]
    deadline = time.monotonic() + 5
    while (outcome := logged_outcome(server)) is None and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert outcome == "shown"


def logged_outcome(server) -> str | None:
    with server.mot.store.engine.connect() as connection:
        return connection.execute(select(events.c.outcome)).scalar_one_or_none()
