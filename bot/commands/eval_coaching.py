"""`mot-coach eval-coaching FILE`: coach on every conversation, count the rubric's defects."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from bot import messages
from bot.coach import NullSink
from bot.commands.inputs import conversation_from_record, json_lines, read_conversation
from bot.config import Settings
from bot.core.coaching_eval import CARE_KINDS, SetScore, Tally, score_set, tally
from bot.core.conversation import Conversation
from bot.messages import UserError
from bot.services import build_coach

# (heading, width, how to show one tally)
_COLUMNS = (
    ("sets", 5, lambda t: str(t.sets)),
    ("abstain", 8, lambda t: str(t.abstentions)),
    ("claimed", 8, lambda t: f"{t.claimed_rate:.0%}"),
    ("premise", 8, lambda t: str(t.premises)),
    ("rep.open", 9, lambda t: str(t.repeated_opener_sets)),
    ("2xsorry", 8, lambda t: str(t.double_apology)),
    ("rep.phr", 8, lambda t: str(t.repeated_phrase)),
    ("empty", 6, lambda t: str(t.content_free)),
    ("[name]", 7, lambda t: str(t.name_placeholder)),
    ("name", 6, lambda t: f"{t.name_used_sets}/{t.name_known_sets}"),
    ("re-ask", 7, lambda t: str(t.asked_to_repeat)),
    ("reflect", 8, lambda t: f"{t.reflection_rate:.0%}"),
    ("manager", 8, lambda t: f"{t.manager_offered_sets}/{t.manager_asked_sets}"),
)
LEGEND = (
    "sets: conversations; abstain: sets with no suggestion although asked; claimed: suggestions "
    "claiming a finished action the conversation does not state; premise: suggestions presuming "
    "an unstated premise; rep.open: sets where two suggestions open with the same sentence; "
    "2xsorry: suggestions apologising twice; rep.phr: suggestions repeating a phrase; empty: "
    "sentences with no content; [name]: placeholder although the name is known; name: sets "
    "using the known name / sets where it is known; re-ask: suggestions asking for a fix already "
    "tried; reflect: answered sets where a suggestion reflects the customer's issue; manager: "
    "sets offering a manager / sets where the customer asks for one"
)


def _care_label(record: dict) -> bool:
    """Whether the row is labelled as showing a care kind; ValueError for a bad label."""
    value = record.get("care")
    if value in (None, [], ""):
        return False
    kinds = value if isinstance(value, list) else [value]
    if not all(isinstance(k, str) and k in CARE_KINDS for k in kinds):
        raise ValueError(messages.bad_care(value, CARE_KINDS))
    return True


def render(overall: Tally, per_playbook: dict[str, Tally]) -> str:
    head = f"{'playbook':<22}" + "".join(f"{h:>{w}}" for h, w, _ in _COLUMNS)
    rows = [head]
    for name, totals in [*per_playbook.items(), ("overall", overall)]:
        rows.append(f"{name:<22}" + "".join(f"{show(totals):>{w}}" for _, w, show in _COLUMNS))
    rows.insert(len(rows) - 1, "-" * len(head))
    rows.append(
        f"\n{overall.suggestions} suggestions; claimed actions in {overall.claimed} "
        f"({overall.claimed_sets} sets)"
    )
    if overall.care_expected:
        flagged = (
            "n/a (no care in the assessment)"
            if overall.care_flagged is None
            else (f"{overall.care_flagged}")
        )
        rows.append(
            f"care: {overall.care_expected} labelled; flagged {flagged}; "
            f"level none {overall.care_level_none}"
        )
    rows.append("\n" + textwrap.fill(LEGEND, 100))
    return "\n".join(rows)


def _set_record(row_id: str, score: SetScore) -> dict:
    return {"id": row_id, "playbook": score.playbook, "defects": score.defects}


def _jsonl_rows(source: str) -> Iterator[tuple[Conversation, bool] | str]:
    """(conversation, care label) per good line; a one-line error for each bad one."""
    for number, record, error in json_lines(source):
        try:
            if error:
                raise ValueError(error)
            conversation = conversation_from_record(record, str(number))
            if conversation.is_empty():
                raise ValueError("the conversation is empty")
            yield conversation, _care_label(record)
        except ValueError as exc:
            yield messages.bad_line(number, str(exc))


def _folder_rows(folder: Path) -> Iterator[tuple[Conversation, bool] | str]:
    """Every conversation file of a folder like examples/ (*.txt, *.json), by name."""
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".json") and p.is_file())
    if not files:
        raise UserError(messages.no_conversations(str(folder)))
    for path in files:
        try:
            yield read_conversation(str(path)), False
        except UserError as exc:
            yield str(exc)


def run(args, settings: Settings) -> int:
    coach = build_coach(settings, backend_name=args.backend, sink=NullSink())
    folder = Path(args.file)
    rows = _folder_rows(folder) if args.file != "-" and folder.is_dir() else _jsonl_rows(args.file)
    scores, sets, skipped = [], [], 0
    for row in rows:
        if isinstance(row, str):
            skipped += 1
            print(row, file=sys.stderr)
            continue
        conversation, care_expected = row
        result = coach.coach(conversation, trigger="command", context={"channel_kind": "eval"})
        playbook = result.assessment.playbook
        score = score_set(
            conversation,
            playbook.id if playbook else None,
            [s.text for s in result.suggestions],
            case=getattr(result, "case", None) or result.to_dict().get("case"),
            care_expected=care_expected,
            escalation=result.assessment.escalation,
        )
        scores.append(score)
        sets.append(_set_record(conversation.id, score))
    if not scores:
        raise UserError(messages.no_conversations(args.file))
    overall, per_playbook = tally(scores)
    if args.json:
        report = {
            "overall": overall.to_dict(),
            "playbooks": {name: t.to_dict() for name, t in per_playbook.items()},
            "sets": sets,
            "skipped": skipped,
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render(overall, per_playbook))
        if skipped:
            print(f"\n{skipped} input(s) skipped; see above")
    return 1 if skipped else 0
