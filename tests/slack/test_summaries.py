"""Nudges and leads' alerts carry the thread's three-line summary, redacted: signed events
against the mock Slack Web API."""

from __future__ import annotations

import json
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


async def test_with_an_llm_backend_the_nudge_carries_the_model_summary(slack_server):
    from tests.llm.conftest import llm_values
    from tests.llm.fake_openai import FakeOpenAI, Reply

    written = {
        "wants": "Their money back for a double charge.",
        "tried": "The agent promised to look into both payments; mail dana.k@example.com.",
        "at_stake": "Their trust; they threaten a lawyer and twitter.",
    }
    fake = FakeOpenAI().script(Reply(), Reply(content=json.dumps(written)))
    try:
        server = await slack_server(**llm_values(fake))
        root = time.time()
        await server.say("U_CUST", OPENING, root)
        await server.say("U_AGENT", "I'll look into both payments now.", root + 1, thread=root)
        await server.wait_thread(root, 2, "C_SUPPORT")
        await server.say("U_CUST", ANGRY, root + 2, thread=root)
        (alert,) = await server.mock.wait_for("chat.postMessage")
    finally:
        fake.close()
    (nudge,) = nudges(server.mock)
    for text in (str(nudge.args["blocks"]), alert.args["text"]):
        assert "*Wants:* Their money back for a double charge." in text
        assert "[EMAIL_1]" in text and "dana.k@example.com" not in text
    sent = json.dumps([r.json for r in fake.requests])
    assert "dana.k@example.com" not in sent  # the model saw the thread redacted
