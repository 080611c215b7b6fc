"""How the match threshold trades chatter against terse requests: the figures behind the default.

    python bench/abstention.py [FILE] [--split dev] [--terse-words 5]

Default input: examples/messy/messages.jsonl (labelled `playbook`, null for chat that is not a
support moment). For each threshold it prints, for "no playbook" (abstention):
- chatter recall: share of the chatter (gold null) on which the matcher abstains;
- precision: share of all abstentions that were chatter (the rest were real requests lost);
- terse abstained: share of real but terse requests (at most --terse-words words) abstained on;
- terse right: share of terse requests given their own playbook;
and the macro-F1 over all labels (null included), as `mot-coach eval` computes it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.core.conversation import Conversation, Message
from bot.core.evaluation import score
from bot.core.matcher import Matcher
from bot.core.playbooks import load_playbooks
from bot.core.text import words

MESSY = Path(__file__).resolve().parents[1] / "examples" / "messy" / "messages.jsonl"
THRESHOLDS = [round(0.20 + 0.05 * i, 2) for i in range(9)]


def rows(path: Path, split: str | None) -> list[dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in found if "playbook" in r and (split is None or r.get("split") == split)]


def table(records: list[dict], terse_words: int) -> list[dict]:
    playbooks = load_playbooks()
    conversations = [
        Conversation("bench", [Message(role="customer", text=r["text"])]) for r in records
    ]
    gold = [r["playbook"] for r in records]
    chatter = [g is None for g in gold]
    terse = [
        g is not None and len(words(r["text"])) <= terse_words
        for g, r in zip(gold, records, strict=True)
    ]
    out = []
    for threshold in THRESHOLDS:
        matcher = Matcher(playbooks, threshold=threshold)
        predicted = [(m.playbook_id if (m := matcher.match(c)) else None) for c in conversations]
        abstained = [p is None for p in predicted]
        chatter_abstained = sum(a and c for a, c in zip(abstained, chatter, strict=True))
        terse_abstained = sum(a and t for a, t in zip(abstained, terse, strict=True))
        terse_right = sum(t and p == g for t, p, g in zip(terse, predicted, gold, strict=True))
        out.append(
            {
                "threshold": threshold,
                "chatter_recall": chatter_abstained / max(1, sum(chatter)),
                "precision": chatter_abstained / max(1, sum(abstained)),
                "terse_abstained": terse_abstained / max(1, sum(terse)),
                "terse_right": terse_right / max(1, sum(terse)),
                "macro_f1": score(gold, predicted).macro_f1,
                "chatter": sum(chatter),
                "terse": sum(terse),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=MESSY)
    parser.add_argument("--split", help="only rows whose 'split' is this (dev, heldout)")
    parser.add_argument("--terse-words", type=int, default=5)
    args = parser.parse_args()
    result = table(rows(args.file, args.split), args.terse_words)
    first = result[0]
    print(
        f"{args.file.name} split={args.split or 'all'}: {first['chatter']} chatter, "
        f"{first['terse']} terse requests (<= {args.terse_words} words)"
    )
    print("| threshold | chatter recall | precision | terse abstained | terse right | macro-F1 |")
    print("|---|---|---|---|---|---|")
    for r in result:
        print(
            f"| {r['threshold']:.2f} | {r['chatter_recall']:.2f} | {r['precision']:.2f} "
            f"| {r['terse_abstained']:.2f} | {r['terse_right']:.2f} | {r['macro_f1']:.3f} |"
        )


if __name__ == "__main__":
    main()
