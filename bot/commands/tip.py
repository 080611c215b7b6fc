"""`mot-coach tip`: coach on one conversation."""

from __future__ import annotations

import json
import textwrap

from bot.commands.inputs import read_conversation
from bot.config import Settings
from bot.core.coach import CoachingResult
from bot.services import build_coach

_LEVEL_MARK = {"none": "calm", "watch": "WATCH", "escalate": "ESCALATE"}


def render(result: CoachingResult) -> str:
    assessment = result.assessment
    escalation = assessment.escalation
    lines = []
    if assessment.playbook is None:
        lines.append("Moment: none recognised (no tip: this does not look like a support moment)")
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
    if result.suggestions:
        source = result.backend + (" (fallback)" if result.fallback else "")
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
    coach = build_coach(settings, backend_name=args.backend)
    conversation = read_conversation(args.file)
    result = coach.coach(conversation, trigger="command", context={"channel_kind": "cli"})
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(result))
    return 0
