"""`mot-coach classify`: JSON lines in, one JSON line out per input, same order. No LLM."""

from __future__ import annotations

import gc
import json
import sys

from bot import messages
from bot.coach import Coach
from bot.commands.inputs import conversation_from_record, json_lines
from bot.config import Settings
from bot.services import matching_coach


def classify_record(coach: Coach, record: dict, number: int) -> dict:
    conversation = conversation_from_record(record, default_id=str(number))
    assessment = coach.assess(conversation)
    match = assessment.match
    return {
        "id": record.get("id"),
        "playbook": match.playbook_id if match else None,
        "confidence": match.confidence
        if match
        else (assessment.ranked[0].confidence if assessment.ranked else 0.0),
        "escalation": assessment.escalation.to_dict(),
    }


def run(args, settings: Settings) -> int:
    coach = matching_coach(settings)
    if getattr(args, "freeze_setup", False):  # run as the process (bot/cli.py)
        gc.freeze()  # the coach lives until exit: the collector need not walk it again
    out, errors = sys.stdout, 0
    for number, record, error in json_lines(args.file):
        if error is None:
            try:
                out.write(json.dumps(classify_record(coach, record, number)) + "\n")
                continue
            except (ValueError, TypeError) as exc:  # this line only; the next is still answered
                error = str(exc)
        errors += 1
        print(messages.bad_line(number, error), file=sys.stderr)
        row_id = record.get("id") if isinstance(record, dict) else None
        out.write(json.dumps({"id": row_id, "error": messages.bad_line(number, error)}) + "\n")
    if errors:
        print(f"{errors} line(s) could not be classified; see above", file=sys.stderr)
        return 1
    return 0
