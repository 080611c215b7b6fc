"""How cleanly the suggestions say the customer's issue back, and what filler they carry.

    python bench/echo_quality.py examples/coaching/echo.jsonl
    python bench/echo_quality.py FILE --dump replies.jsonl      # write this build's replies
    python bench/echo_quality.py FILE --replies replies.jsonl   # score replies made elsewhere

For each conversation (a JSON line with `messages`) the offline coach answers an explicit ask.
Counted over the sets, by this tree's rules (bot/core/clean_clause.py, bot/llm/reply_text.py),
whoever wrote the replies:
- broken echo: a reflection ("So I've got this right: ...", "Thanks for telling me straight:
  ...") whose clause is not a clean one: no subject or finite verb, first person left, cut off,
  an insult, swearing or shouting said back;
- top frame: suggestions opening with the most used reflection frame, and that frame;
- doubled phrase: suggestions saying a phrase twice ("where this stands ... where it stands");
- stitched: a line presuming an answer after our own question;
- patience: "Thanks for your patience." where no agent turn made them wait;
- empty help: "..., and I can help with that." beside a line that takes it on.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.case_specific import coached_replies
from bot.commands.inputs import conversation_from_record, json_lines

FRAMES = re.compile(
    r"^(?P<frame>So I've got this right|Thanks for telling me straight|Thanks for explaining that|"
    r"You've told me|I understand that|If I've understood|Just to confirm|Thank you for "
    r"explaining that)(?:,\s*[A-Z]\w+)?[,:]?\s+(?!I\b|I'm\b)(?P<clause>.+?)"
    r"(?:, and I (?:want|'m|can)\b.*)?[.]$"
)


def _conversations(path: str):
    return [conversation_from_record(r, str(n)) for n, r, e in json_lines(path) if not e]


def score(conversations, replies: dict[str, list[str]]) -> dict:
    from bot.core.clean_clause import clean
    from bot.llm.reply_text import (
        _PATIENCE,
        _PRESUMES_ANSWER,
        _phrases,
        no_empty_help,
        sentences,
    )
    from bot.llm.situation_fit import made_to_wait

    counts: Counter = Counter()
    frames: Counter = Counter()
    for conversation in conversations:
        texts = replies.get(conversation.id, [])
        counts["sets"] += 1
        counts["suggestions"] += len(texts)
        waited = made_to_wait(conversation)
        for text in texts:
            parts = sentences(text)
            for sentence in parts:
                found = FRAMES.match(sentence)
                if found:
                    frames[found.group("frame")] += 1
                    clause = re.sub(r"^[,:]\s*", "", found.group("clause"))
                    counts["broken echo"] += clean(clause) != clause
            counts["doubled phrase"] += any(
                _phrases(a) & _phrases(b) for i, a in enumerate(parts) for b in parts[i + 1 :]
            )
            counts["stitched"] += any(
                _PRESUMES_ANSWER.search(s) and any("?" in p for p in parts[:i])
                for i, s in enumerate(parts)
            )
            counts["patience"] += not waited and any(_PATIENCE.match(s) for s in parts)
            counts["empty help"] += no_empty_help(text) != text
    top = frames.most_common(1)
    return {**counts, "top frame": f"{top[0][1]} ({top[0][0]})" if top else "0"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--dump", help="write this build's replies as JSON lines and stop")
    parser.add_argument("--replies", help="score replies from a JSON lines file")
    args = parser.parse_args()
    conversations = _conversations(args.file)
    replies = coached_replies(args.replies, conversations)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for key, texts in replies.items():
                out.write(json.dumps({"id": key, "suggestions": texts}) + "\n")
        return
    print(json.dumps({"file": args.file, **score(conversations, replies)}))


if __name__ == "__main__":
    main()
