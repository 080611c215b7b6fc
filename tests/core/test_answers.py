"""The customer's ask taken up, and the 2nd and 3rd suggestions built on their case, through the
real Coach, on examples/coaching/answers.jsonl: questions and requests across insurance,
banking, utilities, telecoms, retail, travel, hospitality, leisure, healthcare admin, SaaS,
public services, education, vets, gaming, lettings and car rental, written before any output
was seen; rows marked `holdout` were not developed against. Floors are the measured figures
(bench/ask_take_up.py): dev 26/31 first suggestions take the ask up (19 before), 31/62 of the
2nd/3rd say their ask or a fact of theirs (7 before; 15 with options that were fragments), 12/93
generic (40; 30); holdout 12/12 (9), 12/24 (3; 6) and 7/36 generic (16; 13)."""

import pytest

from bench.ask_take_up import score
from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core.case import extract_case
from bot.core.conversation import Conversation
from bot.core.requested_action import ANSWER, WHEN, requested_action
from bot.llm.case_options import case_options
from tests.conftest import assert_honest, coaching_rows

ROWS = coaching_rows("answers.jsonl")


@pytest.fixture(scope="module")
def coached(playbooks):
    coach = Coach(playbooks)
    out = {}
    for row in ROWS:
        conversation = conversation_from_record(row, row["id"])
        out[row["id"]] = (conversation, coach.coach(conversation, trigger="command"))
    return out


def test_the_set_is_asks_across_industries_with_a_holdout():
    assert len(ROWS) >= 40 and len({r["industry"] for r in ROWS}) >= 8
    assert sum(bool(r.get("holdout")) for r in ROWS) >= 10
    assert sum(len(r["messages"]) > 1 for r in ROWS) >= 10  # threads, not only single messages
    for row in ROWS:
        assert row["messages"][-1]["role"] == "customer" and row["takes_up"], row["id"]


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_asks_are_taken_up_and_the_other_suggestions_are_this_case(coached, part):
    replies = {key: [s.text for s in result.suggestions] for key, (_, result) in coached.items()}
    counts = score(ROWS, replies)[part]
    # measured with every option a whole reply keeping the playbook's moves
    floors = {"dev": (26, 31, 12), "holdout": (12, 12, 7)}[part]
    assert counts["first takes up"] >= floors[0], counts
    assert counts["tail fit"] >= floors[1], counts
    assert counts["generic"] <= floors[2], counts
    assert counts["said not"] == 0, counts  # no invented answer stated


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_set_stays_honest(coached, row):
    conversation, result = coached[row["id"]]
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3
    assert_honest(texts, conversation)


def test_a_question_is_found_out_never_answered():
    asked = requested_action(["We're staying from Saturday. Is the pool open on Sundays?"])
    assert asked.kind == ANSWER
    assert asked.commitment == "I'll check whether the pool is open on Sundays"
    when = requested_action(
        ["When is the assessor coming?"], [("customer", "My car was hit."), ("agent", "Noted.")]
    )
    assert (when.verb, when.commitment) == (WHEN, "I'll find out when the assessor is coming")


@pytest.mark.parametrize(
    "turn",
    [
        "Why does this keep happening to me?",  # a complaint in question form
        "How do I change my address?",  # a how-to: the moment's own lines answer it
        "My internet has been down since Monday.",  # nothing asked
        "Is it?",  # too short to say back
    ],
)
def test_no_question_to_take_up_where_none_reads_cleanly(turn):
    found = requested_action([turn])
    assert found is None or found.kind != ANSWER, found


def test_a_case_without_facts_gets_no_invented_one():
    conversation = Conversation.from_dicts(
        [{"role": "customer", "text": "Can he eat breakfast that morning?"}], id="bare"
    )
    case = extract_case(conversation)
    action = requested_action(["Can he eat breakfast that morning?"])
    assert action.kind == ANSWER
    assert case_options(action, case, {}, "Can he eat breakfast that morning?", "") == []


def test_options_name_their_facts_and_the_one_missing_detail(coached):
    _, result = coached["energy-split-bill"]
    said = " ".join(s.text for s in result.suggestions)
    assert "your winter bill" in said and "£412" in said, said
    _, result = coached["bank-transfer-when"]
    tail = [s.text for s in result.suggestions[1:]]
    # an option with their amount, and their deadline anchors its time ("before tomorrow")
    assert any("£1,200" in text and "before tomorrow" in text for text in tail), tail
