"""Coach: the one service every channel calls. Conversation in; assessment and suggestions out.

It prints nothing and imports no channel code. Every result goes to a sink (the suggestion log).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from bot.core.case import Case, extract_case
from bot.core.coaching import coaching_lines
from bot.core.conversation import Conversation
from bot.core.escalation import EscalationAssessment, assess
from bot.core.knowledge import NEUTRAL, Knowledge, apply_voice
from bot.core.matcher import DEFAULT_THRESHOLD, Match, Matcher
from bot.core.playbooks import Playbook
from bot.core.slots import fill_slots
from bot.core.summary import Summary
from bot.llm.base import Backend, CallInfo, Suggestion, SuggestionList, SuggestionRequest
from bot.llm.guard import DraftCallback, guarded_suggest
from bot.llm.offline import OfflineBackend
from bot.llm.summaries import thread_summary

log = logging.getLogger(__name__)
# When nothing matches but the conversation is hot, coach on the escalation playbook.
HOT_FALLBACK_PLAYBOOK = "escalation-request"
# When an agent asks and no moment is clear, acknowledge and ask: the first playbook found.
CLARIFY_PLAYBOOKS = ("first-contact", "information-request")
# Triggers where an agent asked for a tip; listening ("nudge") stays quiet when unsure.
EXPLICIT_TRIGGERS = frozenset({"command", "shortcut", "mention"})
# Nudges (and the leads' alerts that go with them) get the backend's summary, when it writes
# one; every other result gets the offline one, which costs no call.
WRITTEN_SUMMARY_TRIGGERS = frozenset({"nudge"})


@dataclass(frozen=True, slots=True)
class Assessment:
    match: Match | None
    ranked: tuple[Match, ...]
    escalation: EscalationAssessment
    playbook: Playbook | None  # the playbook to coach with (None: no tip)
    # Asked for, but no moment reached the threshold: `playbook` only frames a clarifying
    # answer, and `likely` names the best-ranked moments.
    low_confidence: bool = False

    @property
    def likely(self) -> list[str]:
        return [m.playbook_id for m in self.ranked[:2] if m.confidence > 0]

    @property
    def low_confidence_note(self) -> str:
        """The one line every channel shows for a low-confidence answer."""
        likely = ", ".join(self.likely)
        return (
            f"Low confidence — likely: {likely}" if likely else "Low confidence — no clear moment"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "playbook": self.playbook.id if self.playbook else None,
            "low_confidence": self.low_confidence,
            "likely": self.likely if self.low_confidence else [],
            "title": self.playbook.title if self.playbook else None,
            "confidence": self.match.confidence if self.match else 0.0,
            "matched_by": "low_confidence"
            if self.low_confidence
            else (
                "escalation"
                if self.playbook and not self.match
                else ("signals" if self.match else None)
            ),
            "alternatives": [
                {"playbook": m.playbook_id, "confidence": m.confidence} for m in self.ranked[1:3]
            ],
            "escalation": self.escalation.to_dict(),
        }


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


class Coach:
    def __init__(
        self,
        playbooks: Mapping[str, Playbook],
        backend: Backend | None = None,
        sink: SuggestionSink | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        knowledge: Knowledge | None = None,
    ):
        self.playbooks = dict(playbooks)
        self.knowledge = knowledge or NEUTRAL
        self.matcher = Matcher(self.playbooks, threshold=threshold)
        self.offline = OfflineBackend()
        self.backend = backend or self.offline
        self.sink = sink or NullSink()

    def assess(
        self, conversation: Conversation, now: float | None = None, asked: bool = False
    ) -> Assessment:
        """The moment and the escalation level. `asked` (an agent asked for a tip): when no
        moment is clear, still coach, with low confidence, on a clarifying playbook."""
        ranked = tuple(self.matcher.rank(conversation))
        best = ranked[0] if ranked and ranked[0].confidence >= self.matcher.threshold else None
        escalation = assess(conversation, now=now)
        playbook = self.playbooks.get(best.playbook_id) if best else None
        if playbook is None and escalation.level == "escalate":
            playbook = self.playbooks.get(HOT_FALLBACK_PLAYBOOK)
        if playbook is None and asked and not conversation.is_empty():
            clarify = next(
                (self.playbooks[i] for i in CLARIFY_PLAYBOOKS if i in self.playbooks), None
            )
            if clarify is not None:
                return Assessment(best, ranked, escalation, clarify, low_confidence=True)
        return Assessment(best, ranked, escalation, playbook)

    def suggest(
        self,
        conversation: Conversation,
        assessment: Assessment,
        variant: int = 0,
        on_draft: DraftCallback | None = None,
        case: Case | None = None,
    ) -> tuple[list[Suggestion], str, str | None]:
        """Suggestions, the backend that wrote them, and why the offline composer stood in.

        Other backends than the offline composer run guarded (bot/llm/guard.py): they see the
        conversation redacted, and their suggestions are checked. With `on_draft`, the backend
        streams, and each set of provisional reply texts is passed to it as it grows.
        """
        if assessment.playbook is None:
            return [], self.backend.name, None
        request = SuggestionRequest(
            conversation=conversation,
            playbook=assessment.playbook,
            assessment=assessment.escalation,
            slots={**self.knowledge.facts.known(), **fill_slots(conversation)},
            variant=variant,
            case=case if case is not None else extract_case(conversation),
            low_confidence=assessment.low_confidence,
            knowledge=self.knowledge,
        )
        if self.backend is self.offline or isinstance(self.backend, OfflineBackend):
            return self._voiced(self.offline.suggest(request)), self.offline.name, None
        try:
            suggestions = guarded_suggest(self.backend, request, self.offline, on_draft)
            return self._voiced(suggestions), self.backend.name, None
        except Exception as exc:  # any backend failure: the agent still gets a tip
            log.warning("backend %s failed, using offline composer: %s", self.backend.name, exc)
            fallback = SuggestionList(self.offline.suggest(request), getattr(exc, "call", None))
            return self._voiced(fallback), self.offline.name, f"{type(exc).__name__}: {exc}"

    def _voiced(self, suggestions: list[Suggestion]) -> SuggestionList:
        """The suggestions in the team's voice (spelling, emoji, formality, sign-off)."""
        voice = self.knowledge.voice
        voiced = [replace(s, text=apply_voice(s.text, voice)) for s in suggestions]
        return SuggestionList(voiced, getattr(suggestions, "call", None))

    def coach(
        self,
        conversation: Conversation,
        trigger: str = "command",
        context: dict[str, Any] | None = None,
        variant: int = 0,
        now: float | None = None,
        on_draft: DraftCallback | None = None,
        record: bool = True,
    ) -> CoachingResult:
        """Assess and suggest; the result goes to the sink unless `record` is False: then its
        log id is fixed in `context["log_id"]` (so buttons can carry it) and the channel logs
        it once delivered (bot/delivered.py), with who it was shown to."""
        started = time.perf_counter()
        assessment = self.assess(conversation, now=now, asked=trigger in EXPLICIT_TRIGGERS)
        case = extract_case(conversation)
        suggestions, backend, reason = self.suggest(
            conversation, assessment, variant, on_draft, case=case
        )
        result = CoachingResult(
            conversation=conversation,
            assessment=assessment,
            suggestions=suggestions,
            backend=backend,
            fallback=reason is not None,
            fallback_reason=reason,
            latency_ms=(time.perf_counter() - started) * 1000,
            trigger=trigger,
            context=dict(context or {}),
            call=getattr(suggestions, "call", None),
            case=case,
            coaching=coaching_lines(case, assessment, backend == self.offline.name)
            if assessment.playbook
            else [],
            summary=self.summarize(conversation, assessment, case, trigger),
        )
        if record:
            self.log(result)
        else:
            result.context.setdefault("log_id", uuid.uuid4().hex)
        return result

    def summarize(
        self, conversation: Conversation, assessment: Assessment, case: Case, trigger: str
    ) -> Summary:
        writer = None
        if trigger in WRITTEN_SUMMARY_TRIGGERS and not isinstance(self.backend, OfflineBackend):
            writer = self.backend
        return thread_summary(
            writer, conversation, case, assessment.playbook, assessment.escalation
        )

    def log(self, result: CoachingResult, shown_to: str | None = None) -> None:
        """Write the result to the sink; the log must never cost the agent their tip."""
        try:
            if shown_to is None:
                self.sink.record(result)
            else:
                self.sink.record(result, shown_to=shown_to)
        except Exception:
            log.exception("could not record coaching result for %s", result.conversation.id)
