"""Whether a set's three suggestions offer three different next steps, each on this case.

    python bench/distinct_steps.py examples/coaching/alternatives.jsonl
    python bench/distinct_steps.py FILE --replies replies.jsonl   # score replies made elsewhere

Rows as for bench/ask_take_up.py (`takes_up`, `facts`, `holdout`). Reported for the development
rows and the holdout rows apart:
- 2nd/3rd carry a fact: of the 2nd and 3rd suggestions, those naming a `takes_up` word or a
  `fact` of the row, counted only in a sentence that promises or asks (a fact said back in an
  opening before a stock line does not count);
- distinct steps: sets whose three suggestions each promise or ask something different: the
  content words of each one's first promise ("I'll ...", "Would you like me to ..."), less the
  customer's own words, overlap another's by less than half;
- defects: claimed actions, unstated premises, repeated openers, more than one apology.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.case_specific import fixture_replies
from bot.core import reply_checks as checks
from bot.llm.reply_text import sentences

_PROMISE = re.compile(
    r"\b(?:I(?:'ll| will| can)|would you like|could you|can you|which|what)\b.*", re.I
)
_FILLER_WORDS = "i ll i'll i've you've you're it's that's what's will can would you like me to "
_FILLER_WORDS += "the a an and or of for on with it this that your our myself now today then "
_FILLER_WORDS += "so if as by from in at be is are what who how we us"
_FILLER = frozenset(_FILLER_WORDS.split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", re.sub(r"\[[^\]]*\]", " ", text.lower())))


def _step(text: str, theirs: set[str] = frozenset()) -> set[str]:
    """The content words of the suggestion's first promise or question ({} when none), without
    the customer's own words (`theirs`): the thing named is the case, not the step."""
    found = next((m for s in sentences(text) if (m := _PROMISE.search(s))), None)
    if not found:
        return set()
    return _words(found.group(0)) - _FILLER - theirs


def _alike(one: set[str], other: set[str]) -> bool:
    if not one or not other:
        return not one and not other
    return len(one & other) / min(len(one), len(other)) >= 0.5


def _carries(text: str, words: list[str]) -> bool:
    acting = " ".join(s for s in sentences(text) if _PROMISE.search(s))
    return any(w.lower() in acting.lower() for word in words for w in word.split("|"))


def score(rows: list[dict], replies: dict[str, list[str]], conversations) -> dict[str, Counter]:
    parts: dict[str, Counter] = {"dev": Counter(), "holdout": Counter()}
    for row, conversation in zip(rows, conversations, strict=True):
        counts = parts["holdout" if row.get("holdout") else "dev"]
        texts = replies.get(row["id"], [])
        counts["sets"] += 1
        tail = texts[1:3]
        counts["tail"] += len(tail)
        counts["tail fact"] += sum(_carries(t, [*row["takes_up"], *row["facts"]]) for t in tail)
        theirs = _words(" ".join(m.text for m in conversation.customer_messages))
        steps = [_step(t, theirs) for t in texts]
        pairs = [(a, b) for i, a in enumerate(steps) for b in steps[i + 1 :]]
        counts["distinct"] += len(texts) == 3 and not any(_alike(a, b) for a, b in pairs)
        counts["defects"] += len(checks.repeated_openers(texts)) + sum(
            len(checks.claimed_actions(t, conversation))
            + len(checks.premise_violations(t, conversation))
            + (checks.apologies(t) > 1)
            for t in texts
        )
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--replies", help="JSON lines {id, suggestions} to score instead")
    args = parser.parse_args()
    rows, conversations, replies = fixture_replies(args.file, args.replies)
    for part, c in score(rows, replies, conversations).items():
        print(
            f"{part:<8} sets {c['sets']:>3}  2nd/3rd carry a fact {c['tail fact']}/{c['tail']}  "
            f"distinct steps {c['distinct']}/{c['sets']}  defects {c['defects']}"
        )


if __name__ == "__main__":
    main()
