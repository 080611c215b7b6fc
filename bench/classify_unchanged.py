"""Does a speed change leave `classify` answering exactly as before? Diff two source trees.

    python bench/classify_unchanged.py --before /tmp/before [--after .]

Make the "before" tree with `mkdir /tmp/before && git archive COMMIT | tar -x -C /tmp/before`.
Each tree reads, in its own process, every row of ../shared/eval/match-*.jsonl and
escalate-*.jsonl (when that folder is here), every JSON-lines fixture in examples/ and the
example conversations (examples/*.txt, *.json). Per row it writes what `classify` answers and
what lies under it: the playbook, its confidence, the ranked playbooks with their evidence, the
escalation score, level, reasons, signals and care. The rows are read twice, the second time in
reverse order, so an answer that depends on what a cache saw before is caught too. Prints the
rows that differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def inputs(examples: Path) -> list[tuple[str, dict]]:
    """(where, record) for every row to classify; records are `classify` input lines."""
    files = [*sorted(EVAL.glob("match-*.jsonl")), *sorted(EVAL.glob("escalate-*.jsonl"))]
    files += sorted(examples.glob("**/*.jsonl"))
    rows = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            record = {k: row[k] for k in ("id", "text", "messages") if k in row}
            rows.append((f"{path.name}:{number}", record))
    return rows


def answers(rows: list[tuple[str, dict]], examples: Path) -> list[dict]:
    """Run in the tree under test (its `bot` first on sys.path)."""
    from bot.coach import Coach
    from bot.commands.classify import classify_record
    from bot.commands.inputs import conversation_from_record, read_conversation
    from bot.core.playbooks import load_playbooks

    coach = Coach(load_playbooks())

    def answer(where: str, conversation, record: dict | None) -> dict:
        assessment = coach.assess(conversation)
        escalation = assessment.escalation
        return {
            "where": where,
            "classify": classify_record(coach, record, 0) if record is not None else None,
            "ranked": [[m.playbook_id, m.confidence, list(m.evidence)] for m in assessment.ranked],
            "escalation": {
                "score": escalation.score,
                "level": escalation.level,
                "reasons": escalation.reasons,
                "signals": sorted(escalation.signals),
                "care": list(escalation.care),
                "care_mode": escalation.care_mode,
            },
        }

    conversations = [(where, conversation_from_record(r, "row"), r) for where, r in rows]
    for path in sorted([*examples.glob("*.txt"), *examples.glob("*.json")]):
        conversations.append((path.name, read_conversation(str(path)), None))
    first = [answer(*item) for item in conversations]
    again = [answer(*item) for item in reversed(conversations)][::-1]
    for one, two in zip(first, again, strict=True):
        if one != two:
            raise SystemExit(f"{one['where']}: a second reading differs: {one} != {two}")
    return first


def run_tree(tree: Path, out: Path) -> None:
    # One hash seed for both: playbooks that tie are ranked in set order, which it decides.
    env = {**os.environ, "PYTHONPATH": str(tree), "MOT_CACHE_DIR": "off", "PYTHONHASHSEED": "0"}
    subprocess.run(
        [sys.executable, __file__, "--write", str(out), "--examples", str(ROOT / "examples")],
        cwd=tree,
        env=env,
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the tree answering as it should")
    parser.add_argument("--after", type=Path, default=ROOT, help="the tree under test")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # one tree's answers
    parser.add_argument("--examples", type=Path, default=ROOT / "examples", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        rows = inputs(args.examples)
        lines = [json.dumps(a, sort_keys=True) for a in answers(rows, args.examples)]
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    if args.before is None:
        parser.error("--before is required")
    with tempfile.TemporaryDirectory() as folder:
        before, after = Path(folder) / "before.jsonl", Path(folder) / "after.jsonl"
        run_tree(args.before.resolve(), before)
        run_tree(args.after.resolve(), after)
        old = before.read_text(encoding="utf-8").splitlines()
        new = after.read_text(encoding="utf-8").splitlines()
    differing = [(o, n) for o, n in zip(old, new, strict=True) if o != n]
    for o, n in differing[:20]:
        print(f"- {o}\n+ {n}")
    print(f"{len(old)} rows (eval files found: {EVAL.is_dir()}), {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
