"""One driver per chat channel, so that the channel layer's behaviour is written once and run
for both: Slack through requests signed as Slack signs them (against the mock Web API), Teams
through real POSTs to /api/messages in emulator mode (against the mock Bot Connector).

Each driver speaks of people by role: `customer`, `agent`, `on-call`, and of the leads'
channel; each app is `serve`'s real aiohttp app on its own log (SQLite, or PostgreSQL where a
test asks for it)."""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import ClassVar

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.teams.endpoint import TEAMS_BOT
from tests.slack.conftest import SlackServer, mock_slack, slack_settings
from tests.teams import activities as A
from tests.teams.conftest import connector, teams_settings

__all__ = ["chat", "connector", "mock_slack"]  # the channels' fixtures, used here too

WAIT = 10.0  # seconds before a wait gives up (a failing test, not a slow one)


async def until(condition, what: str) -> None:
    """Until `condition()` holds: the channel's work after an ack runs in the background."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        await asyncio.sleep(0.01)


@dataclass
class Sent:
    """What the bot sent: to a person (a nudge) or to a channel (an alert), and its text."""

    to: str
    text: str


@dataclass
class SlackDriver:
    mock: object
    tmp_path: object
    kind = "slack"
    PEOPLE: ClassVar = {"customer": "U_CUST", "agent": "U_AGENT", "on-call": "U_ONCALL"}
    LEADS, SUPPORT, OTHER = "C_LEADS", "C_SUPPORT", "C_OTHER"
    servers: list = field(default_factory=list)
    _ts: itertools.count = field(default_factory=lambda: itertools.count())

    async def app(self, **settings) -> SlackServer:
        values = {"mot_nudge_on": "playbook", "mot_support_channels": [self.SUPPORT]}
        values |= settings
        server = SlackServer(self.mock, slack_settings(self.mock, self.tmp_path, **values))
        self.servers.append(await server.start())
        return server

    def thread(self) -> str:
        return f"{time.time() + next(self._ts):.6f}"

    def _event(self, channel, thread, who, text, ts) -> dict:
        event = {"type": "message", "channel": channel, "user": self.PEOPLE[who], "text": text}
        event |= {"ts": ts, "team": "T1"}
        return event if ts == thread else event | {"thread_ts": thread}  # a reply

    async def say(self, app, thread, n, who, text, channel=None, event_id=None) -> str:
        """Message `n` (0 starts the thread) of `who`; returns its id (its ts)."""
        ts = f"{float(thread) + n:.6f}"
        event = self._event(channel or self.SUPPORT, thread, who, text, ts)
        status, _, _ = await app.event(event, event_id)
        assert status == 200
        return ts

    async def decided(self, app, thread, messages, channel=None) -> None:
        def done():
            found = app.mot.tracker.cached(channel or self.SUPPORT, thread)
            decided = found is not None and found.decided_on >= messages
            return decided and not app.mot.listening.deciding

        await until(done, f"{thread} decided on with {messages} message(s)")

    async def repeat(self, app, thread, who, text, ts, event_id) -> None:
        before = app.mot.listening.repeats
        status, _, _ = await app.event(self._event(self.SUPPORT, thread, who, text, ts), event_id)
        assert status == 200
        await until(lambda: app.mot.listening.repeats > before, "the repeat was recognised")

    def tracked(self, app, thread, channel=None) -> list[tuple[str, str]]:
        found = app.mot.tracker.cached(channel or self.SUPPORT, thread)
        return [(m.role, m.text) for m in found.conversation.messages] if found else []

    def nudges(self) -> list[Sent]:
        return [
            Sent(c.args["user"], str(c.args.get("blocks")))
            for c in self.mock.of("chat.postEphemeral")
            if "went from" in str(c.args.get("blocks"))
        ]

    def alerts(self) -> list[Sent]:
        return [Sent(c.args["channel"], c.args["text"]) for c in self.mock.of("chat.postMessage")]

    def listening(self, app):
        return app.mot.listening

    async def close(self) -> None:
        for server in self.servers:
            await server.stop()


@dataclass
class TeamsDriver:
    connector: object
    tmp_path: object
    kind = "teams"
    PEOPLE: ClassVar = {"customer": "29:cus", "agent": "29:ana", "on-call": "29:oncall"}
    NAMES: ClassVar = {
        "29:cus": "Carla Customer",
        "29:ana": "Ana Agent",
        "29:oncall": "Otto On-call",
    }
    LEADS, SUPPORT, OTHER = "19:leads@thread.tacv2", A.CHANNEL, "19:other@thread.tacv2"
    clients: list = field(default_factory=list)
    _roots: itertools.count = field(default_factory=lambda: itertools.count(1_800_000_000_000))

    async def app(self, **settings) -> TestClient:
        renamed = {
            "mot_agents": ["29:ana"],
            "mot_support_channels": [self.SUPPORT],
            "mot_leads_channel": self.LEADS,
            "mot_on_call": {"*": "29:oncall"},
        }
        for key, value in settings.items():  # the Slack-shaped values of a test, in Teams ids
            renamed[key] = self._teams_value(value)
        from bot.web.app import create_app

        client = TestClient(TestServer(create_app(teams_settings(self.tmp_path, **renamed))))
        await client.start_server()
        self.clients.append(client)
        return client

    def _teams_value(self, value):
        ids = {"C_LEADS": self.LEADS, "C_SUPPORT": self.SUPPORT, "U_ONCALL": "29:oncall"}
        if isinstance(value, dict):
            return {k: ids.get(v, v) for k, v in value.items()}
        if isinstance(value, list):
            return [ids.get(v, v) for v in value]
        return ids.get(value, value) if isinstance(value, str) else value

    def thread(self) -> str:
        return str(next(self._roots) * 1000)

    def _activity(self, channel, thread, who, text, message_id) -> dict:
        sender = A.user(self.PEOPLE[who], self.NAMES[self.PEOPLE[who]])
        activity = A.channel_message(self.connector.url, thread, text, sender)
        activity["id"] = message_id
        activity["conversation"]["id"] = f"{channel};messageid={thread}"
        activity["channelData"]["channel"] = {"id": channel}
        activity["channelData"]["teamsChannelId"] = channel
        return activity

    def _chain(self, app, thread, channel=None):
        bot = app.server.app[TEAMS_BOT]
        channel = channel or self.SUPPORT
        return bot, bot.tracker.cached(channel, f"{channel};messageid={thread}")

    async def say(self, app, thread, n, who, text, channel=None, event_id=None) -> str:
        """Message `n` (0 starts the chain) of `who`; returns its id."""
        message_id = str(int(thread) + n)
        activity = self._activity(channel or self.SUPPORT, thread, who, text, message_id)
        response = await app.post("/api/messages", json=activity)
        assert response.status == 201, await response.text()
        return message_id

    async def decided(self, app, thread, messages, channel=None) -> None:
        return None  # a Teams POST is answered once its turn is done

    async def repeat(self, app, thread, who, text, ts, event_id) -> None:
        activity = self._activity(self.SUPPORT, thread, who, text, ts)
        before = self.listening(app).repeats
        response = await app.post("/api/messages", json=activity)
        assert response.status == 201
        assert self.listening(app).repeats == before + 1

    def tracked(self, app, thread, channel=None) -> list[tuple[str, str]]:
        _, found = self._chain(app, thread, channel)
        return [(m.role, m.text) for m in found.conversation.messages] if found else []

    def _people_chats(self) -> dict[str, str]:
        return {
            call.conversation: call.body["members"][0]["id"]
            for call in self.connector.calls
            if call.path == "/v3/conversations" and not call.body.get("isGroup")
        }

    def _channel_posts(self) -> dict[str, str]:
        return {
            call.conversation: call.body["channelData"]["channel"]["id"]
            for call in self.connector.calls
            if call.path == "/v3/conversations" and call.body.get("isGroup")
        }

    def _sent(self, where: dict[str, str]) -> list[Sent]:
        return [
            Sent(where[call.conversation], str(call.body))
            for call in self.connector.calls
            if "/activities" in call.path and call.conversation in where
        ]

    def nudges(self) -> list[Sent]:
        return self._sent(self._people_chats())

    def alerts(self) -> list[Sent]:
        return self._sent(self._channel_posts())

    def listening(self, app):
        return app.server.app[TEAMS_BOT].listening

    async def close(self) -> None:
        for client in self.clients:
            await client.close()


@pytest.fixture(params=["slack", "teams"])
async def chat(request, tmp_path, mock_slack, connector):
    """The same scenarios on each channel, through its real interface."""
    if request.param == "slack":
        driver = SlackDriver(mock_slack, tmp_path)
    else:
        driver = TeamsDriver(connector, tmp_path)
    yield driver
    await driver.close()
