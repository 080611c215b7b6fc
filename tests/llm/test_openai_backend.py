"""The openai backend against a local server speaking the OpenAI wire format: real HTTP, the
real `openai` client, every fault the issue lists."""

from __future__ import annotations

import time

import pytest

from bot.core.rubric import check
from tests.llm.fake_openai import GOOD_CONTENT, GOOD_SUGGESTIONS, Reply


def test_model_written_suggestions_pass_the_rubric_and_carry_the_call(make_coach, dispute, fake):
    result = make_coach().coach(dispute)
    assert result.backend == "openai" and not result.fallback
    assert [s.text for s in result.suggestions] == [s["text"] for s in GOOD_SUGGESTIONS]
    assert all(s.source == "openai" and s.replaced is None for s in result.suggestions)
    for suggestion in result.suggestions:
        assert check(suggestion.text, result.assessment.playbook).passed
    record = result.to_dict()
    assert record["model"] == "fake-model"
    assert (record["prompt_id"], record["prompt_version"]) == ("suggest", 2)
    assert record["usage"] == {"prompt_tokens": 321, "completion_tokens": 123, "total_tokens": 444}
    assert record["attempts"] == 1 and record["cached"] is False and record["replaced"] == 0
    assert record["backend_latency_ms"] > 0
    # keys that existed before stay as they were
    assert {"backend", "fallback", "fallback_reason", "latency_ms", "suggestions"} <= set(record)


def test_one_request_asks_for_all_three_as_json_schema(make_coach, dispute, fake):
    make_coach(mot_llm_max_tokens=444).coach(dispute)
    assert len(fake.requests) == 1
    sent = fake.requests[0]
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["authorization"] == "Bearer sk-test"
    body = sent.json
    assert body["model"] == "fake-model" and body["max_tokens"] == 444
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["required"] == ["suggestions"]
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "exactly 3 different suggestions" in body["messages"][0]["content"]


@pytest.mark.parametrize(
    "first",
    [
        Reply.rate_limited("0.2"),
        Reply(status=500, error="upstream exploded"),
        Reply(status=503, error="overloaded"),
        Reply(drop=True),
        Reply(latency=1.5),  # longer than MOT_LLM_TIMEOUT: a timeout
    ],
    ids=["429-retry-after", "500", "503", "dropped-connection", "timeout"],
)
def test_a_transient_fault_is_retried_and_the_model_still_answers(make_coach, dispute, fake, first):
    fake.script(first)
    result = make_coach(mot_llm_timeout=0.5).coach(dispute)
    assert not result.fallback, result.fallback_reason
    assert result.backend == "openai" and result.call.attempts == 2
    assert len(fake.requests) == 2


def test_retry_after_is_honoured(make_coach, dispute, fake):
    fake.script(Reply.rate_limited("0.6"))
    started = time.monotonic()
    result = make_coach(mot_llm_retry_backoff=0).coach(dispute)
    assert not result.fallback
    assert time.monotonic() - started >= 0.6


def test_retry_after_beyond_the_budget_falls_back_at_once(make_coach, dispute, fake):
    fake.script(Reply.rate_limited("30"))
    result = make_coach().coach(dispute)
    assert result.call.latency_ms < 500  # no waiting: 30 s could never fit in the budget
    assert result.fallback and result.backend == "offline"
    assert "Retry-After" in result.fallback_reason
    assert "MOT_LLM_BUDGET_SECONDS" in result.fallback_reason
    assert len(fake.requests) == 1
    assert len(result.suggestions) == 3 and all(s.source == "offline" for s in result.suggestions)


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        (Reply(status=500, error="boom"), "500"),
        (Reply(drop=True), "cannot reach the server"),
        (Reply(latency=5), "did not answer in time (MOT_LLM_TIMEOUT)"),
        (Reply.rate_limited(None), "429"),
    ],
    ids=["500", "dropped-connection", "hang", "429-without-retry-after"],
)
def test_a_server_that_keeps_failing_gives_offline_tips_within_the_budget(
    make_coach, dispute, fake, fault, says
):
    fake.default = fault
    coach = make_coach(mot_llm_timeout=0.4, mot_llm_budget_seconds=1.0)  # not timed: start-up
    started = time.monotonic()
    result = coach.coach(dispute)
    assert result.call.latency_ms < 1000 + 250  # the budget, give or take one poll
    # never hangs: well under the 5 s the hanging server takes, whatever the machine's load
    assert time.monotonic() - started < 4
    assert result.fallback and result.backend == "offline"
    assert says in result.fallback_reason
    assert len(result.suggestions) == 3
    assert result.call is not None and result.call.attempts >= 1
    assert result.to_dict()["attempts"] == result.call.attempts


