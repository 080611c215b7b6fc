"""How well the case reads each customer: the issue said back, what they want, their facts.

    python bench/case_reading.py examples/coaching/reading.jsonl
    python bench/case_reading.py FILE --failures     # each expectation missed, by conversation

Each row of FILE (JSON lines) has `messages` and `expect`, written before any output was seen:
- `issue`: "said" (a clean issue must be said back), "not_said" (nothing may be), "any";
  `issue_has_any`: when said, it contains one of these; `issue_not`: it contains none of these
  (an instruction or a consequence said back as the problem);
- `wants` / `wants_not`: labels that must / must not be in `case.wants`;
- `facts`: words each found in one of the case's fact fields (FACT_FIELDS).
The offline coach answers an explicit ask (the real interface, as `tip` does) and its case is
checked. Reported: conversations whose issue, wants and facts all meet the row, and per check.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.coach import NullSink
from bot.commands.inputs import conversation_from_record, json_lines
from bot.config import Settings
from bot.services import build_coach

FACT_FIELDS = (
    "amounts",
    "dates",
    "durations",
    "references",
    "details",
    "evidence",
    "done",
    "tried",
    "deadline",
)


def fact_text(case: dict) -> str:
    """Every fact field of a case (as `tip --json` shows it), joined, lower case."""
    parts: list[str] = []
    for name in FACT_FIELDS:
        value = case.get(name)
        parts += value if isinstance(value, list) else [value] if value else []
    return " | ".join(parts).lower()


def misses(case: dict, expect: dict) -> list[str]:
    """What the case gets wrong against the row's expectations, in words."""
    found: list[str] = []
    issue = (case.get("issue") or "").lower()
    if expect.get("issue") == "said" and not issue:
        found.append("issue: nothing said back")
    if expect.get("issue") == "not_said" and issue:
        found.append(f"issue: said back {issue!r}")
    wanted_in = [w.lower() for w in expect.get("issue_has_any", [])]
    if issue and wanted_in and not any(w in issue for w in wanted_in):
        found.append(f"issue: {issue!r} has none of {wanted_in}")
    found += [
        f"issue: {issue!r} has {w!r}" for w in expect.get("issue_not", []) if w.lower() in issue
    ]
    wants = case.get("wants") or []
    found += [
        f"wants: {w!r} missing from {wants}" for w in expect.get("wants", []) if w not in wants
    ]
    found += [f"wants: {w!r} wrongly in {wants}" for w in expect.get("wants_not", []) if w in wants]
    facts = fact_text(case)
    found += [f"facts: {f!r} not found" for f in expect.get("facts", []) if f.lower() not in facts]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--failures", action="store_true", help="list each miss")
    args = parser.parse_args()
    coach = build_coach(Settings(), backend_name="offline", sink=NullSink())
    counts: Counter = Counter()
    for _, record, error in json_lines(args.file):
        if error:
            continue
        conversation = conversation_from_record(record, record.get("id", ""))
        result = coach.coach(conversation, trigger="command", context={})
        case = result.case.to_dict() if result.case else {}
        expect = record.get("expect", {})
        missed = misses(case, expect)
        counts["conversations"] += 1
        counts["all met"] += not missed
        for kind in ("issue", "wants", "facts"):
            counts[f"{kind} met"] += not any(m.startswith(kind) for m in missed)
        counts["facts expected"] += len(expect.get("facts", []))
        counts["facts found"] += len(expect.get("facts", [])) - sum(
            m.startswith("facts") for m in missed
        )
        if args.failures and missed:
            print(f"{conversation.id}:", *missed, sep="\n  ")
    print(json.dumps({"file": args.file, **counts}))


if __name__ == "__main__":
    main()
