"""Prompt v2 against the local OpenAI-wire server: the team's facts, its voice and the honesty
rules reach the model, and the model's suggestions come back in the team's voice."""

from __future__ import annotations

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.knowledge import Knowledge, load_knowledge
from bot.llm import prompts
from bot.llm.openai_backend import OpenAIBackend
from tests.conftest import EXAMPLES
from tests.llm.conftest import llm_settings
from tests.llm.fake_openai import GOOD_SUGGESTIONS, Reply


def sent_prompt(fake) -> tuple[str, str]:
    messages = fake.requests[0].json["messages"]
    return messages[0]["content"], messages[1]["content"]


def coach_with(fake, playbooks, knowledge: Knowledge | None) -> Coach:
    return Coach(playbooks, backend=OpenAIBackend(llm_settings(fake)), knowledge=knowledge)


def test_facts_voice_and_honesty_rules_reach_the_model(fake, playbooks, dispute):
    result = coach_with(fake, playbooks, load_knowledge(EXAMPLES / "knowledge.yaml")).coach(dispute)
    assert result.backend == "openai" and (result.call.prompt_version == 2)
    system, user = sent_prompt(fake)
    assert '- refund_time: "5 working days"' in user
    assert '- status_page: "https://status.example.com"' in user
    assert "- casual: contractions are fine" in user and "- british spelling" in user
    assert "- no emoji" in user and '"Best wishes" is added for you' in user
    for rule in (
        "never claim an action\n   is already done",
        "Presume nothing the conversation does not say",
        "Apologise at most once",
        "Start each reply differently: 3 different",
        "Never ask them to repeat anything",
        "stays a placeholder in square brackets",
    ):
        assert rule in system


def test_without_knowledge_the_model_is_told_to_keep_placeholders(fake, playbooks, dispute):
    coach_with(fake, playbooks, None).coach(dispute)
    _, user = sent_prompt(fake)
    assert "- none given: keep every time, link and contact as a [placeholder]" in user
    assert "Team voice:" not in user


def test_the_models_suggestions_come_back_in_the_teams_voice(fake, playbooks, dispute):
    replies = [{**s, "text": s["text"] + " 👍"} for s in GOOD_SUGGESTIONS]
    replies[1]["text"] = (
        "You're right to question this charge, and I apologise. "
        "I'll reverse anything that's wrong today."
    )
    fake.script(Reply.suggestions(replies))
    knowledge = Knowledge.model_validate(
        {"voice": {"spelling": "american", "emoji": False, "sign_off": "Thanks, Acme"}}
    )
    result = coach_with(fake, playbooks, knowledge).coach(dispute)
    assert result.backend == "openai" and not result.fallback
    texts = [s.text for s in result.suggestions]
    assert "and I apologize." in texts[1] and "apologise" not in texts[1]
    assert all("👍" not in t and t.endswith("\n\nThanks, Acme") for t in texts), texts
    assert all(s.source == "openai" for s in result.suggestions)


class FakeCase:
    def to_dict(self):
        return {"issue": "you were charged twice", "wants": ["a refund"], "contacts": 2}


def test_the_case_is_rendered_as_data_when_the_request_carries_one(playbooks):
    from dataclasses import dataclass

    from bot.core.escalation import assess
    from bot.llm.base import SuggestionRequest

    @dataclass(frozen=True)
    class WithCase(SuggestionRequest):  # until the coach engineer's `case` field lands
        case: object = None

    conversation = Conversation.from_text("Customer: I was charged twice, refund me.")
    request = WithCase(
        conversation, playbooks["billing-dispute"], assess(conversation), case=FakeCase()
    )
    _, user = prompts.load("suggest").render(
        playbook=request.playbook, assessment=request.assessment, messages=[], fence="F",
        count=3, variant=0, **prompts.prompt_context(request),
    )  # fmt: skip
    assert (
        '{"issue": "you were charged twice", "wants": ["a refund"], "contacts": 2}'
        in (user["content"])
    )
