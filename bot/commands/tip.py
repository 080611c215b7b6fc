"""`mot-coach tip`: coach on one conversation."""

from __future__ import annotations

import json
import textwrap

from bot.coach import CoachingResult
from bot.commands.inputs import read_conversation
from bot.config import Settings
from bot.core.language import LANGUAGE_NAMES
from bot.llm.base import written_in
from bot.services import build_coach, one_off_sink

_LEVEL_MARK = {"none": "calm", "watch": "WATCH", "escalate": "ESCALATE"}


def _facts(case) -> list[str]:
    """The case's facts once each: amounts, dates, durations, references, then the details."""
    shown: dict[str, str] = {}
    for fact in case.amounts + case.dates + case.durations + case.references + case.details:
        if not any(fact.lower() in seen for seen in shown):
            shown[fact.lower()] = fact
    return list(shown.values())


def _case_lines(result: CoachingResult) -> list[str]:
    """A short "Case:" block: the problem, what they want, what they tried, who they are."""
    case = result.case
    if case is None:
        return []
    facts = [
        ("issue", case.issue),
        ("wants", ", ".join(case.wants)),
        ("tried", "; ".join(case.tried)),
        ("contacts", str(case.contacts) if case.contacts > 1 else ""),
        ("facts", ", ".join(_facts(case))),
        ("evidence", "; ".join(case.evidence)),
        ("done", "; ".join(case.done)),
        ("customer", case.customer_name),
        (
            "language",
            f"{LANGUAGE_NAMES[lang]} ({lang})"
            if (lang := case.language) not in (None, "en")
            else "",
        ),
    ]
    shown = [f"  {label}: {value}" for label, value in facts if value]
    return ["Case:", *shown] if shown else []


def render(result: CoachingResult) -> str:
    assessment = result.assessment
    escalation = assessment.escalation
    lines = []
    if assessment.playbook is None:
        lines.append("Moment: none recognised (no tip: this does not look like a support moment)")
    elif assessment.low_confidence:
        lines.append(f"Moment: {assessment.low_confidence_note}; asking to clarify")
    else:
        how = (
            f"confidence {assessment.match.confidence:.2f}"
            if assessment.match
            else "chosen because the conversation is escalating"
        )
        lines.append(f"Moment: {assessment.playbook.title} ({assessment.playbook.id}), {how}")
        lines.append(
            textwrap.fill(
                assessment.playbook.moment, 88, initial_indent="  ", subsequent_indent="  "
            )
        )
    lines.append(f"Escalation: {_LEVEL_MARK[escalation.level]} (score {escalation.score:.2f})")
    lines.extend(f"  - {reason}" for reason in escalation.reasons)
    lines.extend(_case_lines(result))
    if result.coaching:
        lines.append("Coaching:")
        lines.extend(f"  - {line}" for line in result.coaching)
    if result.suggestions:
        source = result.backend + (" (fallback)" if result.fallback else "")
        if language := written_in(result.suggestions):
            source += f", in {LANGUAGE_NAMES[language]}"
        lines.append(f"Suggested replies ({source}):")
        for number, suggestion in enumerate(result.suggestions, start=1):
            lines.append(
                textwrap.fill(
                    suggestion.text, 88, initial_indent=f"  {number}. ", subsequent_indent="     "
                )
            )
            lines.append(
                textwrap.fill(
                    f"Why: {suggestion.why}", 88, initial_indent="     ", subsequent_indent="     "
                )
            )
    return "\n".join(lines)


def run(args, settings: Settings) -> int:
    sink = one_off_sink(settings)
    coach = build_coach(settings, backend_name=args.backend, sink=sink)
    conversation = read_conversation(args.file)
    result = coach.coach(conversation, trigger="command", context={"channel_kind": "cli"})
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(result))
    return 0
