"""Two Slack workspaces served by one app (SLACK_BOT_TOKEN single-token mode; the team id
comes from each request), each with its own support channels and team knowledge: one from its
file in MOT_WORKSPACES_DIR, one from the dashboard's table. Real signed requests, mock Slack."""

import json
import time
import uuid
from urllib.parse import urlencode

import pytest

from bot.store import Store
from bot.workspaces import WorkspaceKey, WorkspaceSettings
from bot.workspaces.stored import write_stored
from tests.slack.conftest import signed_headers

CHARGED_TWICE = "I was charged twice for my order and I want a refund now"


@pytest.fixture
async def two_workspaces(slack_server, mock_slack, tmp_path):
    folder = tmp_path / "workspaces"
    folder.mkdir()
    (folder / "one.yaml").write_text(
        "channel: slack\nworkspace: T_ONE\nsupport_channels: C_ONE\n"
        "knowledge: {facts: {refund_time: within 2 days (team one)}}\n"
    )
    store = Store(f"sqlite:///{tmp_path / 'log.db'}")
    two = {"support_channels": ["C_TWO"], "knowledge": {"facts": {"refund_time": "in 8 days"}}}
    write_stored(store, WorkspaceKey("slack", "T_TWO"), WorkspaceSettings(**two), "alice")
    store.close()
    return await slack_server(mot_support_channels=[], mot_workspaces_dir=folder)


async def event_in(server, team: str, channel: str, user: str, text: str, ts: float):
    envelope = {
        "token": "legacy",
        "team_id": team,
        "api_app_id": "A1",
        "type": "event_callback",
        "event": {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{ts:.6f}",
            "team": team,
        },
        "event_id": f"Ev{uuid.uuid4().hex[:16]}",
        "event_time": int(time.time()),
    }
    body = json.dumps(envelope)
    status, _, _ = await server.post(body, "application/json", signed_headers(body))
    assert status == 200


async def command_in(server, team: str, channel: str, user: str, text: str):
    body = urlencode(
        {
            "command": "/mot-tip",
            "text": text,
            "user_id": user,
            "channel_id": channel,
            "team_id": team,
            "response_url": f"{server.mock.url}/response/{user}",
            "trigger_id": f"trig-{uuid.uuid4().hex[:12]}",
        }
    )
    status, _, _ = await server.post(body, "application/x-www-form-urlencoded")
    assert status == 200


async def test_each_workspace_listens_to_its_own_support_channels(two_workspaces):
    server = two_workspaces
    now = time.time()
    sent = [
        ("T_ONE", "C_ONE", now),  # team one's support channel
        ("T_ONE", "C_TWO", now + 1),  # team two's, not team one's
        ("T_TWO", "C_TWO", now + 2),
        ("T_TWO", "C_ONE", now + 3),
    ]
    for team, channel, ts in sent:
        await event_in(server, team, channel, "U_CUS", "Where is my parcel? It is late", ts)
    await server.wait_thread(now, 1, channel="C_ONE")
    await server.wait_thread(now + 2, 1, channel="C_TWO")
    await server.settle()  # the two that must not be tracked have had their chance
    tracked = {
        (team, channel)
        for team, channel, ts in sent
        if server.mot.tracker.get(channel, f"{ts:.6f}") is not None
    }
    assert tracked == {("T_ONE", "C_ONE"), ("T_TWO", "C_TWO")}
    assert server.mot.tracker.get("C_ONE", f"{now:.6f}").workspace == "T_ONE"


async def test_each_workspace_is_coached_with_its_own_knowledge(two_workspaces):
    server = two_workspaces
    await command_in(server, "T_ONE", "C_ONE", "U_ANA", CHARGED_TWICE)
    await command_in(server, "T_TWO", "C_TWO", "U_BEN", CHARGED_TWICE)
    answers = await server.mock.wait_for("response_url", 2)
    by_user = {
        token: json.dumps(call.args)
        for token, call in zip(server.mock.response_tokens, answers, strict=True)
    }
    assert "within 2 days (team one)" in by_user["U_ANA"] and "8 days" not in by_user["U_ANA"]
    assert "in 8 days" in by_user["U_BEN"] and "team one" not in by_user["U_BEN"]
    await server.wait_logged(2)
