"""What reading the case and composing on it cost, next to matching the moment.

    python bench/case_bench.py [--rounds 5] [--dev FILE]

Over the bundled examples (and ../shared/eval/escalate-zuters-dev.jsonl, or --dev FILE, when
it is there),
interleaved round by round so machine noise hits each alike, prints the median per
conversation of:
- assess: the matcher and the escalation model (the baseline: what every tip already paid);
- extract_case: bot/core/case.py;
- offline suggest: the offline composer on the case;
and the ratio of each to assess.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.coach import Coach
from bot.commands.inputs import read_conversation
from bot.core.case import extract_case
from bot.core.conversation import Conversation
from bot.core.playbooks import load_playbooks
from bot.core.slots import fill_slots
from bot.llm.base import SuggestionRequest
from bot.llm.offline import OfflineBackend

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "escalate-zuters-dev.jsonl"


def conversations(dev: Path) -> list[Conversation]:
    found = [read_conversation(str(path)) for path in sorted((ROOT / "examples").iterdir())]
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "messages" in row:
                found.append(Conversation.from_dicts(row["messages"]))
            else:
                found.append(Conversation.from_text(row["text"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dev", type=Path, default=DEV, help="JSONL conversations to add")
    args = parser.parse_args()
    coach, offline = Coach(load_playbooks()), OfflineBackend()
    items = conversations(args.dev)
    assessments = [coach.assess(c, asked=True) for c in items]
    cases = [extract_case(c) for c in items]
    requests = [
        SuggestionRequest(c, a.playbook, a.escalation, fill_slots(c), case=k)
        for c, a, k in zip(items, assessments, cases, strict=True)
        if a.playbook is not None
    ]
    timings: dict[str, list[float]] = {"assess": [], "extract_case": [], "offline suggest": []}
    for _ in range(args.rounds):
        for name, run, count in (
            ("assess", lambda: [coach.assess(c) for c in items], len(items)),
            ("extract_case", lambda: [extract_case(c) for c in items], len(items)),
            ("offline suggest", lambda: [offline.suggest(r) for r in requests], len(requests)),
        ):
            started = time.perf_counter()
            run()
            timings[name].append((time.perf_counter() - started) * 1000 / count)
    baseline = statistics.median(timings["assess"])
    print(f"{len(items)} conversations, {args.rounds} rounds (median ms per conversation)")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"  {name:<16} {median:8.3f} ms   x{median / baseline:.2f} of assess")


if __name__ == "__main__":
    main()
