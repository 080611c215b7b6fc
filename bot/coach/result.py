"""What one coaching call produced, and the sink it is logged to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.assessment import Assessment
from bot.core.conversation import Conversation
from bot.llm.base import CallInfo, Suggestion

if TYPE_CHECKING:  # the coaching side: not loaded by `classify`, which makes no result
    from bot.core.case import Case
    from bot.core.summary import Summary


@dataclass(slots=True)
class CoachingResult:
    conversation: Conversation
    assessment: Assessment
    suggestions: list[Suggestion]
    backend: str
    fallback: bool = False
    fallback_reason: str | None = None
    latency_ms: float = 0.0
    trigger: str = "command"
    context: dict[str, Any] = field(default_factory=dict)
    call: CallInfo | None = None  # model, prompt, tokens and time of the backend call, if any
    case: Case | None = None  # what the customer's problem is, what they want and tried
    coaching: list[str] = field(default_factory=list)  # one or two lines for the agent
    summary: Summary | None = None  # wants / tried or promised / at stake, redacted

    def _call_dict(self) -> dict[str, Any]:
        call = self.call
        return {
            "model": call.model if call else None,
            "prompt_id": call.prompt_id if call else None,
            "prompt_version": call.prompt_version if call else None,
            "usage": call.usage if call else None,
            "backend_latency_ms": round(call.latency_ms, 2) if call else None,
            "attempts": call.attempts if call else None,
            "cached": call.cached if call else False,
            "replaced": sum(1 for s in self.suggestions if s.replaced),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "conversation_id": self.conversation.id,
            **self.assessment.to_dict(),
            "suggestions": [s.to_dict() for s in self.suggestions],
            "backend": self.backend,
            "fallback": self.fallback,
            "fallback_reason": self.fallback_reason,
            "latency_ms": round(self.latency_ms, 2),
            "trigger": self.trigger,
            "case": self.case.to_dict() if self.case else None,
            "coaching": list(self.coaching),
            "summary": self.summary.to_dict() if self.summary else None,
            **self._call_dict(),
        }


class SuggestionSink(Protocol):
    def record(self, result: CoachingResult, shown_to: str | None = None) -> None:
        """Log the result; `shown_to` (who saw it) when the channel logs after delivering."""


class NullSink:
    def record(self, result: CoachingResult, shown_to: str | None = None) -> None:
        return None
