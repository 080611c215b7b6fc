"""The guard around every non-offline backend, built-in or plugin.

In: the conversation is redacted before the backend sees it, so no personal data leaves the
process. Out: each suggestion gets its placeholders restored, then is checked (rubric, leftover
placeholders, injected instructions); one that fails is replaced from the offline composer and
says why in `Suggestion.replaced`; an honest stand-in (no claimed action, no unstated premise) is
preferred.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from bot.core.case import extract_case
from bot.core.conversation import Conversation, Message
from bot.core.redact import Redaction, Redactor
from bot.core.reply_checks import claimed_actions, premise_violations
from bot.llm.base import (
    Backend,
    BackendError,
    CallInfo,
    DraftCallback,
    Suggestion,
    SuggestionList,
    SuggestionRequest,
)
from bot.llm.output_check import reply_problems

log = logging.getLogger(__name__)
_REDACTOR = Redactor()


def redact_request(request: SuggestionRequest) -> tuple[SuggestionRequest, Redaction]:
    """The request with PII in messages and slots replaced by placeholders, and the mapping."""
    messages = request.conversation.messages
    slot_names = list(request.slots)
    texts, redaction = _REDACTOR.redact_many(
        [m.text for m in messages] + [request.slots[name] for name in slot_names]
    )
    conversation = Conversation(
        id=request.conversation.id,
        # authors are people's names or ids: the backend does not need them
        messages=[Message(m.role, text, m.ts) for m, text in zip(messages, texts, strict=False)],
    )
    slots = dict(zip(slot_names, texts[len(messages) :], strict=True))
    # The case quotes the conversation (issue, amounts, references): read it again from the
    # redacted text, so nothing the redaction took out reaches the model through it.
    case = extract_case(conversation) if request.case is not None else None
    return replace(request, conversation=conversation, slots=slots, case=case), redaction


def _offline_pool(offline: Backend, request: SuggestionRequest) -> list[Suggestion]:
    """The offline set, then its "another set", to choose stand-ins from."""
    pool = list(offline.suggest(request))
    texts = {s.text for s in pool}
    pool += [s for s in offline.suggest(replace(request, variant=1)) if s.text not in texts]
    return pool


def _stand_in(stand_ins: list[Suggestion], used: set[int], index: int, conversation) -> int:
    """The offline suggestion to stand in: an unused honest one (no claimed action, no unstated
    premise) if there is one, else the one at the same position in the first set."""
    for pick, suggestion in enumerate(stand_ins):
        if pick not in used and not (
            claimed_actions(suggestion.text, conversation)
            or premise_violations(suggestion.text, conversation)
        ):
            used.add(pick)
            return pick
    return index % len(stand_ins)


def check_suggestions(
    raw: list[Suggestion], request: SuggestionRequest, redaction: Redaction, offline: Backend
) -> list[Suggestion]:
    """Restored, checked suggestions; failures and gaps filled from the offline composer."""
    stand_ins: list[Suggestion] | None = None
    used: set[int] = set()
    checked: list[Suggestion] = []
    english = getattr(request.case, "language", None) in (None, "en")
    for index in range(request.count):
        if index < len(raw):
            text, why = redaction.restore(raw[index].text), redaction.restore(raw[index].why)
            leftovers = redaction.leftover_placeholders(f"{text}\n{why}")
            problems = reply_problems(
                text, why, request.playbook, request.conversation, leftovers, english
            )
            if not problems:
                checked.append(Suggestion(text, why, source=raw[index].source))
                continue
            reason = "; ".join(problems)
        else:
            reason = "missing from the backend's answer"
        stand_ins = stand_ins or _offline_pool(offline, request)
        pick = _stand_in(stand_ins, used, index, request.conversation)
        log.info("suggestion %d replaced from the offline composer: %s", index + 1, reason)
        checked.append(replace(stand_ins[pick], replaced=reason))
    return checked


def guarded_suggest(
    backend: Backend,
    request: SuggestionRequest,
    offline: Backend,
    on_draft: DraftCallback | None = None,
) -> SuggestionList:
    """Suggestions from `backend`, guarded; with `on_draft`, streamed drafts are passed on."""
    started = time.perf_counter()
    redacted, redaction = redact_request(request)
    if on_draft is None:
        raw = backend.suggest(redacted)
    else:
        raw = None
        for event in backend.stream(redacted):
            if event.final:
                raw = event.suggestions
            else:
                on_draft(tuple(redaction.restore(draft) for draft in event.drafts))
        if raw is None:
            raise BackendError(f"backend {backend.name!r} ended its stream without suggestions")
    call = getattr(raw, "call", None) or CallInfo(
        backend=backend.name, latency_ms=(time.perf_counter() - started) * 1000
    )
    return SuggestionList(check_suggestions(list(raw), request, redaction, offline), call)
