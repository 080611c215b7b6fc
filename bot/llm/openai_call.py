"""One chat-completions request, retried with tenacity inside a total time budget.

Retried: timeouts, dropped connections, 408/409/429 (after the server's Retry-After) and 5xx,
with jittered backoff, as long as the budget has room for another attempt. A 400 about an option
the server does not support (JSON schema output, `max_tokens`, `temperature`...) adapts the
request and tries again at once. Anything else fails at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import openai
from tenacity import Retrying, retry_if_exception

from bot.config import Settings
from bot.llm.base import CallInfo, StreamEvent
from bot.llm.openai_wire import (
    Adapted,
    Completion,
    RequestOptions,
    describe,
    is_transient,
    read_completion,
    read_stream,
    retry_after,
)
from bot.llm.parsing import drafts
from bot.llm.resilience import Budget, jittered_backoff

MIN_ATTEMPT_SECONDS = 0.05  # no point starting an attempt with less time than this left


@dataclass
class ChatCall:
    settings: Settings
    options: RequestOptions
    completions: Any  # the client's chat-completions resource
    model: str

    def run(self, messages: list[dict], call: CallInfo, streaming: bool) -> Iterator[StreamEvent]:
        """Yields draft events while streaming; returns the Completion. Updates `call`."""
        s = self.settings
        budget = Budget(s.mot_llm_budget_seconds)
        adapted: list[int] = []

        def wait(state) -> float:
            exc = state.outcome.exception()
            if isinstance(exc, Adapted):
                return 0.0
            after = retry_after(exc)
            if after is not None:
                return after
            return jittered_backoff(state.attempt_number, s.mot_llm_retry_backoff)

        def stop(state) -> bool:
            if state.attempt_number >= 1 + s.mot_llm_retries + len(adapted):
                return True
            return state.upcoming_sleep + MIN_ATTEMPT_SECONDS > budget.remaining()

        retrying = Retrying(
            retry=retry_if_exception(is_transient), wait=wait, stop=stop, reraise=True
        )
        try:
            for attempt in retrying:
                with attempt:
                    call.attempts += 1
                    timeout = min(s.mot_llm_timeout, budget.remaining())
                    try:
                        return (yield from self._attempt(messages, timeout, streaming))
                    except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                        if self.options.adapt(
                            exc, pinned_format=s.mot_llm_response_format != "auto"
                        ):
                            adapted.append(call.attempts)
                            raise Adapted(str(exc)) from exc
                        raise
        finally:
            call.latency_ms = budget.elapsed_ms()
        raise AssertionError("tenacity ended without an outcome")  # pragma: no cover

    def _attempt(self, messages: list[dict], timeout: float, streaming: bool):
        s = self.settings
        options = self.options.kwargs(s.mot_llm_max_tokens, s.mot_llm_temperature, streaming)
        response = self.completions.create(
            model=self.model, messages=messages, timeout=timeout, **options
        )
        if not streaming:
            return read_completion(response)
        return (yield from self._read_stream(response))

    def _read_stream(self, response) -> Iterator[StreamEvent]:
        limit = self.settings.mot_llm_stream_budget_seconds
        deadline = time.monotonic() + limit
        latest: list[tuple[str, ...]] = [()]

        def on_text(text: str) -> None:
            latest[0] = drafts(text)

        def overrun() -> str | None:
            if time.monotonic() > deadline:
                return f"the streamed answer took over {limit:g} s (MOT_LLM_STREAM_BUDGET_SECONDS)"
            return None

        with response as stream:
            reader, shown = read_stream(stream, on_text, overrun), ()
            while True:
                try:
                    next(reader)
                except StopIteration as done:
                    completion: Completion = done.value
                    return completion
                if latest[0] and latest[0] != shown:
                    shown = latest[0]
                    yield StreamEvent(shown)

    def failure_reason(
        self, exc: BaseException, call: CallInfo, key_setting: str, model_setting: str
    ) -> str:
        budget = self.settings.mot_llm_budget_seconds
        reason = describe(exc, key_setting, model_setting)
        wanted, spent = retry_after(exc), call.latency_ms / 1000
        if wanted is not None and spent + wanted > budget:
            return (
                f"{reason}; the server asked to wait {wanted:g} s (Retry-After), more than is "
                f"left of the {budget:g} s budget (MOT_LLM_BUDGET_SECONDS)"
            )
        if call.attempts > 1:
            return f"{reason} (gave up after {call.attempts} attempts in {spent:.2f} s)"
        return reason
