"""How specific the suggestions are to each customer's case (issue 10, part B).

    python bench/case_specific.py examples/coaching/specific.jsonl
    python bench/case_specific.py FILE --replies replies.jsonl   # score replies made elsewhere

For each conversation (a JSON line with `messages`), the offline coach answers an explicit ask;
the case is read by this tree's bot/core/case.py. Reported:
- asks known: suggestions asking for what the thread already gives (what they need, which
  order, what happened, a date, an amount);
- reference / amount / deadline used: sets where the case has one and a suggestion says it;
- open time: suggestions leaving [update time] or [callback time] although the customer gave
  a deadline;
- same set: sets whose 2nd and 3rd suggestions are word for word those of another
  conversation's set (the first one says the issue back, so it differs anyway).
`--replies` reads JSON lines {"id", "suggestions": [...]}, e.g. written by an older build with
`--dump`, so before and after are scored by the same rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.coach import NullSink
from bot.commands.inputs import conversation_from_record, json_lines
from bot.config import Settings
from bot.core.case import extract_case
from bot.core.text import normalise
from bot.services import build_coach


def coached_replies(path: str | None, conversations) -> dict[str, list[str]]:
    """Suggestions per conversation id: read from a `--replies` file, or coached offline now."""
    if path:
        rows = (json.loads(line) for line in Path(path).read_text().splitlines() if line.strip())
        return {row["id"]: row["suggestions"] for row in rows}
    coach = build_coach(Settings(), backend_name="offline", sink=NullSink())
    return {
        c.id: [s.text for s in coach.coach(c, trigger="command", context={}).suggestions]
        for c in conversations
    }


def fixture_replies(path: str, replies_path: str | None) -> tuple[list[dict], list, dict]:
    """(rows, conversations, suggestions per id) of a fixture of conversations: the replies read
    from `replies_path` when given, else coached offline now."""
    rows = [record for _, record, error in json_lines(path) if not error]
    conversations = [conversation_from_record(row, row["id"]) for row in rows]
    return rows, conversations, coached_replies(replies_path, conversations)


def score(conversations, replies: dict[str, list[str]]) -> dict[str, str]:
    from bot.llm.case_lines import asks_known  # this tree's rules, whoever wrote the replies

    counts: Counter = Counter()
    tails: Counter = Counter()
    for conversation in conversations:
        case = extract_case(conversation)
        texts = replies.get(conversation.id, [])
        joined = " ".join(texts)
        counts["sets"] += 1
        counts["suggestions"] += len(texts)
        counts["asks known"] += sum(asks_known(text, case) for text in texts)
        for name, facts in (
            ("reference", case.references),
            ("amount", case.amounts),
            ("deadline", [case.deadline] if case.deadline else []),
        ):
            if facts:
                counts[f"{name} sets"] += 1
                counts[f"{name} used"] += any(fact in joined for fact in facts)
        if case.deadline:
            counts["open time"] += sum(
                "[update time]" in text or "[callback time]" in text for text in texts
            )
        if len(texts) == 3:
            tails[tuple(normalise(text) for text in texts[1:])] += 1
    counts["same set"] = sum(n for n in tails.values() if n > 1)
    return {
        "sets": str(counts["sets"]),
        "asks known": f"{counts['asks known']} of {counts['suggestions']} suggestions",
        **{
            f"{name} used": f"{counts[f'{name} used']} of {counts[f'{name} sets']} sets"
            for name in ("reference", "amount", "deadline")
        },
        "open time (deadline known)": f"{counts['open time']} suggestions",
        "same set as another conversation": f"{counts['same set']} sets",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--replies", help="JSON lines {id, suggestions} to score instead")
    parser.add_argument("--dump", action="store_true", help="print {id, suggestions} lines")
    args = parser.parse_args()
    conversations = [
        conversation_from_record(record, str(number))
        for number, record, error in json_lines(args.file)
        if not error
    ]
    replies = coached_replies(args.replies, conversations)
    if args.dump:
        for key, texts in replies.items():
            print(json.dumps({"id": key, "suggestions": texts}, ensure_ascii=False))
        return
    for name, value in score(conversations, replies).items():
        print(f"{name:<36}{value}")


if __name__ == "__main__":
    main()
