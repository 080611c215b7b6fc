"""`mot-coach eval FILE`: score the matcher and the escalation model on labelled JSONL."""

from __future__ import annotations

import json
import sys

from bot import messages
from bot.commands.inputs import conversation_from_record, json_lines
from bot.config import Settings
from bot.core.evaluation import Report, label_name, score
from bot.messages import UserError
from bot.services import matching_coach


def render(title: str, report: Report) -> str:
    lines = [
        f"{title}: n={report.n}  accuracy={report.accuracy:.3f}  macro-F1={report.macro_f1:.3f}",
        f"  {'label':<22}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}",
    ]
    for s in report.labels:
        lines.append(
            f"  {label_name(s.label):<22}{s.precision:>10.3f}{s.recall:>8.3f}"
            f"{s.f1:>7.3f}{s.support:>9}"
        )
    lines.append("  confusion (gold -> predicted: count):")
    for gold, row in report.confusion.items():
        cells = ", ".join(
            f"{label_name(p)}: {c}" for p, c in sorted(row.items(), key=lambda kv: -kv[1])
        )
        lines.append(f"    {label_name(gold)} -> {cells}")
    return "\n".join(lines)


def run(args, settings: Settings) -> int:
    coach = matching_coach(settings)
    gold_pb, pred_pb, gold_esc, pred_esc, skipped = [], [], [], [], 0
    split = getattr(args, "split", None)
    for number, record, error in json_lines(args.file):
        try:
            if error:
                raise ValueError(error)
            if split is not None and record.get("split") != split:
                continue
            if "playbook" not in record and "escalate" not in record:
                raise ValueError("no 'playbook' or 'escalate' label")
            assessment = coach.assess(conversation_from_record(record, str(number)))
        except ValueError as exc:
            skipped += 1
            print(messages.bad_line(number, str(exc)), file=sys.stderr)
            continue
        if "playbook" in record:
            gold_pb.append(record["playbook"])
            pred_pb.append(assessment.match.playbook_id if assessment.match else None)
        if "escalate" in record:
            gold_esc.append(bool(record["escalate"]))
            pred_esc.append(assessment.escalation.level != "none")
    if not gold_pb and not gold_esc:
        if split is not None and not skipped:
            raise UserError(messages.no_split_rows(args.file, split))
        raise UserError(messages.no_labels(args.file))
    reports = {}
    if gold_pb:
        reports["playbook"] = score(gold_pb, pred_pb)
    if gold_esc:
        reports["escalate"] = score(gold_esc, pred_esc)
    if args.json:
        print(
            json.dumps(
                {k: r.to_dict() for k, r in reports.items()} | {"skipped": skipped}, indent=2
            )
        )
    else:
        print("\n\n".join(render(k, r) for k, r in reports.items()))
        if skipped:
            print(f"\n{skipped} line(s) skipped; see above")
    return 1 if skipped else 0
