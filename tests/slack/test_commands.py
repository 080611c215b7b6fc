"""/mot-tip over real signed HTTP: ack first, then a private answer through response_url."""

from __future__ import annotations

import json
import time

from bot.coach import Coach
from bot.llm.offline import OfflineBackend
from bot.services import build_sink, playbooks_from
from tests.slack.conftest import signed_headers

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


class SlowCoach(Coach):
    """A coach that takes 300 ms to assess, so that the coaching is slow."""

    def assess(self, conversation, now=None, asked=False):
        time.sleep(0.3)
        return super().assess(conversation, now, asked)


async def test_the_ack_arrives_before_the_coaching(slack_server, mock_slack, tmp_path):
    from tests.slack.conftest import slack_settings

    settings = slack_settings(mock_slack, tmp_path)
    coach = SlowCoach(playbooks_from(settings), OfflineBackend(), build_sink(settings))
    server = await slack_server(coach=coach)
    server.mot.store.ensure_schema()  # timed below: the ack, not the first start's migrations
    sent = time.perf_counter()
    status, body, elapsed = await server.command(BILLING)
    acked = sent + elapsed
    assert status == 200 and json.loads(body)["text"] == "Coaching…"
    assert not server.mock.of("response_url")  # nothing coached yet when the ack arrived
    (answer,) = await server.mock.wait_for("response_url")
    assert answer.at > acked and elapsed < 0.3


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
    """MOT_SLACK_CONCURRENCY=1: three slow tips are coached one after another, every ack is
    immediate."""
    import asyncio

    from tests.slack.conftest import slack_settings

    settings = slack_settings(mock_slack, tmp_path, mot_slack_concurrency=1)
    coach = SlowCoach(playbooks_from(settings), OfflineBackend(), build_sink(settings))
    server = await slack_server(coach=coach, mot_slack_concurrency=1)
    server.mot.store.ensure_schema()  # timed below: the acks, not the first start's migrations
    answers = await asyncio.gather(*(server.command(BILLING, user=f"U{n}") for n in range(3)))
    assert all(status == 200 and elapsed < 0.3 for status, _, elapsed in answers)
    tips = await server.mock.wait_for("response_url", 3, timeout=10)
    times = sorted(tip.at for tip in tips)
    assert times[1] - times[0] >= 0.25 and times[2] - times[1] >= 0.25  # one at a time


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
