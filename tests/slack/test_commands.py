"""/mot-tip over real signed HTTP: ack first, then a private answer through response_url."""

from __future__ import annotations

import asyncio
import json
import time

from tests.slack.conftest import signed_headers
from tests.slack.gated_coach import gated_coach

BILLING = "I was charged twice for my order and nobody has refunded me."


async def test_mot_tip_with_text_answers_privately_with_suggestions(slack_server):
    server = await slack_server()
    status, body, _ = await server.command(BILLING)
    assert status == 200
    assert json.loads(body) == {"text": "Coaching…", "response_type": "ephemeral"}
    (answer,) = await server.mock.wait_for("response_url")
    args = answer.args
    assert args["response_type"] == "ephemeral" and args["replace_original"] is True
    texts = [b["text"]["text"] for b in args["blocks"] if b["type"] == "section"]
    assert "Billing" in texts[0]  # the moment, with its confidence
    assert sum(1 for t in texts if t.startswith(("*1.*", "*2.*", "*3.*"))) == 3
    action_ids = [
        e["action_id"] for b in args["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert {"mot_use_0", "mot_up_0", "mot_down_0", "mot_another"} <= set(action_ids)


async def test_mot_tip_on_an_unclear_message_still_coaches_with_low_confidence(slack_server):
    server = await slack_server()
    await server.command("Does anyone know a good recipe for banana bread?")
    (answer,) = await server.mock.wait_for("response_url")
    texts = [b["text"]["text"] for b in answer.args["blocks"] if b["type"] == "section"]
    assert "Low confidence" in texts[0], texts
    assert sum(1 for t in texts if t.startswith(("*1.*", "*2.*", "*3.*"))) == 3
    assert answer.args["text"].startswith("Coaching: Low confidence")


async def test_mot_tip_without_text_uses_the_callers_latest_thread(slack_server):
    server = await slack_server()
    now = time.time()
    await server.say("U_CUST", BILLING, now)
    await server.say("U_AGENT", "Let me look into that for you.", now + 1, thread=now)
    await server.wait_thread(now, 2)
    await server.command("")
    (answer,) = await server.mock.wait_for("response_url")
    assert "Billing" in answer.args["blocks"][0]["text"]["text"]


async def test_mot_tip_without_text_and_no_thread_says_what_to_do(slack_server):
    server = await slack_server()
    await server.command("", user="U_NOBODY")
    (answer,) = await server.mock.wait_for("response_url")
    assert "/mot-tip <the customer's message>" in answer.args["text"]


async def test_the_ack_arrives_before_the_coaching(slack_server, mock_slack, tmp_path):
    coach = gated_coach(mock_slack, tmp_path)
    server = await slack_server(coach=coach)
    # the coaching is held at the gate: the ack can only arrive if it does not wait for it
    status, body, _ = await asyncio.wait_for(server.command(BILLING), timeout=10)
    assert status == 200 and json.loads(body)["text"] == "Coaching…"
    await asyncio.to_thread(coach.entered.wait, 10)
    assert not server.mock.of("response_url") and coach.assessed == 0  # nothing coached yet
    coach.gate.set()
    (answer,) = await server.mock.wait_for("response_url")
    assert "Billing" in str(answer.args)


async def test_forged_signature_and_stale_timestamp_are_refused(slack_server):
    server = await slack_server()
    body = "command=%2Fmot-tip&text=hello&user_id=U1&channel_id=C1"
    forged = signed_headers(body, secret="not-the-secret")
    status, _, _ = await server.post(body, "application/x-www-form-urlencoded", forged)
    assert status == 401
    stale = signed_headers(body, timestamp=int(time.time()) - 6 * 60)
    status, _, _ = await server.post(body, "application/x-www-form-urlencoded", stale)
    assert status == 401
    await server.settle(0.1)
    assert server.mock.calls == []  # nothing was coached, nothing was called


async def test_work_waits_at_the_gate_while_acks_go_out_at_once(slack_server, mock_slack, tmp_path):
    """MOT_SLACK_CONCURRENCY=1: three tips are coached one after another, and every ack goes
    out while the first is still being coached."""
    coach = gated_coach(mock_slack, tmp_path, mot_slack_concurrency=1)
    server = await slack_server(coach=coach, mot_slack_concurrency=1)
    sent = [server.command(BILLING, user=f"U{n}") for n in range(3)]
    answers = await asyncio.wait_for(asyncio.gather(*sent), timeout=10)
    assert [status for status, _, _ in answers] == [200, 200, 200]
    await asyncio.to_thread(coach.entered.wait, 10)
    assert coach.assessed == 0 and not server.mock.of("response_url")
    coach.gate.set()
    tips = await server.mock.wait_for("response_url", 3, timeout=10)
    assert len(tips) == 3 and coach.assessed == 3
    assert coach.most_at_once == 1  # one at a time


async def test_a_refused_response_url_logs_the_tip_as_not_shown(slack_server, mock_slack):
    """Slack answering 404 expired_url: the tip is logged all the same, but not as shown."""
    from sqlalchemy import select

    from bot.store.models import events

    mock_slack.expired_response_urls.add("U_LATE")
    server = await slack_server()
    await server.command(BILLING, user="U_LATE")
    await server.wait_logged(1)
    with server.mot.store.engine.connect() as connection:
        (event,) = connection.execute(select(events.c.agent, events.c.outcome)).all()
    assert event.agent == "U_LATE" and event.outcome is None
