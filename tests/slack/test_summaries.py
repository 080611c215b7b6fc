"""Nudges and leads' alerts carry the thread's three-line summary, redacted: signed events
against the mock Slack Web API."""

from __future__ import annotations

import time

from tests.slack.test_listening import nudges

OPENING = "I was charged twice for my order. Write to me at dana.k@example.com about it."
ANGRY = (
    "Third time I have asked! I want my money back today or my lawyer hears about it and "
    "I will tell everyone on twitter."
)


async def test_the_nudge_and_the_alert_carry_a_redacted_summary(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", OPENING, root)
    await server.say("U_AGENT", "I'll look into both payments now.", root + 1, thread=root)
    await server.wait_thread(root, 2, "C_SUPPORT")
    await server.say("U_CUST", ANGRY, root + 2, thread=root)
    (alert,) = await server.mock.wait_for("chat.postMessage")
    (nudge,) = nudges(server.mock)
    for text in (str(nudge.args["blocks"]), alert.args["text"]):
        assert "*Wants:* a refund" in text
        assert "*Tried or promised:* agent promised to look into both payments now" in text
        assert "*At stake:* their trust" in text and "threatens legal action" in text
        assert "dana.k@example.com" not in text


async def test_an_asked_tip_has_no_summary_block(slack_server):
    server = await slack_server()
    await server.command("I was charged twice for my order")
    (reply,) = await server.mock.wait_for("response_url")
    assert "*Wants:*" not in str(reply.args)
