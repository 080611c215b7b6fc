"""A customer who needs care (hardship, bereavement ...) alerts the leads' channel even when
the thread only reaches watch: signed events against the mock Slack Web API."""

from __future__ import annotations

import time

from tests.slack.test_listening import nudges

HARDSHIP = "I lost my job last month and I can't afford this charge, please can you help?"


async def test_hardship_at_watch_nudges_the_agent_and_alerts_the_leads(slack_server):
    server = await slack_server()  # default policy: nudge only on escalate
    root = time.time()
    await server.say("U_CUST", "Hi, could you check my last bill for me?", root)
    await server.say("U_AGENT", "Let me look into it.", root + 1, thread=root)
    await server.wait_thread(root, 2, "C_SUPPORT")
    await server.say("U_CUST", HARDSHIP, root + 2, thread=root)
    (alert,) = await server.mock.wait_for("chat.postMessage")
    assert alert.args["channel"] == "C_LEADS"
    assert "care: hardship" in alert.args["text"]
    (nudge,) = nudges(server.mock)
    assert nudge.args["user"] == "U_AGENT" and "to *watch*" in str(nudge.args["blocks"])
    thread = server.mot.tracker.get("C_SUPPORT", f"{root:.6f}")
    assert thread.level == "watch"


async def test_a_calm_thread_alerts_nobody(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", "Could you tell me when my order ships?", root)
    await server.say("U_AGENT", "Sure, one moment.", root + 1, thread=root)
    await server.wait_thread(root, 2, "C_SUPPORT")
    await server.settle(0.2)
    assert not server.mock.of("chat.postMessage") and nudges(server.mock) == []
