"""Coach: the one service every channel calls. Conversation in; assessment and suggestions out.

It prints nothing and imports no channel code. Every result goes to a sink (the suggestion log).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.coach.result import CoachingResult, NullSink, SuggestionSink
from bot.core.assessment import Assessment
from bot.core.conversation import Conversation
from bot.core.escalation import assess
from bot.core.knowledge import NEUTRAL, Knowledge, apply_voice
from bot.core.matcher import DEFAULT_THRESHOLD, Matcher
from bot.core.playbooks import Playbook
from bot.llm.base import (
    Backend,
    DraftCallback,
    Suggestion,
    SuggestionList,
    SuggestionRequest,
    written_in,
)

if TYPE_CHECKING:  # the coaching side loads on the first suggestion: `classify` only assesses
    from bot.core.case import Case
    from bot.core.summary import Summary
    from bot.llm.offline import OfflineBackend

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


class Coach:
    def __init__(
        self,
        playbooks: Mapping[str, Playbook],
        backend: Backend | None = None,
        sink: SuggestionSink | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        knowledge: Knowledge | None = None,
        matcher: Matcher | None = None,
    ):
        """`matcher`: one already built over `playbooks` (bot/core/compiled.py), or None."""
        self.playbooks = dict(playbooks)
        self.knowledge = knowledge or NEUTRAL
        self.matcher = matcher or Matcher(self.playbooks)
        self.matcher.threshold = threshold
        self._backend = backend
        self.sink = sink or NullSink()

    @cached_property
    def offline(self) -> OfflineBackend:
        """The offline composer: the fallback of every backend, and the default one."""
        from bot.llm.offline import OfflineBackend

        return OfflineBackend()

    @property
    def backend(self) -> Backend:
        return self._backend or self.offline

    @backend.setter
    def backend(self, backend: Backend) -> None:
        self._backend = backend

    def assess(
        self, conversation: Conversation, now: float | None = None, asked: bool = False
    ) -> Assessment:
        """The moment and the escalation level. `asked` (an agent asked for a tip): when no
        moment is clear, still coach, with low confidence, on a clarifying playbook."""
        ranked = self._premise_first(conversation, tuple(self.matcher.rank(conversation)))
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

    def _premise_first(self, conversation: Conversation, ranked: tuple) -> tuple:
        """`ranked`, with a moment the conversation's premises tell (`matching.premises`) put
        first when it reaches the threshold but another moment outscores it."""
        told = [
            m
            for m in ranked[1:]
            if m.confidence >= self.matcher.threshold
            and m.playbook_id in self.playbooks
            and self.playbooks[m.playbook_id].matching.premises
        ]
        if not told:
            return ranked
        from bot.core.premises import stated_premises

        stated = stated_premises(conversation)
        for match in told:
            if stated & set(self.playbooks[match.playbook_id].matching.premises):
                return (match, *(m for m in ranked if m is not match))
        return ranked

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
        from bot.core.case import extract_case
        from bot.core.slots import fill_slots

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
        if self.backend.composes_offline:  # in-process templates: nothing to redact or check
            return self._voiced(self.backend.suggest(request)), self.backend.name, None
        from bot.llm.guard import guarded_suggest  # redaction and checks: for models only

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
        from bot.core.case import extract_case
        from bot.core.coaching import coaching_lines

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
            coaching=coaching_lines(
                case, assessment, backend == self.offline.name, written_in(suggestions)
            )
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
        from bot.llm.summaries import thread_summary

        writer = None
        if trigger in WRITTEN_SUMMARY_TRIGGERS and not self.backend.composes_offline:
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
