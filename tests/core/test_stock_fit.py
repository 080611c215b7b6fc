"""Suggestions that fit the conversation, not stock lines (issue 10, eighth round), through the
real Coach, on examples/coaching/stock-fit.jsonl: direct questions ("how long will my refund
take?", "who do I talk to?", "what time are you open?"), holding lines that fit any message,
and the misfits blind readers found (a call assumed, medication read as a device, a voucher
turned down offered back as credit, a charge audit after we cancelled), across 25 industries,
written before any output was seen; rows marked `holdout` were not tuned on. Floors are the
measured figures (bench/stock_fit.py): dev 15/19 direct questions answered (9 before), 0/78
pre-round holding lines (8), 1/78 generic (2: a refund-wait line shared with a holdout set),
said `not` 0 (3); holdout 10/12 (9), 0/48 (6), 3/48 (3), 0 (1)."""

from pathlib import Path

import pytest

from bench.stock_fit import _HOLDING
from bench.stock_fit import score as fit_score
from bot.coach import Coach
from bot.core.knowledge import load_knowledge
from tests.conftest import (
    EXAMPLES,
    assert_three_honest,
    coach_rows,
    coach_turns,
    coaching_rows,
    said_in,
)

ROWS = coaching_rows("stock-fit.jsonl")


@pytest.fixture(scope="module")
def coached(coach):
    return coach_rows(coach, ROWS)


def test_the_set_spans_industries_questions_and_a_holdout():
    assert len(ROWS) >= 36 and len({r["industry"] for r in ROWS}) >= 15
    assert sum(bool(r.get("holdout")) for r in ROWS) >= len(ROWS) // 3
    assert sum(bool(r.get("answers")) for r in ROWS) >= 25  # direct questions
    assert sum(len(r["messages"]) > 1 for r in ROWS) >= 2
    assert all(r["facts"] and r["messages"][-1]["role"] == "customer" for r in ROWS)


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_questions_are_answered_and_no_stock_line_fits_any_message(coached, part):
    replies = {key: [s.text for s in result.suggestions] for key, (_, _, result) in coached.items()}
    conversations = [conversation for _, conversation, _ in coached.values()]
    counts = fit_score(ROWS, replies, conversations)[part]
    floors = {"dev": (15, 1), "holdout": (10, 3)}[part]
    assert counts["answered"] >= floors[0], counts
    assert counts["holding"] == 0, counts
    assert counts["generic"] <= floors[1], counts
    assert counts["said not"] == 0, counts
    assert counts["defects"] == 0, counts


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_set_is_three_honest_replies(coached, row):
    _, conversation, result = coached[row["id"]]
    assert_three_honest(result, conversation)


def test_a_refund_time_asked_is_the_teams_fact_with_knowledge(playbooks):
    knowledge = load_knowledge(Path(EXAMPLES / "knowledge.yaml"))
    coach = Coach(playbooks, knowledge=knowledge)
    _, result = coach_turns(
        coach, "You cancelled my yoga retreat last week. How long will my £320 refund take?"
    )
    said = said_in(result)
    assert "5 working days" in said and "£320" in said, said
    assert "line by line" not in said, said


def test_without_knowledge_the_answer_is_a_placeholder_not_a_guess(coach):
    _, result = coach_turns(coach, "When do I get my deposit back? I handed the keys in Monday.")
    said = said_in(result)
    assert "[refund time]" in said, said
    assert "working days" not in said, said


def test_who_to_talk_to_is_answered_with_ownership(coach):
    conversation, result = coach_turns(
        coach, "My complaint about the noisy flat upstairs has gone nowhere. Who do I speak to?"
    )
    assert "you can talk to me" in said_in(result), said_in(result)
    assert_three_honest(result, conversation)


def test_a_charge_they_question_still_gets_the_charge_lines(coach):
    _, result = coach_turns(coach, "Why have you charged me £45 twice this month?")
    said = said_in(result)
    assert "once it's approved" not in said, said  # a why is not a refund-time question
    assert "£45" in said, said


def test_medication_is_never_a_device_but_a_device_still_is(coach):
    _, result = coach_turns(
        coach, "my heart tablets didn't come with the delivery and I run out tomorrow"
    )
    assert "your tablet" not in said_in(result), said_in(result)
    _, device = coach_turns(coach, "The tablet I bought from you last week won't charge at all.")
    assert "tablet" in said_in(device), said_in(device)


def test_a_call_is_offered_only_when_they_gave_a_number_or_asked(coach):
    _, result = coach_turns(
        coach, "My dad is 91 and his heating has been off since yesterday. Please help."
    )
    said = said_in(result)
    assert "i'll call you" not in said and "call you back" not in said, said
    _, asked = coach_turns(
        coach, "My dad is 91 and his heating has been off since yesterday. Ring me on 07700 900456."
    )
    assert "call you" in said_in(asked), said_in(asked)


def test_a_voucher_turned_down_is_not_offered_back_as_credit(coach):
    _, result = coach_turns(
        coach,
        "My headphones stopped working after a week, order HP-3381.",
        "Sorry to hear that! We can give you a £10 voucher.",
        "No voucher thanks, I want the £89 back on my card.",
    )
    assert "as a credit" not in said_in(result), said_in(result)


def test_nothing_to_name_keeps_the_next_step_short(coach):
    _, result = coach_turns(coach, "hello? is anyone there")
    for text in (s.text for s in result.suggestions):
        assert not any(line in text.lower() for line in _HOLDING), text
