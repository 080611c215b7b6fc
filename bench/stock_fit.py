"""Whether suggestions fit the conversation, not stock lines: direct questions answered, holding
lines that fit any message, and the misfits blind readers found (issue 10, eighth round).

    python bench/stock_fit.py examples/coaching/stock-fit.jsonl
    python bench/stock_fit.py FILE --replies replies.jsonl   # score replies made elsewhere

Rows as for bench/ask_take_up.py (`takes_up`, `facts`, `not`, `holdout`), and `answers`: words
of which one suggestion must say every one ("a|b" is either) when the customer asked a direct
question (a knowledge fact, its [placeholder], or the thing asked). Reported for the development
rows and the holdout rows apart:
- answered: of the sets with `answers`, those with a suggestion saying every word;
- holding: suggestions carrying one of the built-in holding lines that fit any message (those
  of bot/llm/built_in_replies.py CASE_NEXT_STEPS before the eighth round) word for word;
- generic, said not, 2nd/3rd fit: as bench/ask_take_up.py; defects: as bench/distinct_steps.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ask_take_up import _says_all
from bench.ask_take_up import score as take_up_score
from bench.case_specific import fixture_replies
from bench.distinct_steps import score as steps_score

# The built-in holding lines before the eighth round, up to their first slot: the same whatever
# the case.
_HOLDING = (
    "i'll keep this with me and update you",
    "i'll check what's happened on our side and come back to you",
    "thanks, that gives me what i need to start. i'll look into it myself now",
    "i'll send you a clear answer in writing",
    "i'll sort this out for you and update you",
)


def score(rows: list[dict], replies: dict[str, list[str]], conversations) -> dict[str, Counter]:
    taken = take_up_score(rows, replies)
    steps = steps_score(rows, replies, conversations)
    parts: dict[str, Counter] = {}
    for part in ("dev", "holdout"):
        parts[part] = Counter(
            {k: taken[part][k] for k in ("sets", "suggestions", "generic", "said not")}
        )
        parts[part].update({k: steps[part][k] for k in ("tail", "tail fact", "defects")})
    for row in rows:
        counts = parts["holdout" if row.get("holdout") else "dev"]
        texts = replies.get(row["id"], [])
        counts["holding"] += sum(any(s in t.lower() for s in _HOLDING) for t in texts)
        if row.get("answers"):
            counts["questions"] += 1
            counts["answered"] += any(_says_all(t, row["answers"]) for t in texts)
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--replies", help="JSON lines {id, suggestions} to score instead")
    args = parser.parse_args()
    rows, conversations, replies = fixture_replies(args.file, args.replies)
    for part, c in score(rows, replies, conversations).items():
        print(
            f"{part:<8} sets {c['sets']:>3}  answered {c['answered']}/{c['questions']}  "
            f"holding {c['holding']}/{c['suggestions']}  "
            f"generic {c['generic']}/{c['suggestions']}  "
            f"2nd/3rd carry a fact {c['tail fact']}/{c['tail']}  said not {c['said not']}  "
            f"defects {c['defects']}"
        )


if __name__ == "__main__":
    main()
