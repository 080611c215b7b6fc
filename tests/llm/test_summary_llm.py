"""The summary written by an LLM backend, against the local OpenAI-compatible server: the model
sees the conversation redacted, its lines are redacted again, and a failure falls back to the
offline summary."""

import json

from bot.core.conversation import Conversation
from tests.llm.conftest import CARD, EMAIL, PHONE, PII_TEXT
from tests.llm.fake_openai import Reply

WRITTEN = {
    "wants": "A refund of the duplicate charge.",
    "tried": "The agent promised to check both payments; call them on +1 415 555 0134.",
    "at_stake": "Their trust in every future bill.",
}


def _conversation() -> Conversation:
    return (
        Conversation("t")
        .add("customer", PII_TEXT)
        .add("agent", "I'll check both payments now.")
        .add("customer", "This is the third time! I want a manager or I cancel my account.")
    )


def _summary_requests(fake):
    return [r for r in fake.requests if "summarise" in json.dumps(r.json["messages"][0])]


def test_a_nudge_gets_the_model_summary_redacted_both_ways(fake, make_coach):
    fake.default = Reply(content=json.dumps(WRITTEN))  # suggestions fail, the summary parses
    result = make_coach().coach(_conversation(), "nudge")
    assert result.summary.source == "openai"
    assert result.summary.wants == "A refund of the duplicate charge."
    assert PHONE not in result.summary.tried and "[PHONE_1]" in result.summary.tried
    [sent] = _summary_requests(fake)
    body = json.dumps(sent.json)
    for secret in (EMAIL, PHONE, CARD):
        assert secret not in body
    assert "[EMAIL_1]" in body
    assert sent.json["response_format"] == {"type": "json_object"}


def test_a_failing_model_leaves_the_offline_summary(fake, make_coach):
    fake.default = Reply(status=500, error="boom")
    result = make_coach(mot_llm_retries=0).coach(_conversation(), "nudge")
    assert result.summary.source == "offline"
    assert result.summary.wants.startswith("a refund")
    assert _summary_requests(fake)  # it was asked


def test_an_answer_without_the_three_lines_leaves_the_offline_summary(fake, make_coach):
    fake.default = Reply(content='{"wants": "a refund"}')
    result = make_coach().coach(_conversation(), "nudge")
    assert result.summary.source == "offline"


def test_asked_tips_use_the_offline_summary_and_no_extra_call(fake, make_coach):
    result = make_coach().coach(_conversation(), "command")
    assert result.summary.source == "offline"
    assert _summary_requests(fake) == []
