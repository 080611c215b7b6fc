"""The backend interface: one small base class with one abstract method."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from bot.core.conversation import Conversation
from bot.core.escalation import EscalationAssessment
from bot.core.knowledge import Knowledge
from bot.core.playbooks import Playbook

if TYPE_CHECKING:  # the case loads with the coaching side, not for `classify`
    from bot.core.case import Case

# Called with the provisional reply texts while a backend streams (bot/llm/guard.py).
DraftCallback = Callable[[tuple[str, ...]], None]


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    why: str
    source: str = "offline"  # the backend that wrote it
    replaced: str | None = None  # why the backend's own suggestion was replaced by this one
    language: str | None = None  # ISO 639-1, when written in the customer's other language

    def to_dict(self) -> dict:
        return asdict(self)


def written_in(suggestions: list[Suggestion]) -> str | None:
    """The customer's other language every suggestion is written in, if any."""
    languages = {s.language for s in suggestions}
    return languages.pop() if len(languages) == 1 and suggestions else None


@dataclass(slots=True)
class CallInfo:
    """How one set of suggestions was made: model, prompt, tokens, time. For the log."""

    backend: str
    model: str | None = None
    prompt_id: str | None = None
    prompt_version: int | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float = 0.0
    attempts: int = 0
    cached: bool = False
    streamed: bool = False

    @property
    def usage(self) -> dict[str, int] | None:
        if self.prompt_tokens is None and self.completion_tokens is None:
            return None
        prompt, completion = self.prompt_tokens or 0, self.completion_tokens or 0
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "latency_ms": round(self.latency_ms, 2), "usage": self.usage}


class SuggestionList(list):
    """A list of Suggestion that also carries how it was made (`call`); a plain list otherwise."""

    def __init__(self, items: Iterable[Suggestion] = (), call: CallInfo | None = None):
        super().__init__(items)
        self.call = call


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One step of a streamed answer: the reply texts so far (provisional, unchecked), and on
    the last event only, the finished suggestions."""

    drafts: tuple[str, ...] = ()
    suggestions: list[Suggestion] | None = None

    @property
    def final(self) -> bool:
        return self.suggestions is not None


@dataclass(frozen=True, slots=True)
class SuggestionRequest:
    conversation: Conversation
    playbook: Playbook
    assessment: EscalationAssessment
    slots: dict[str, str] = field(default_factory=dict)
    variant: int = 0  # "Another set": 0 for the first set, 1 for the next, ...
    count: int = 3
    case: Case | None = None  # what this customer's problem is (bot/core/case.py)
    # Asked for explicitly but no moment is clear: acknowledge and ask the one question.
    low_confidence: bool = False
    knowledge: Knowledge | None = None  # the team's facts and voice (MOT_KNOWLEDGE_FILE)


@dataclass(frozen=True, slots=True)
class SummaryRequest:
    """What a backend needs to write a thread's three-line summary (bot/core/summary.py). The
    conversation is redacted before any backend but the offline one sees it."""

    conversation: Conversation
    playbook: Playbook | None
    assessment: EscalationAssessment
    case: Case | None = None


class BackendError(Exception):
    """A backend is unknown, misconfigured or failed; the message is meant for the user.

    `call`, when set, records what the failed call cost (attempts, time, tokens) for the log.
    """

    def __init__(self, message: str = "", call: CallInfo | None = None):
        super().__init__(message)
        self.call = call


class Backend(ABC):
    name: ClassVar[str] = "base"
    # True for a composer that writes replies in-process from the playbook's checked templates:
    # instant, no network, so the coach runs it unguarded and channels neither show a
    # "Coaching…" placeholder nor stream drafts.
    composes_offline: ClassVar[bool] = False

    def __init__(self, settings=None):
        self.settings = settings

    def configuration_problems(self) -> list[str]:
        """What must be fixed before this backend can run, naming the setting. Empty if ready."""
        return []

    @abstractmethod
    def suggest(self, request: SuggestionRequest) -> list[Suggestion]:
        """Return `request.count` suggested replies for the agent."""

    def summarize(self, request: SummaryRequest) -> tuple[str, str, str] | None:
        """What the customer wants, what was tried or promised, what is at stake; None (the
        default) leaves the summary to the offline extractive one."""
        return None

    def stream(self, request: SuggestionRequest) -> Iterator[StreamEvent]:
        """Partial reply texts as they are written, then the suggestions (the last event).

        Backends that cannot stream need not override this: it yields the finished result once.
        """
        suggestions = self.suggest(request)
        yield StreamEvent(tuple(s.text for s in suggestions), suggestions)
