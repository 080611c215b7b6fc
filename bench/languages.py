"""Replies in the customer's language: the figures on examples/coaching/languages.jsonl.

    python bench/languages.py [FILE]

Per split (dev, holdout): the moment against the row's label, the sets whose three
suggestions are all in the customer's language (told by bot.core.language, not by the
composer's own mark, so it measures any version of the code), the sets whose coaching names
that language, and the rubric defects `mot-coach eval-coaching` counts.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from bot.commands.inputs import conversation_from_record
from bot.config import Settings
from bot.core.coaching_eval import score_set
from bot.core.language import LANGUAGE_NAMES, detect_language
from bot.services import build_coach

FIXTURE = Path(__file__).resolve().parents[1] / "examples" / "coaching" / "languages.jsonl"
DEFECTS = ("claimed", "premises", "repeated_opener", "double_apology", "asked_to_repeat")


def main(path: Path) -> None:
    coach = build_coach(Settings())
    counts: dict[str, Counter] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        conversation = conversation_from_record(row, row["id"])
        result = coach.coach(conversation, trigger="command", record=False)
        texts = [s.text for s in result.suggestions]
        playbook = result.assessment.playbook.id if result.assessment.playbook else None
        told = [detect_language(text) for text in texts]
        name = LANGUAGE_NAMES[row["language"]]
        score = score_set(conversation, playbook, texts, result.case)
        tally = counts.setdefault(row["split"], Counter())
        tally["sets"] += 1
        tally["moment"] += playbook == row["playbook"] and not result.assessment.low_confidence
        tally["in_language"] += len(texts) == 3 and all(
            t is not None and t.code == row["language"] for t in told
        )
        tally["tip_names_it"] += any(f"are in {name}" in line for line in result.coaching)
        for defect in DEFECTS:
            tally[defect] += getattr(score, defect) > 0
    for split, tally in sorted(counts.items()):
        sets = tally["sets"]
        shown = ", ".join(
            f"{key} {tally[key]}/{sets}" for key in ("moment", "in_language", "tip_names_it")
        )
        defects = ", ".join(f"{key} {tally[key]}" for key in DEFECTS)
        print(f"{split}: {shown}; defects: {defects}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE)
