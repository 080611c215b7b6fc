"""Slack's limits on long suggestions, and App Home for an agent and for a lead."""

from __future__ import annotations

from bot.core.conversation import Conversation
from bot.llm.base import Suggestion
from bot.slack.blocks import TEXT_LIMIT, paginate, result_blocks, split_text
from bot.slack.client import web_client

BILLING = "I was charged twice for my order and nobody has refunded me."


def test_split_text_keeps_every_character_within_the_limit():
    text = ("word " * 2000).strip()
    pieces = split_text(text)
    assert all(len(p) <= TEXT_LIMIT for p in pieces) and len(pieces) == 4
    assert " ".join(pieces) == text
    assert split_text("x" * 7000) == ["x" * 3000, "x" * 3000, "x" * 1000]
    assert split_text("") == [""]


async def test_over_long_suggestions_are_split_and_accepted_by_slack(slack_server, mock_slack):
    server = await slack_server()
    result = server.mot.coach.coach(Conversation.from_text(BILLING), context={"log_id": "L1"})
    result.suggestions = [Suggestion("Sentence number one. " * 900, "why " * 800)] * 3
    blocks = result_blocks(result)
    pages = paginate(blocks)
    assert len(pages) > 1 and all(len(page) <= 50 for page in pages)
    client = web_client(server.settings)
    await server.mot.deliver(client, result, channel="C_SUPPORT", user="U_AGENT", thread_ts="1.0")
    calls = mock_slack.of("chat.postEphemeral")
    assert len(calls) == len(pages)  # every page accepted: no invalid_blocks, no msg_too_long
    sent = " ".join(
        b["text"]["text"] for c in calls for b in c.args["blocks"] if b["type"] == "section"
    )
    assert sent.count("Sentence number one.") == 3 * 900
    assert str(calls[-1].args["blocks"]).count("mot_another") == 1


async def test_app_home_for_an_agent_and_for_a_lead(slack_server, mock_slack):
    server = await slack_server(mot_slack_dashboard_url="https://coach.example.com/dashboard")
    await server.command(BILLING, user="U_AGENT")
    await server.wait_logged(1)
    await server.event(
        {"type": "app_home_opened", "user": "U_AGENT", "channel": "D1", "tab": "home"}
    )
    (agent_view,) = await mock_slack.wait_for("views.publish")
    agent_text = str(agent_view.args["view"])
    assert agent_view.args["user_id"] == "U_AGENT"
    assert "Your recent tips" in agent_text and "billing-dispute" in agent_text
    assert "shown" in agent_text and "Acceptance rate" not in agent_text
    await server.event(
        {"type": "app_home_opened", "user": "U_LEAD", "channel": "D2", "tab": "home"}
    )
    lead_view = (await mock_slack.wait_for("views.publish", 2))[-1]
    lead_text = str(lead_view.args["view"])
    assert lead_view.args["user_id"] == "U_LEAD"
    assert "Acceptance rate:* 0% of 1" in lead_text
    assert "billing-dispute: 1" in lead_text and "Recent escalations" in lead_text
    assert "https://coach.example.com/dashboard" in lead_text
