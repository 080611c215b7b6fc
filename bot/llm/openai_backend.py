"""Backends on the `openai` package: OpenAI itself, any OpenAI-compatible server through
OPENAI_BASE_URL (Ollama, vLLM, llama.cpp server ...), and Azure OpenAI.

One call asks for all the suggestions. Around it: a total time budget, retries (tenacity), a
circuit breaker and a short cache. It sees only what the guard (bot/llm/guard.py) lets through:
the conversation is already redacted, and its answers are checked after it returns.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import openai

from bot.config import Settings, get_settings
from bot.llm import prompts
from bot.llm.base import (
    Backend,
    BackendError,
    CallInfo,
    StreamEvent,
    Suggestion,
    SuggestionList,
    SuggestionRequest,
    SummaryRequest,
)
from bot.llm.openai_call import ChatCall
from bot.llm.openai_summary import openai_summary
from bot.llm.openai_wire import RequestOptions
from bot.llm.parsing import MalformedOutput
from bot.llm.resilience import CircuitBreaker, ResponseCache

OPENAI_DEFAULT_MODEL = "gpt-4o-mini"


def url_problem(value: str | None, setting: str) -> list[str]:
    if value and not value.startswith(("http://", "https://")):
        return [f"{setting} must start with http:// or https:// (it is {value!r})"]
    return []


class OpenAIBackend(Backend):
    name = "openai"
    key_setting, model_setting = "OPENAI_API_KEY", "MOT_LLM_MODEL"

    def __init__(self, settings: Settings | None = None):
        super().__init__(settings or get_settings())
        s = self.settings
        self.options = RequestOptions(
            response_format="json_schema"
            if s.mot_llm_response_format == "auto"
            else s.mot_llm_response_format
        )
        self.breaker = CircuitBreaker(s.mot_llm_breaker_failures, s.mot_llm_breaker_reset_seconds)
        self.cache = ResponseCache(s.mot_llm_cache_seconds)
        self._client: openai.OpenAI | None = None
        self._prompt: prompts.Prompt | None = None
        self._lock = threading.Lock()

    # --- configuration --------------------------------------------------------------------
    def configuration_problems(self) -> list[str]:
        s = self.settings
        problems = url_problem(s.openai_base_url, "OPENAI_BASE_URL")
        if not s.openai_api_key and not s.openai_base_url:
            problems.append(
                "OPENAI_API_KEY is not set (or set OPENAI_BASE_URL to an "
                "OpenAI-compatible server that needs no key)"
            )
        if s.openai_base_url and not s.mot_llm_model:
            problems.append(
                "MOT_LLM_MODEL is not set: name the model that the server at OPENAI_BASE_URL serves"
            )
        return self._warm_when_ready(problems + self._prompt_problems())

    def _prompt_problems(self) -> list[str]:
        try:
            self.prompt()
        except BackendError as exc:
            return [str(exc)]
        return []

    def _warm_when_ready(self, problems: list[str]) -> list[str]:
        """A ready backend builds its client now: the first `openai` request otherwise spends
        half a second importing, and that belongs to start-up, not to the first tip."""
        if not problems:
            _ = self.completions
        return problems

    def prompt(self) -> prompts.Prompt:
        if self._prompt is None:
            self._prompt = prompts.load(self.settings.mot_llm_prompt, self.settings.mot_prompts_dir)
        return self._prompt

    @property
    def model(self) -> str:
        return self.settings.mot_llm_model or OPENAI_DEFAULT_MODEL

    def make_client(self) -> openai.OpenAI:
        s = self.settings
        return openai.OpenAI(
            api_key=s.openai_api_key or "no-key-needed",
            base_url=s.openai_base_url or "https://api.openai.com/v1",
            timeout=s.mot_llm_timeout,
            max_retries=0,  # retries live here, inside the time budget
        )

    @property
    def completions(self):
        """The client's chat-completions resource, made on first use."""
        with self._lock:
            if self._client is None:
                self._client = self.make_client()
                self._client.chat.completions  # noqa: B018 (imports the resource's modules)
            return self._client.chat.completions

    # --- suggestions ----------------------------------------------------------------------
    def suggest(self, request: SuggestionRequest) -> list[Suggestion]:
        for event in self._run(request, streaming=False):
            if event.final:
                return event.suggestions
        raise BackendError(f"backend {self.name!r} gave no answer")  # pragma: no cover

    def summarize(self, request: SummaryRequest) -> tuple[str, str, str]:
        return openai_summary(self, request)

    def stream(self, request: SuggestionRequest) -> Iterator[StreamEvent]:
        yield from self._run(request, streaming=True)

    def _run(self, request: SuggestionRequest, streaming: bool) -> Iterator[StreamEvent]:
        prompt = self.prompt()
        messages = prompt.render(
            playbook=request.playbook,
            assessment=request.assessment,
            messages=(
                history := [{"role": m.role, "text": m.text} for m in request.conversation.messages]
            ),
            fence=prompts.fence_id(history),
            count=request.count,
            variant=request.variant,
            **prompts.prompt_context(request),
        )
        key = self._cache_key(messages, request.count)
        started = time.perf_counter()
        hit = self.cache.get(key)
        if hit is not None:
            call = replace(
                hit.call,
                cached=True,
                attempts=0,
                prompt_tokens=0,
                completion_tokens=0,
                latency_ms=(time.perf_counter() - started) * 1000,
                streamed=streaming,
            )
            yield StreamEvent(tuple(s.text for s in hit), SuggestionList(hit, call))
            return
        call = CallInfo(self.name, self.model, prompt.id, prompt.version, streamed=streaming)
        # the client is made before the budget starts: its first use imports modules
        chat = ChatCall(self.settings, self.options, self.completions, self.model)
        try:
            self.breaker.before_call()
        except BackendError as exc:
            exc.call = call
            raise
        try:
            completion = yield from chat.run(messages, call, streaming)
        except MalformedOutput as exc:  # the server works; the model misbehaved
            self.breaker.record_success()
            exc.call = call
            raise
        except Exception as exc:
            self.breaker.record_failure()
            reason = chat.failure_reason(exc, call, self.key_setting, self.model_setting)
            raise BackendError(reason, call) from exc
        except BaseException:  # the caller stopped reading the stream
            self.breaker.abandon()
            raise
        self.breaker.record_success()
        call.prompt_tokens = completion.prompt_tokens
        call.completion_tokens = completion.completion_tokens
        try:
            raw = completion.parse()
        except MalformedOutput as exc:
            exc.call = call
            raise
        suggestions = SuggestionList(
            [Suggestion(r.text, r.why, source=self.name) for r in raw[: request.count]], call
        )
        self.cache.put(key, suggestions)
        yield StreamEvent(tuple(s.text for s in suggestions), suggestions)

    def _cache_key(self, messages: list[dict], count: int) -> str:
        s = self.settings
        material = [
            self.name,
            self.model,
            s.openai_base_url,
            s.mot_llm_max_tokens,
            s.mot_llm_temperature,
            count,
            messages,
        ]
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
