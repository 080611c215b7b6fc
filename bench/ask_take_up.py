"""Whether the suggestions take up what the customer asked, and how many are stock lines.

    python bench/ask_take_up.py examples/coaching/answers.jsonl
    python bench/ask_take_up.py FILE --dump > replies.jsonl       # this build's replies
    python bench/ask_take_up.py FILE --replies replies.jsonl      # score replies made elsewhere

Rows (JSON lines) carry `messages`, `takes_up` (words of their ask that suggestion 1 must say;
"a|b" is either word), `takes_up_second` (words of a second ask in their latest turn that one
suggestion of the set must say),
`facts` (the customer's own facts: their thing, amount, date, reference), `not` (words no
suggestion may say: an invented answer, a line for another situation) and `holdout`. Reported
for the development rows and the holdout rows apart:
- first takes up: sets whose first suggestion says every `takes_up` word;
- second taken up: of the sets with a `takes_up_second`, those with a suggestion saying every
  one of its words;
- 2nd/3rd fit: of the 2nd and 3rd suggestions, those saying a `takes_up` word or a `fact`;
- generic: suggestions whose text, once the customer's name and a playbook opener are taken
  out, is word for word a suggestion of another conversation in the file (a stock line);
- said `not`: sets stating one of their `not` words (inside "whether ...", "if ..." or "find
  out what ..." it is asked, not stated, and is not counted).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.case_specific import fixture_replies
from bot.commands.inputs import conversation_from_record
from bot.core.case import extract_case
from bot.core.playbooks import load_playbooks
from bot.core.text import normalise
from bot.llm.offline import DEFAULT_OPENERS
from bot.llm.reply_text import sentences


def _openers() -> set[str]:
    said = {o for level in DEFAULT_OPENERS.values() for o in level}
    for playbook in load_playbooks().values():
        said |= {o for level in playbook.openers.values() for o in level}
    return {normalise(o) for o in said}


def _stock_form(text: str, name: str | None, openers: set[str]) -> str:
    """The text without their name and without a playbook opener: what would be left the same."""
    if name:
        text = text.replace(f", {name}", "").replace(f" {name}", "")
    kept = [s for s in sentences(text) if normalise(s) not in openers]
    return normalise(" ".join(kept))


def _has(text: str, words) -> bool:
    lower = text.lower()
    return any(word.lower() in lower for word in words)


def _says_all(text: str, words) -> bool:
    """Does the text say every word, where "a|b" is either of two?"""
    return all(_has(text, word.split("|")) for word in words)


# "whether ...", "find out what ...": the words after it are asked, not stated
_ASKED = re.compile(
    r"\b(?:whether|if)\b|\b(?:find out|check|confirm) (?:what|who|how|when|where|which)\b"
)


def _states(text: str, words) -> bool:
    """Does the text state one of `words` as an answer, not inside a question of its own
    ("I'll check whether the pool is open" asks; "the pool is open" answers)?"""
    for sentence in sentences(text):
        lower = sentence.lower()
        for word in words:
            at = lower.find(word.lower())
            if at >= 0 and not _ASKED.search(lower[:at]):
                return True
    return False


def score(rows: list[dict], replies: dict[str, list[str]]) -> dict[str, Counter]:
    openers = _openers()
    forms: dict[str, list[str]] = {}
    for row in rows:
        name = extract_case(conversation_from_record(row, row["id"])).customer_name
        forms[row["id"]] = [_stock_form(t, name, openers) for t in replies.get(row["id"], [])]
    seen: Counter = Counter()
    for texts in forms.values():
        for form in set(texts):
            seen[form] += 1
    parts: dict[str, Counter] = {"dev": Counter(), "holdout": Counter()}
    for row in rows:
        counts = parts["holdout" if row.get("holdout") else "dev"]
        texts = replies.get(row["id"], [])
        counts["sets"] += 1
        if not texts:
            continue
        first, tail = texts[0], texts[1:3]
        counts["first takes up"] += _says_all(first, row["takes_up"])
        if row.get("takes_up_second"):
            counts["second asks"] += 1
            counts["second taken up"] += any(_says_all(t, row["takes_up_second"]) for t in texts)
        counts["tail suggestions"] += len(tail)
        counts["tail fit"] += sum(_has(t, [*row["takes_up"], *row.get("facts", [])]) for t in tail)
        counts["suggestions"] += len(texts)
        counts["generic"] += sum(seen[form] > 1 for form in forms[row["id"]])
        counts["said not"] += any(_states(t, row.get("not", [])) for t in texts)
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--replies", help="JSON lines {id, suggestions} to score instead")
    parser.add_argument("--dump", action="store_true", help="print {id, suggestions} lines")
    parser.add_argument("--show", action="store_true", help="print each set after the figures")
    args = parser.parse_args()
    rows, _, replies = fixture_replies(args.file, args.replies)
    if args.dump:
        for key, texts in replies.items():
            print(json.dumps({"id": key, "suggestions": texts}, ensure_ascii=False))
        return
    for part, c in score(rows, replies).items():
        print(
            f"{part:<8} sets {c['sets']:>3}  first takes up {c['first takes up']}/{c['sets']}  "
            f"2nd/3rd fit {c['tail fit']}/{c['tail suggestions']}  "
            f"second ask {c['second taken up']}/{c['second asks']}  "
            f"generic {c['generic']}/{c['suggestions']}  said not {c['said not']}"
        )
    if args.show:
        for row in rows:
            second = row.get("takes_up_second", "")
            held = "(holdout)" if row.get("holdout") else ""
            print(f"\n{row['id']} {held} {row['takes_up']} {second}")
            for text in replies.get(row["id"], []):
                print(f"  - {text}")


if __name__ == "__main__":
    main()
