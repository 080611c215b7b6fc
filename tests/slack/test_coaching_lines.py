"""Coaching lines in the tip and the nudge, delivered to the mock Slack Web API."""

from __future__ import annotations

from bot.core.conversation import Conversation
from bot.slack.blocks import result_blocks
from bot.slack.client import web_client

LINES = ["They already restarted the router three times: don't ask again; own the follow-up."]
ROUTER = "My broadband drops every evening. I restarted the router three times <already>."


def sections(blocks) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


async def test_coaching_lines_follow_the_summary_and_reach_slack(slack_server, mock_slack):
    server = await slack_server()
    result = server.mot.coach.coach(Conversation.from_text(ROUTER), context={"log_id": "L1"})
    result.coaching = list(LINES)  # the coach builds them; here given
    texts = sections(result_blocks(result, heading="Heads-up"))
    assert texts[1].startswith("*Moment:*")
    assert texts[2] == ":bulb: They already restarted the router three times: don't ask again; " \
        "own the follow-up."  # fmt: skip
    await server.mot.deliver(
        web_client(server.settings), result, channel="C_SUPPORT", user="U_AGENT",
        thread_ts="1.0", heading="This thread went from *watch* to *escalate*",
    )  # fmt: skip
    (call,) = mock_slack.of("chat.postEphemeral")
    assert ":bulb: They already restarted the router" in str(call.args["blocks"])


async def test_no_coaching_lines_no_extra_block(slack_server):
    server = await slack_server()
    result = server.mot.coach.coach(Conversation.from_text(ROUTER))
    result.coaching = []
    assert not any(":bulb:" in text for text in sections(result_blocks(result)))
