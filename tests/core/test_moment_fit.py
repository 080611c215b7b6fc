"""Conversations coached under the wrong moment in a blind reading, and their near neighbours:
a pre-sale question (order status?), a lost charger to buy again (account access?), a wrong
size to exchange (purchase decision?), a water-damaged laptop to repair (delivery?), a refund
that has not arrived (order status?). examples/coaching/moments-fit.jsonl was written before
any output was seen; its `heldout` rows were not developed against. Rows still missed carry
`known_miss` with the reason.

A thread's latest turn that only says the wait goes on ("It's day 12 now. Still waiting.")
takes the thread's subject, the agent's turns included (bot/core/matcher.py)."""

import json

import pytest

from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core.conversation import Conversation, Message
from tests.conftest import EXAMPLES

FIXTURE = EXAMPLES / "coaching" / "moments-fit.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line]
# Rows coached under their moment when this was written (dev 28 of 28, held out 10 of 11;
# before the change: 20 of 28 and 7 of 11). A floor, so that a fix elsewhere may raise it.
FLOOR = {"dev": 28, "heldout": 10}


def moment(coach: Coach, conversation: Conversation) -> str | None:
    result = coach.coach(conversation, trigger="command")
    return result.assessment.playbook.id if result.assessment.playbook else None


def thread(*turns: str) -> Conversation:
    """Turns that alternate from the customer's."""
    roles = ("customer", "agent") * len(turns)
    return Conversation("t", [Message(roles[i], text) for i, text in enumerate(turns)])


def test_the_set_spans_industries_confusions_and_a_holdout(playbooks):
    assert len(ROWS) >= 36 and len({r["industry"] for r in ROWS}) >= 8
    assert {r["split"] for r in ROWS} == {"dev", "heldout"}
    assert sum(r["split"] == "heldout" for r in ROWS) >= 10
    assert all(r["playbook"] in playbooks and r["near"] in playbooks for r in ROWS)
    assert sum("messages" in r for r in ROWS) >= 10  # threads with agent turns, not one-liners
    assert all(r["known_miss"] for r in ROWS if "known_miss" in r)  # each miss says why


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_each_conversation_is_coached_under_its_moment(coach, row):
    if "known_miss" in row:
        pytest.xfail(row["known_miss"])
    conversation = conversation_from_record(row, row["id"])
    assert moment(coach, conversation) == row["playbook"], (row["id"], row["near"])


@pytest.mark.parametrize("split", sorted(FLOOR))
def test_each_half_keeps_its_measured_floor(coach, split):
    half = [r for r in ROWS if r["split"] == split]
    right = [r["id"] for r in half if moment(coach, conversation_from_record(r)) == r["playbook"]]
    assert len(right) >= FLOOR[split], sorted({r["id"] for r in half} - set(right))


def test_a_still_waiting_turn_follows_an_order_as_much_as_a_refund(coach):
    order = thread(
        "Where's my order? It was due Tuesday.", "It left us on Monday.", "Still nothing."
    )
    refund = thread("I returned the lamp.", "Thanks, your refund was approved.", "Still nothing.")
    assert moment(coach, order) == "order-status"
    assert moment(coach, refund) == "billing-dispute"


def test_a_latest_turn_with_a_matter_of_its_own_is_not_read_as_a_wait(coach):
    # "still waiting" and a new fault: the fault is the moment now, not the refund before it
    turns = thread(
        "Where is my refund?",
        "It was approved yesterday.",
        "Still waiting. And the kettle you sent me has stopped working as well.",
    )
    assert moment(coach, turns) == "product-defect"


def test_a_wait_with_nothing_before_it_is_read_on_its_own(coach):
    alone = thread("Ordered a week ago and still waiting, no tracking either.")
    assert moment(coach, alone) == "order-status"