@pytest.mark.parametrize(
    ("reply", "says"),
    [
        (Reply(content="Sure! Here are some ideas: {not json at all"), "no suggestions in JSON"),
        (Reply(content=""), "empty answer"),
        (Reply(no_choices=True), "no choices"),
        (Reply(body=b'{"choices": [ this is not json'), ""),
    ],
    ids=["malformed-content", "empty-content", "empty-choices", "malformed-body"],
)
def test_garbage_from_the_model_falls_back_without_retrying(make_coach, dispute, fake, reply, says):
    fake.default = reply
    result = make_coach().coach(dispute)
    assert result.fallback and result.backend == "offline"
    assert says in result.fallback_reason
    assert len(fake.requests) == 1
    assert all(check(s.text, result.assessment.playbook).passed for s in result.suggestions)


@pytest.mark.parametrize("streaming", [False, True], ids=["plain", "streamed"])
def test_an_answer_cut_short_names_max_tokens(make_coach, dispute, fake, streaming):
    fake.default = Reply(content=GOOD_CONTENT[:150], finish_reason="length")
    on_draft = (lambda drafts: None) if streaming else None
    result = make_coach().coach(dispute, on_draft=on_draft)
    assert result.fallback and "MOT_LLM_MAX_TOKENS" in result.fallback_reason
    assert len(fake.requests) == 1


def test_a_refused_key_is_not_retried_and_names_the_setting(make_coach, dispute, fake):
    fake.default = Reply(status=401, error="Incorrect API key provided")
    result = make_coach().coach(dispute)
    assert result.fallback
    assert "OPENAI_API_KEY" in result.fallback_reason and "401" in result.fallback_reason
    assert len(fake.requests) == 1


def test_a_server_without_json_schema_gets_json_mode_then_plain(make_coach, dispute, fake):
    fake.script(
        Reply(status=400, error="response_format json_schema is not supported by this server"),
        Reply(status=400, error="response_format json_object is not supported"),
    )
    coach = make_coach()
    first = coach.coach(dispute)
    assert not first.fallback, first.fallback_reason
    formats = [r.json.get("response_format", {}).get("type") for r in fake.requests]
    assert formats == ["json_schema", "json_object", None]
    coach.coach(dispute)  # the server's limits are remembered
    assert "response_format" not in fake.requests[-1].json


def test_max_tokens_is_renamed_when_the_server_asks(make_coach, dispute, fake):
    fake.script(
        Reply(
            status=400,
            error="Unsupported parameter: 'max_tokens'. Use 'max_completion_tokens' instead.",
        )
    )
    result = make_coach(mot_llm_max_tokens=300).coach(dispute)
    assert not result.fallback
    assert "max_tokens" in fake.requests[0].json
    assert fake.requests[1].json["max_completion_tokens"] == 300
    assert "max_tokens" not in fake.requests[1].json


def test_a_pinned_response_format_is_sent_as_set(make_coach, dispute, fake):
    make_coach(mot_llm_response_format="json_object").coach(dispute)
    assert fake.requests[0].json["response_format"] == {"type": "json_object"}
    make_coach(mot_llm_response_format="none").coach(dispute)
    assert "response_format" not in fake.requests[1].json


@pytest.mark.parametrize(
    "content",
    [
        "```json\n" + Reply.suggestions(GOOD_SUGGESTIONS).content + "\n```",
        "Here you go!\n" + Reply.suggestions(GOOD_SUGGESTIONS).content + "\nHope that helps.",
        Reply.suggestions(GOOD_SUGGESTIONS).content.removeprefix('{"suggestions": ')[:-1],
    ],
    ids=["code-fence", "prose-around", "bare-list"],
)
def test_tolerant_parsing_reads_what_plain_servers_send(make_coach, dispute, fake, content):
    fake.default = Reply(content=content)
    result = make_coach(mot_llm_response_format="none").coach(dispute)
    assert not result.fallback, result.fallback_reason
    assert [s.text for s in result.suggestions] == [s["text"] for s in GOOD_SUGGESTIONS]
