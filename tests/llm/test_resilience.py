"""Circuit breaker, cache and Retry-After: units with a fake clock, then over real HTTP."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from bot.core.conversation import Conversation
from bot.llm.resilience import CircuitBreaker, CircuitOpen, ResponseCache, retry_after_seconds
from tests.llm.fake_openai import Reply


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_failures_in_a_row_then_lets_one_trial_through():
    clock = Clock()
    breaker = CircuitBreaker(failures=2, reset_seconds=30, clock=clock)
    breaker.before_call()
    breaker.record_failure()
    breaker.record_success()  # a success resets the count
    breaker.record_failure()
    assert breaker.state == "closed"
    breaker.record_failure()
    assert breaker.state == "open"
    with pytest.raises(CircuitOpen, match="MOT_LLM_BREAKER_RESET_SECONDS"):
        breaker.before_call()
    clock.now += 30
    assert breaker.state == "half-open"
    breaker.before_call()  # the trial
    with pytest.raises(CircuitOpen):
        breaker.before_call()  # only one trial at a time
    breaker.record_failure()  # the trial failed: open again, for a full period
    assert breaker.state == "open"
    clock.now += 30
    breaker.before_call()
    breaker.record_success()
    assert breaker.state == "closed"
    breaker.before_call()


def test_an_abandoned_trial_frees_the_next_call_to_try():
    clock = Clock()
    breaker = CircuitBreaker(failures=1, reset_seconds=5, clock=clock)
    breaker.record_failure()
    clock.now += 5
    breaker.before_call()
    breaker.abandon()  # e.g. the channel stopped reading a stream
    breaker.before_call()  # a new trial, not "circuit open"
    assert breaker.state == "half-open"


def test_breaker_set_to_zero_never_opens():
    breaker = CircuitBreaker(failures=0, reset_seconds=30)
    for _ in range(50):
        breaker.record_failure()
    breaker.before_call()
    assert breaker.state == "closed"


def test_cache_keeps_answers_for_its_window_and_evicts_the_least_recent():
    clock = Clock()
    cache = ResponseCache(ttl=10, max_entries=2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3
    clock.now += 10.5
    assert cache.get("a") is None
    off = ResponseCache(ttl=0)
    off.put("a", 1)
    assert off.get("a") is None


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "0.5"}, 0.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_header_forms(headers, expected):
    assert retry_after_seconds(headers) == expected


def test_retry_after_as_an_http_date():
    now = time.time()
    when = format_datetime(datetime.fromtimestamp(now + 5, UTC), usegmt=True)
    assert 3.5 < retry_after_seconds({"retry-after": when}, now=now) <= 5


def test_a_down_server_trips_the_breaker_and_is_left_alone(make_coach, dispute, fake):
    fake.default = Reply(status=500, error="down")
    coach = make_coach(
        mot_llm_retries=0, mot_llm_breaker_failures=2, mot_llm_breaker_reset_seconds=30
    )
    clock = Clock()
    coach.backend.breaker.clock = clock  # the real breaker, on a clock the test moves
    for _ in range(2):
        assert coach.coach(dispute).fallback
    assert len(fake.requests) == 2
    tripped = coach.coach(dispute)
    assert tripped.fallback and "circuit open" in tripped.fallback_reason
    assert len(fake.requests) == 2  # not a single byte sent: no waiting on a dead server
    fake.default = Reply()  # the server recovers
    clock.now += 29
    assert coach.coach(dispute).fallback and len(fake.requests) == 2  # still open
    clock.now += 1
    recovered = coach.coach(dispute)
    assert not recovered.fallback and recovered.backend == "openai"
    assert len(fake.requests) == 3
    assert coach.backend.breaker.state == "closed"


def test_garbage_answers_do_not_trip_the_breaker(make_coach, dispute, fake):
    fake.default = Reply(content="not json")
    coach = make_coach(mot_llm_breaker_failures=1)
    for _ in range(3):
        assert coach.coach(dispute).fallback
    assert len(fake.requests) == 3 and coach.backend.breaker.state == "closed"


def test_identical_requests_in_the_window_are_answered_from_the_cache(make_coach, dispute, fake):
    coach = make_coach(mot_llm_cache_seconds=60)
    first = coach.coach(dispute)
    again = coach.coach(Conversation.from_text(dispute.messages[0].text, id="slack-retry"))
    assert len(fake.requests) == 1  # a Slack retry is not paid twice
    assert [s.text for s in again.suggestions] == [s.text for s in first.suggestions]
    record = again.to_dict()
    assert record["cached"] is True and record["attempts"] == 0
    assert record["usage"]["total_tokens"] == 0 and not again.fallback
    coach.coach(dispute, variant=1)  # "another set" is a different request
    coach.coach(Conversation.from_text("I was charged twice and nobody answers my emails"))
    assert len(fake.requests) == 3


def test_the_cache_window_expires(make_coach, dispute, fake):
    coach = make_coach(mot_llm_cache_seconds=10)
    clock = Clock()
    coach.backend.cache.clock = clock
    coach.coach(dispute)
    clock.now += 9
    assert coach.coach(dispute).to_dict()["cached"]
    clock.now += 2
    assert not coach.coach(dispute).to_dict()["cached"]
    assert len(fake.requests) == 2


def test_failures_are_not_cached(make_coach, dispute, fake):
    fake.script(Reply(content="not json"))
    coach = make_coach(mot_llm_cache_seconds=60)
    assert coach.coach(dispute).fallback
    assert not coach.coach(dispute).fallback
    assert len(fake.requests) == 2
