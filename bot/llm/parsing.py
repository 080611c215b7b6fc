"""Reading suggestions out of model output, strictly where possible and tolerantly otherwise.

Models that ignore JSON mode wrap the JSON in code fences or prose, return a bare list, or use
their own key names. `parse_suggestions` accepts all of those; `drafts` reads the reply texts
out of a half-written answer while it streams.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bot.core import prebuilt
from bot.llm.base import BackendError

# JSON schema for structured output: {"suggestions": [{"text", "why"}, ...]}.
SUGGESTIONS_SCHEMA = {
    "name": "suggestions",
    "strict": True,
    "schema": {
        "type": "object",
        "properties": {
            "suggestions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"text": {"type": "string"}, "why": {"type": "string"}},
                    "required": ["text", "why"],
                    "additionalProperties": False,
                },
            }
        },
        "required": ["suggestions"],
        "additionalProperties": False,
    },
}
_TEXT_KEYS = ("text", "reply", "suggestion", "message", "response", "content")
_WHY_KEYS = ("why", "reason", "rationale", "because", "explanation", "loyalty")
_FENCE = prebuilt.compile(r"```[a-zA-Z0-9_-]*[ \t]*\n?(.*?)```", re.DOTALL)
_DECODER = json.JSONDecoder()


class MalformedOutput(BackendError):
    """The model answered, but not with suggestions we can read."""


@dataclass(frozen=True, slots=True)
class RawSuggestion:
    text: str
    why: str


def _item(value: object) -> RawSuggestion | None:
    if isinstance(value, str):
        return RawSuggestion(value.strip(), "") if value.strip() else None
    if not isinstance(value, dict):
        return None
    lowered = {str(k).lower(): v for k, v in value.items()}
    text = next((lowered[k] for k in _TEXT_KEYS if isinstance(lowered.get(k), str)), None)
    why = next((lowered[k] for k in _WHY_KEYS if isinstance(lowered.get(k), str)), "")
    return RawSuggestion(text.strip(), why.strip()) if text and text.strip() else None


def _items(data: object) -> list[RawSuggestion] | None:
    """The suggestions in a decoded JSON value, or None if it has no list of them."""
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        preferred = data.get("suggestions", data.get("replies"))
        candidate = (
            preferred if isinstance(preferred, list) else (lists[0] if len(lists) == 1 else None)
        )
        if candidate is None:
            single = _item(data)
            return [single] if single else None
        data = candidate
    if isinstance(data, list):
        items = [item for item in map(_item, data) if item is not None]
        return items or None
    return None


def _candidates(content: str):
    """JSON values found in the content: the whole, each code fence, each embedded value."""
    yield content
    yield from (m.group(1) for m in _FENCE.finditer(content))
    for index, char in enumerate(content):
        if char in "[{":
            try:
                value, _ = _DECODER.raw_decode(content, index)
            except json.JSONDecodeError:
                continue
            yield value


def parse_suggestions(content: str | None) -> list[RawSuggestion]:
    """Suggestions from model output; MalformedOutput saying what came back otherwise."""
    if not content or not content.strip():
        raise MalformedOutput("the model returned an empty answer")
    for candidate in _candidates(content.strip()):
        if isinstance(candidate, str):
            try:
                candidate = json.loads(candidate)
            except json.JSONDecodeError:
                continue
        items = _items(candidate)
        if items:
            return items
    preview = " ".join(content.split())[:80]
    raise MalformedOutput(f"the model's answer has no suggestions in JSON: {preview!r}")


_DRAFT = prebuilt.compile(r'"(?:text|reply|suggestion)"\s*:\s*"((?:[^"\\]|\\.)*)', re.DOTALL)


def drafts(partial: str) -> tuple[str, ...]:
    """Reply texts so far in a half-written JSON answer (the last one may be cut short)."""
    found = []
    for match in _DRAFT.finditer(partial):
        body = match.group(1)
        while body:
            try:
                found.append(json.loads(f'"{body}"'))
                break
            except json.JSONDecodeError:  # cut inside an escape sequence: drop its start
                body = body[:-1]
    return tuple(found)
