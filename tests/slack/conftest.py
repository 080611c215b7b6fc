"""The Slack scenario harness: `create_app` on an ephemeral port, a mock Slack Web API behind
SLACK_API_URL, and requests signed as Slack signs them (slack_sdk's SignatureVerifier)."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings
from bot.slack.app import SLACK
from bot.web.app import create_app
from tests.slack.mock_slack import TEAM, MockSlack

SECRET = "test-signing-secret-0123456789abcdef"
SUPPORT = "C_SUPPORT"


def signed_headers(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def slack_settings(mock: MockSlack, tmp_path, **overrides) -> Settings:
    values = {
        "slack_bot_token": "xoxb-test",
        "slack_signing_secret": SECRET,
        "slack_api_url": mock.url + "/api/",
        "mot_database_url": f"sqlite:///{tmp_path / 'log.db'}",
        "mot_support_channels": [SUPPORT, "support-billing"],
        "mot_agents": ["U_AGENT", "S_AGENTS"],
        "mot_leads": ["U_LEAD"],
        "mot_leads_channel": "C_LEADS",
        "mot_on_call": {"*": "U_ONCALL"},
        # these scenarios are about escalation; the playbook policy is in tests/channels
        "mot_nudge_on": "escalate",
    }
    return Settings(**(values | overrides))


class SlackServer:
    """`serve`'s real aiohttp app, on 127.0.0.1 and an ephemeral port."""

    def __init__(self, mock: MockSlack, settings: Settings, coach=None):
        self.mock, self.settings, self.coach = mock, settings, coach
        self.events = 0

    async def start(self) -> SlackServer:
        self.app = create_app(self.settings, self.coach)
        self.runner = web.AppRunner(self.app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/slack/events"
        self.session = aiohttp.ClientSession()
        return self

    async def stop(self) -> None:
        await self.session.close()
        await self.runner.cleanup()

    @property
    def mot(self):
        return self.app[SLACK]

    async def post(self, body: str, content_type: str, headers: dict | None = None):
        headers = {"Content-Type": content_type, **(headers or signed_headers(body))}
        started = time.perf_counter()
        async with self.session.post(self.url, data=body.encode(), headers=headers) as response:
            text = await response.text()
        return response.status, text, time.perf_counter() - started

    async def command(
        self,
        text: str = "",
        user: str = "U_AGENT",
        channel: str = SUPPORT,
        trigger_id: str | None = None,
    ):
        """A signed /mot-tip; each gets its own trigger_id, as each is a new user action,
        unless `trigger_id` says otherwise (a replay)."""
        body = self.command_body(text, user, channel, trigger_id)
        return await self.post(body, "application/x-www-form-urlencoded")

    def command_body(
        self, text: str, user: str, channel: str = SUPPORT, trigger_id: str | None = None
    ) -> str:
        return urlencode(
            {
                "command": "/mot-tip",
                "text": text,
                "user_id": user,
                "channel_id": channel,
                "team_id": TEAM,
                "response_url": f"{self.mock.url}/response/{user}",
                "trigger_id": trigger_id or f"trig-{uuid.uuid4().hex[:12]}",
            }
        )

    async def interact(self, payload: dict):
        body = urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def event(self, event: dict, event_id: str | None = None, retry: int | None = None):
        self.events += 1
        envelope = {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A1",
            "type": "event_callback",
            "event": event,
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:16]}",
            "event_time": int(time.time()),
        }
        body = json.dumps(envelope)
        headers = signed_headers(body)
        if retry is not None:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.post(body, "application/json", headers)

    async def say(
        self,
        user: str,
        text: str,
        ts: float,
        thread: float | None = None,
        channel: str = SUPPORT,
        event_id: str | None = None,
        retry: int | None = None,
        **extra,
    ) -> tuple:
        """A message event; waits until the thread holds it (when it is to be tracked)."""
        event = {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{ts:.6f}",
            "team": TEAM,
            **extra,
        }
        if thread is not None:
            event["thread_ts"] = f"{thread:.6f}"
        return await self.event(event, event_id, retry)

    async def wait_logged(self, events: int, timeout: float = 5.0) -> None:
        """Until the log holds `events` coaching events (a tip is logged once delivered)."""
        import asyncio

        from bot.store.filters import LogFilter
        from bot.store.queries import count_events

        deadline = time.monotonic() + timeout
        self.mot.store.ensure_schema()
        while count_events(self.mot.store, LogFilter()) < events:
            assert time.monotonic() < deadline, f"the log never held {events} event(s)"
            await asyncio.sleep(0.02)

    async def wait_thread(
        self, root: float, messages: int, channel: str = SUPPORT, decided: bool = False
    ):
        """Until the tracked thread holds `messages` messages (lazy listeners run after ack) and,
        with `decided`, its escalation has been decided on all of them (so the next message's
        nudge says the level they set, not the level before them)."""
        import asyncio
        import time

        deadline = time.monotonic() + 30  # generous: a loaded machine runs listeners late
        while time.monotonic() < deadline:
            thread = self.mot.tracker.get(channel, f"{root:.6f}")
            held = thread is not None and len(thread.conversation.messages) >= messages
            if held and (not decided or thread.decided_on >= messages):
                return thread
            await asyncio.sleep(0.01)
        raise AssertionError(f"the thread {root} never held {messages} decided message(s)")

    async def settle(self, seconds: float = 0.3) -> None:
        """Let lazy listeners finish (for things that must NOT happen)."""
        import asyncio

        await asyncio.sleep(seconds)


@pytest.fixture
async def mock_slack():
    mock = await MockSlack().start()
    mock.channel_names = {"C_NAMED": "support-billing", "C_OTHER": "random"}
    mock.usergroups = {"S_AGENTS": ["U_AGENT2"]}
    yield mock
    await mock.stop()


@pytest.fixture
async def slack_server(mock_slack, tmp_path):
    servers = []

    async def start(coach=None, **overrides) -> SlackServer:
        server = await SlackServer(
            mock_slack, slack_settings(mock_slack, tmp_path, **overrides), coach
        ).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()
