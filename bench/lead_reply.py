"""How well the first suggestion answers this customer, on a fixture with expectations
(examples/coaching/lead.jsonl, urgent-care.jsonl): `lead_mentions` (facts the first suggestion
must say; "a|b" is either), `set_has` (what some suggestion of the set must say, "a|b" either)
and `set_avoids` (phrases no suggestion may say: a stock line whose situation does not fit, or
a question for what they gave); `reading_gap` marks a row whose miss is the case reading's, not
the composer's. Also counts first suggestions with more than one question and sets with a
stock line from the list below; rows marked `holdout` are counted apart.

    python bench/lead_reply.py examples/coaching/lead.jsonl [--show]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core.playbooks import load_playbooks

# Stock lines that fit any message (the rubric's "generic").
GENERIC = (
    "I'll look into this and update you",
    "I'll send the details to the email on your account",
    "I'll check the details for your account so the answer is specific to you",
)


def misses(row: dict, texts: list[str]) -> list[str]:
    """What the set fails of the row's expectations ([] when it meets them all)."""
    first = texts[0].lower() if texts else ""
    out = [
        f"lead lacks {want!r}"
        for want in row.get("lead_mentions", [])
        if not any(option.lower() in first for option in want.split("|"))
    ]
    said = " ".join(texts).lower()
    out += [
        f"set lacks {want!r}"
        for want in row.get("set_has", [])
        if not any(option.lower() in said for option in want.split("|"))
    ]
    out += [
        f"says {avoid!r}"
        for avoid in row.get("set_avoids", [])
        if any(avoid.lower() in text.lower() for text in texts)
    ]
    if first.count("?") > 1:
        out.append("lead asks more than one question")
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    show = "--show" in argv
    coach = Coach(load_playbooks())
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    failed = generic = 0
    held = [0, 0]  # holdout rows: met, all
    for row in rows:
        result = coach.coach(conversation_from_record(row, row["id"]), trigger="command")
        texts = [s.text for s in result.suggestions]
        found = misses(row, texts)
        generic += any(g.lower() in t.lower() for t in texts for g in GENERIC)
        failed += bool(found)
        if row.get("holdout"):
            held = [held[0] + (not found), held[1] + 1]
        if found or show:
            print(f"{row['id']}: {'; '.join(found) or 'ok'}")
            if show:
                for text in texts:
                    print(f"   - {text}")
    print(
        f"{len(rows) - failed} of {len(rows)} sets meet their expectations; "
        f"{generic} with a stock line"
    )
    if held[1]:
        dev = len(rows) - held[1]
        print(f"development part: {dev - (failed - held[1] + held[0])} of {dev}; ", end="")
        print(f"holdout part: {held[0]} of {held[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
