"""The OpenAI chat-completions wire format, as the `openai` package speaks it: request options
that servers differ on, reading answers and streams, and sorting errors into retry or not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import openai

from bot.llm.base import BackendError
from bot.llm.parsing import SUGGESTIONS_SCHEMA, MalformedOutput, RawSuggestion, parse_suggestions
from bot.llm.resilience import retry_after_seconds

FORMATS = ("json_schema", "json_object", "none")
RETRY_STATUSES = frozenset({408, 409, 429})


class Adapted(Exception):
    """The server rejected an option it does not support; the request was adapted, try again."""


class StreamInterrupted(BackendError):
    """The stream ended before the model finished (a dropped connection)."""


@dataclass
class RequestOptions:
    """What this server accepts, learned from its 400 answers and kept for the next calls."""

    response_format: str = "json_schema"
    max_tokens_name: str = "max_tokens"
    temperature: bool = True
    stream_options: bool = True
    adapted: list[str] = field(default_factory=list)

    def kwargs(self, max_tokens: int, temperature: float, stream: bool) -> dict:
        options: dict = {self.max_tokens_name: max_tokens}
        if self.temperature:
            options["temperature"] = temperature
        if self.response_format == "json_schema":
            options["response_format"] = {"type": "json_schema", "json_schema": SUGGESTIONS_SCHEMA}
        elif self.response_format == "json_object":
            options["response_format"] = {"type": "json_object"}
        if stream:
            options["stream"] = True
            if self.stream_options:
                options["stream_options"] = {"include_usage": True}
        return options

    def adapt(self, exc: openai.BadRequestError, pinned_format: bool) -> bool:
        """Drop or rename the option a 400/422 complains about; False if there is none."""
        message = str(exc).lower()
        if "max_completion_tokens" in message and self.max_tokens_name == "max_tokens":
            self.max_tokens_name = "max_completion_tokens"
        elif "temperature" in message and self.temperature:
            self.temperature = False
        elif "stream_options" in message and self.stream_options:
            self.stream_options = False
        elif (
            not pinned_format
            and self.response_format != "none"
            and any(
                word in message
                for word in (
                    "response_format",
                    "json_schema",
                    "json_object",
                    "structured",
                    "not supported",
                    "unsupported",
                )
            )
        ):
            self.response_format = FORMATS[FORMATS.index(self.response_format) + 1]
        else:
            return False
        self.adapted.append(message[:120])
        return True


@dataclass
class Completion:
    content: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None

    def parse(self) -> list[RawSuggestion]:
        """The suggestions in the answer; MalformedOutput saying why there are none."""
        try:
            return parse_suggestions(self.content)
        except MalformedOutput as exc:
            if self.finish_reason == "length":
                raise MalformedOutput(
                    "the model ran out of tokens before finishing its answer (MOT_LLM_MAX_TOKENS)"
                ) from exc
            raise


def _usage(usage) -> tuple[int | None, int | None]:
    if usage is None:
        return None, None
    return getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None)


def read_completion(response) -> Completion:
    if not getattr(response, "choices", None):
        raise MalformedOutput("the server answered with no choices")
    choice = response.choices[0]
    content = choice.message.content or getattr(choice.message, "refusal", None) or ""
    return Completion(content, *_usage(response.usage), choice.finish_reason)


def read_stream(
    stream, on_text: Callable[[str], None], overrun: Callable[[], str | None]
) -> Iterator[None]:
    """Feeds the growing text to `on_text` chunk by chunk; `overrun()` says when to give up.

    A generator so that the caller can yield between chunks; its return value is the Completion.
    """
    parts: list[str] = []
    finished, usage = None, None
    for chunk in stream:
        usage = chunk.usage or usage
        for choice in chunk.choices or ():
            if choice.delta and choice.delta.content:
                parts.append(choice.delta.content)
                on_text("".join(parts))
            finished = finished or choice.finish_reason
        yield
        reason = overrun()
        if reason:
            raise BackendError(reason)
    if not finished:
        raise StreamInterrupted("the stream ended before the model finished its answer")
    return Completion("".join(parts), *_usage(usage), finished)


def is_transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, dropped connections, 408/409/429 and 5xx."""
    if isinstance(exc, Adapted | StreamInterrupted | openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRY_STATUSES or exc.status_code >= 500
    return isinstance(exc, httpx.TransportError)


def retry_after(exc: BaseException | None) -> float | None:
    response = getattr(exc, "response", None)
    return retry_after_seconds(response.headers) if response is not None else None


def describe(exc: BaseException, key_setting: str, model_setting: str) -> str:
    """One line for the log and the fallback reason, naming the setting to fix where one is."""
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APITimeoutError):
        return "the server did not answer in time (MOT_LLM_TIMEOUT)"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach the server ({exc.__cause__ or exc})"
    if status in (401, 403):
        return f"the server refused the key ({status}); check {key_setting}"
    if status == 404:
        return f"the server does not know the model or path (404); check {model_setting}"
    if status is not None:
        body = getattr(exc, "message", "") or str(exc)
        return f"the server answered {status}: {' '.join(str(body).split())[:160]}"
    return f"{type(exc).__name__}: {exc}"
