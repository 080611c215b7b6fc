"""Streaming: partial reply texts arrive as the model writes them, over real SSE."""

from __future__ import annotations

from itertools import pairwise

from bot.coach import Coach
from bot.core.slots import fill_slots
from bot.llm.base import Backend, StreamEvent, Suggestion, SuggestionRequest
from bot.llm.openai_backend import OpenAIBackend
from tests.llm.conftest import EMAIL, llm_settings
from tests.llm.fake_openai import GOOD_SUGGESTIONS, Reply

FINAL_TEXTS = tuple(s["text"] for s in GOOD_SUGGESTIONS)


def test_drafts_grow_then_the_checked_result_arrives(make_coach, dispute, fake):
    drafts: list[tuple[str, ...]] = []
    result = make_coach().coach(dispute, on_draft=drafts.append)
    assert fake.requests[0].json["stream"] is True
    assert len(drafts) > 10  # many partial updates, not one final dump
    for before, after in pairwise(drafts):  # texts only grow; earlier replies stay put
        assert len(after) >= len(before)
        assert after[: len(before) - 1] == before[:-1]
        assert after[len(before) - 1].startswith(before[-1])
    assert drafts[0][0] and len(drafts[0][0]) < len(FINAL_TEXTS[0])
    assert drafts[-1] == FINAL_TEXTS
    assert tuple(s.text for s in result.suggestions) == FINAL_TEXTS
    assert not result.fallback and result.call.streamed
    assert result.call.usage["total_tokens"] == 444  # from the stream's usage chunk


def test_backend_stream_yields_partial_events_and_a_final_one(fake, playbooks, dispute):
    backend = OpenAIBackend(llm_settings(fake))
    events = list(backend.stream(_request(playbooks, dispute)))
    assert all(isinstance(e, StreamEvent) for e in events)
    assert [e.final for e in events].count(True) == 1 and events[-1].final
    assert len(events) > 10
    assert [s.text for s in events[-1].suggestions] == list(FINAL_TEXTS)


def test_drafts_show_restored_personal_data(make_coach, dispute, fake):
    fake.default = Reply.suggestions(
        [
            {
                "text": f"I'm sorry about this. I'll refund it today and email [EMAIL_1] {i}.",
                "why": "A fix with a date builds trust.",
            }
            for i in range(3)
        ]
    )
    drafts: list[tuple[str, ...]] = []
    result = make_coach().coach(dispute, on_draft=drafts.append)
    assert EMAIL not in fake.requests[0].body.decode()
    assert any(EMAIL in text for text in drafts[-1])
    assert all(EMAIL in s.text for s in result.suggestions)


def test_a_stream_dropped_midway_is_retried(make_coach, dispute, fake):
    fake.script(Reply(drop_after_chunks=6))
    drafts: list[tuple[str, ...]] = []
    result = make_coach().coach(dispute, on_draft=drafts.append)
    assert not result.fallback, result.fallback_reason
    assert len(fake.requests) == 2 and result.call.attempts == 2
    assert drafts[-1] == FINAL_TEXTS


def test_a_stream_slower_than_its_budget_falls_back(make_coach, dispute, fake):
    fake.default = Reply(chunk_delay=0.05)
    drafts: list[tuple[str, ...]] = []
    result = make_coach(mot_llm_stream_budget_seconds=0.3).coach(dispute, on_draft=drafts.append)
    assert result.fallback and "MOT_LLM_STREAM_BUDGET_SECONDS" in result.fallback_reason
    assert drafts  # the agent saw drafts before the offline tip replaced them
    assert all(s.source == "offline" for s in result.suggestions)


def test_a_backend_that_cannot_stream_yields_its_result_once(playbooks, dispute):
    class Plain(Backend):
        name = "plain"

        def suggest(self, request):
            return [Suggestion(r.text, r.why, source=self.name) for r in request.playbook.replies]

    drafts: list[tuple[str, ...]] = []
    result = Coach(playbooks, backend=Plain()).coach(dispute, on_draft=drafts.append)
    assert drafts == []  # nothing partial: the one event is the final one
    assert result.backend == "plain" and len(result.suggestions) == 3
    events = list(Plain().stream(_request(playbooks, dispute)))
    assert len(events) == 1 and events[0].final


def _request(playbooks, conversation) -> SuggestionRequest:
    assessment = Coach(playbooks).assess(conversation)
    return SuggestionRequest(
        conversation, assessment.playbook, assessment.escalation, fill_slots(conversation)
    )
