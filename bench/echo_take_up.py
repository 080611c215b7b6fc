"""Whether each set says the customer's issue back cleanly and takes up what they asked.

    python bench/echo_take_up.py examples/coaching/echo-2.jsonl [--show]

Rows (JSON lines) carry `messages`, `takes_up` (words of their ask a suggestion must say, every
one; "a|b" is either), `facts` (their own facts), `never` (text, case as written, that no
suggestion or coaching line may say: their typos and lower case, their "I"/"my" unturned, a
garbled fragment) and `holdout`. Reported for development and holdout rows apart:
- echo clean: sets with no `never` text anywhere and no broken reflection (bench/echo_quality.py);
- taken up 1+ / 2+: sets where at least one / two suggestions say every `takes_up` word;
- coaching clean: sets whose coaching lines say no `never` text, open with a capital and end
  with a full stop.
`--show` prints each development set that fails (holdout sets are not for tuning), with its
suggestions and coaching lines.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.echo_quality import score as echo_score
from bot.coach import NullSink
from bot.commands.inputs import conversation_from_record
from bot.config import Settings
from bot.services import build_coach


def _says_all(text: str, words) -> bool:
    lower = text.lower()
    return all(any(w.lower() in lower for w in word.split("|")) for word in words)


def _says(text: str, never) -> bool:
    """Does the text say one of `never`, as whole words ("ive" is not in "give")?"""
    for said in never:
        start = r"\b" if said[:1].isalnum() else ""
        end = r"\b" if said.strip()[-1:].isalnum() else ""
        if re.search(start + re.escape(said.strip()) + end, text):
            return True
    return False


def _coaching_clean(line: str, never) -> bool:
    return not _says(line, never) and line[:1].isupper() and line.rstrip().endswith((".", "!", "?"))


def judge(row: dict, texts: list[str], coaching: list[str], conversation) -> dict[str, bool]:
    never = row.get("never", [])
    broken = echo_score([conversation], {conversation.id: texts}).get("broken echo", 0)
    taking = sum(_says_all(t, row.get("takes_up", [])) for t in texts)
    return {
        "echo clean": not broken and not any(_says(t, never) for t in texts),
        "taken up 1+": taking >= 1,
        "taken up 2+": taking >= 2,
        "coaching clean": all(_coaching_clean(line, never) for line in coaching),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    coach = build_coach(Settings(), backend_name="offline", sink=NullSink())
    totals = {"dev": Counter(), "holdout": Counter()}
    for line in Path(args.file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        conversation = conversation_from_record(row, row["id"])
        result = coach.coach(conversation, trigger="command", context={})
        texts = [s.text for s in result.suggestions]
        verdict = judge(row, texts, list(result.coaching), conversation)
        part = totals["holdout" if row.get("holdout") else "dev"]
        part["sets"] += 1
        part.update(name for name, ok in verdict.items() if ok)
        if args.show and not row.get("holdout") and not all(verdict.values()):
            failed = [name for name, ok in verdict.items() if not ok]
            print(f"## {row['id']} ({', '.join(failed)})", file=sys.stderr)
            for text in texts:
                print(f"  - {text}", file=sys.stderr)
            for text in result.coaching:
                print(f"  c {text}", file=sys.stderr)
    print(json.dumps({"file": args.file, **{k: dict(v) for k, v in totals.items()}}))


if __name__ == "__main__":
    main()
