"""The same signed slash command or shortcut delivered again (a retry, a replay) coaches and
logs once, by its trigger_id in the log's once-only deliveries; the replay gets an empty ack."""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from bot.store.models import events
from tests.slack.conftest import signed_headers
from tests.slack.test_interactions import BILLING, shortcut, thread_replies

FORM = "application/x-www-form-urlencoded"
LATE = "My parcel was due on Monday and still hasn't arrived."


def logged_agents(server) -> list[str]:
    with server.mot.store.engine.connect() as connection:
        return sorted(connection.execute(select(events.c.agent)).scalars())


async def test_a_command_sent_three_times_coaches_and_logs_once(slack_server, mock_slack):
    server = await slack_server()
    body = server.command_body(BILLING, "U_AGENT", trigger_id="trig-replayed")
    headers = signed_headers(body)  # the very same signed request, three times
    answers = [await server.post(body, FORM, headers=headers) for _ in range(3)]
    assert [status for status, _, _ in answers] == [200, 200, 200]
    assert json.loads(answers[0][1])["text"] == "Coaching…"
    assert [text for _, text, _ in answers[1:]] == ["", ""]  # empty acks
    # Another user's command, coached after the replays were dropped: two tips in all.
    await server.command(LATE, user="U_AGENT2")
    calls = await mock_slack.wait_for("response_url", 2)
    await server.wait_logged(2)
    assert len(calls) == 2 and sum("Billing" in str(call.args) for call in calls) == 1
    assert logged_agents(server) == ["U_AGENT", "U_AGENT2"]


async def test_a_replay_to_another_replica_is_dropped_too(slack_server, mock_slack):
    """Two replicas on one log: the first delivery to either claims the trigger_id."""
    first, second = await slack_server(), await slack_server()
    body = first.command_body(BILLING, "U_AGENT", trigger_id="trig-both")
    status, text, _ = await first.post(body, FORM)
    assert status == 200 and json.loads(text)["text"] == "Coaching…"
    status, text, _ = await second.post(body, FORM)
    assert status == 200 and text == ""
    await second.command(LATE, user="U_AGENT2")
    await mock_slack.wait_for("response_url", 2)
    await first.wait_logged(2)
    assert logged_agents(first) == ["U_AGENT", "U_AGENT2"]


async def test_a_shortcut_delivered_twice_coaches_once(slack_server, mock_slack):
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    server = await slack_server()
    payload = shortcut(root)
    for _ in range(2):
        status, text, _ = await server.interact(payload)
        assert status == 200 and text == ""
    await server.interact(shortcut(root, user="U_AGENT2"))  # a new action: a new trigger_id
    tips = await mock_slack.wait_for("chat.postEphemeral", 2)
    await server.wait_logged(2)
    assert sorted(tip.args["user"] for tip in tips) == ["U_AGENT", "U_AGENT2"]
    assert logged_agents(server) == ["U_AGENT", "U_AGENT2"]
