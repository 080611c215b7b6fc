"""Build the eval-coaching development set from ../shared/eval, at run time, to stdout.

    python bench/coaching_devset.py [--eval-dir DIR] [--per-file 150] [--seed 10] > /tmp/dev.jsonl
    mot-coach eval-coaching /tmp/dev.jsonl

Every row of escalate-zuters-dev.jsonl (real multi-turn threads, one row per rated customer
turn: the conversation up to the moment an agent would ask for a tip), plus a fixed-seed sample
of `--per-file` single messages from each match-*.jsonl. Rows keep their ids and gain
`"industry"` (the source file). The data is read where it lies and never copied into the
repository; where the folder is absent the script says so and exits 0 (nothing to build).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
THREADS = "escalate-zuters-dev.jsonl"
SINGLES = ("match-banking77.jsonl", "match-bitext.jsonl", "match-clinc150.jsonl")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build(eval_dir: Path, per_file: int, seed: int) -> list[dict]:
    rows = [
        {"id": r["id"], "messages": r["messages"], "industry": "zuters"}
        for r in _rows(eval_dir / THREADS)
    ]
    for name in SINGLES:
        pool = _rows(eval_dir / name)
        sample = random.Random(f"{seed}:{name}").sample(pool, min(per_file, len(pool)))
        rows.extend({"id": r["id"], "text": r["text"], "industry": r["source"]} for r in sample)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--per-file", type=int, default=150, help="single messages per file")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args(argv)
    missing = [n for n in (THREADS, *SINGLES) if not (args.eval_dir / n).is_file()]
    if missing:
        print(
            f"{args.eval_dir}: development data not here ({', '.join(missing)}); nothing to build",
            file=sys.stderr,
        )
        return 0
    for row in build(args.eval_dir, args.per_file, args.seed):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
