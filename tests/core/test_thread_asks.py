"""Threads where the customer's latest turn carries the ask (a new time for a visit, a late
check-out, a receipt, two more seats): the first suggestion takes that up, not the problem
from the opening turn. examples/coaching/threads.jsonl was written before any output was
seen; rows still missed carry `known_miss` with the reason, and are left out here."""

import pytest

from bot.commands.inputs import conversation_from_record
from bot.core import reply_checks as checks
from tests.conftest import coaching_rows

ROWS = coaching_rows("threads.jsonl")


def test_the_set_is_threads_across_industries():
    assert len(ROWS) >= 14 and len({r["industry"] for r in ROWS}) >= 12
    assert all(len(r["messages"]) >= 3 and r["messages"][-1]["role"] == "customer" for r in ROWS)


@pytest.mark.parametrize("row", [r for r in ROWS if "known_miss" not in r], ids=lambda r: r["id"])
def test_the_first_suggestion_takes_up_the_latest_ask(coach, row):
    conversation = conversation_from_record(row, row["id"])
    result = coach.coach(conversation, trigger="command")
    first = result.suggestions[0].text
    said = " ".join(s.text for s in result.suggestions).lower()
    for words in row["takes_up"]:
        assert words.lower() in first.lower(), (row["id"], words, first)
    for words in row.get("not", []):
        assert words.lower() not in said, (row["id"], words, said)
    for suggestion in result.suggestions:
        assert checks.claimed_actions(suggestion.text, conversation) == [], suggestion.text
