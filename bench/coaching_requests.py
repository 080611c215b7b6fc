"""How the offline composer answers explicit requests, our own slips and late greetings.

    python bench/coaching_requests.py examples/coaching/requests.jsonl [--without]

Reads conversations as `mot-coach eval-coaching` does (JSON lines) and coaches on each as an
explicit ask. Prints one JSON line of counts:
- `requests`: conversations whose unanswered customer turns make a request that
  bot/core/requested_action.py can say back; `taken_up`: those whose first suggestion promises
  it in the first person (or, for something that depends on availability, promises to check);
- `asked_what_they_want`: of those, sets that still ask what they want;
- `slips`: conversations where bot/core/agent_slips.py finds our earlier slip; `owned`: those
  whose first suggestion opens by owning it;
- `late_greetings`: first-contact greetings in suggestions for threads already under way.
`--without` measures the same composer with the request, slip and opener steps switched off
(the "before" column of docs/coaching.md).
"""

from __future__ import annotations

import argparse
import json
import re

import bot.llm.offline as offline
from bot.coach import NullSink
from bot.commands.inputs import conversation_from_record, json_lines
from bot.config import Settings
from bot.core.agent_slips import agent_slip
from bot.core.requested_action import CHECK
from bot.llm.request_take_up import ASKS_WHAT_THEY_WANT, takes_it_up, thread_request
from bot.services import build_coach

_OWNED = re.compile(
    r"^(?:I'm )?sorry|^you shouldn't|^you were told|^you'd already|^you've heard", re.IGNORECASE
)
_GREETING = re.compile(r"thanks for (getting in touch|your message)|glad you reached out", re.I)


def measure(path: str) -> dict[str, int]:
    coach = build_coach(Settings(), backend_name="offline", sink=NullSink())
    counts = dict.fromkeys(
        ("sets", "requests", "taken_up", "asked_what_they_want", "slips", "owned"), 0
    )
    counts["late_greetings"] = 0
    for number, record, error in json_lines(path):
        if error:
            continue
        conversation = conversation_from_record(record, str(number))
        result = coach.coach(conversation, trigger="command", context={"channel_kind": "eval"})
        texts = [s.text for s in result.suggestions]
        counts["sets"] += 1
        action = thread_request(conversation)
        if action and action.commitment and texts:
            counts["requests"] += 1
            checked = action.kind == CHECK and "whether we can" in texts[0]
            counts["taken_up"] += takes_it_up(texts[0], action) or checked
            counts["asked_what_they_want"] += any(ASKS_WHAT_THEY_WANT.search(t) for t in texts)
        if agent_slip(conversation) and texts:
            counts["slips"] += 1
            counts["owned"] += bool(_OWNED.search(texts[0]))
        roles = [m.role for m in conversation.messages]
        if "agent" in roles or roles.count("customer") > 1:
            counts["late_greetings"] += sum(bool(_GREETING.search(t)) for t in texts)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--without", action="store_true", help="switch the three steps off")
    args = parser.parse_args()
    if args.without:
        offline.take_up_request = lambda suggestions, *_: suggestions
        offline.fit_to_situation = lambda suggestions, *_: suggestions
    print(json.dumps({"file": args.file, "without": args.without, **measure(args.file)}))


if __name__ == "__main__":
    main()
