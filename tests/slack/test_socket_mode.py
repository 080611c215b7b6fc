"""Socket Mode (SLACK_APP_TOKEN): `serve` connects out over a WebSocket; no public URL."""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.web.app import create_app
from tests.slack.conftest import slack_settings
from tests.slack.mock_slack import TEAM


async def test_socket_mode_acks_over_the_socket_and_answers_privately(mock_slack, tmp_path):
    settings = slack_settings(mock_slack, tmp_path, slack_app_token="xapp-1-test")
    runner = web.AppRunner(create_app(settings))
    await runner.setup()  # connects to Slack (apps.connections.open, then the WebSocket)
    try:
        assert mock_slack.of("apps.connections.open")
        for _ in range(200):
            if mock_slack.sockets:
                break
            await asyncio.sleep(0.01)
        command = {
            "command": "/mot-tip",
            "text": "I was charged twice for my order.",
            "user_id": "U_AGENT",
            "channel_id": "C_SUPPORT",
            "team_id": TEAM,
            "response_url": f"{mock_slack.url}/response/socket",
        }
        await mock_slack.sockets[0].send_json(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "payload": command,
                "accepts_response_payload": True,
            }
        )
        (answer,) = await mock_slack.wait_for("response_url")
        assert "Billing" in answer.args["blocks"][0]["text"]["text"]
        (ack,) = [r for r in mock_slack.socket_replies if r.get("envelope_id") == "env-1"]
        assert ack["payload"]["text"] == "Coaching…"
    finally:
        await runner.cleanup()
