"""The first suggestion written from the case, the playbook second (bot/llm/lead_reply.py and
the composer's fit rules), judged through the Coach on examples/coaching/lead.jsonl:
conversations written for this across software, gyms, retail, telecoms, utilities, travel,
hospitality, public services, healthcare admin, car rental, a vet, rail, insurance, education
and couriers, before any output was seen.

Each row says which of their facts the first suggestion must say (`lead_mentions`, "a|b" is
either) and which stock lines or questions no suggestion may say (`set_avoids`).
"""

import re

import pytest

from bot.core import reply_checks as checks
from bot.core.conversation import Conversation, Message
from bot.llm.lead_reply import evidence, repeated_amount, said_cleanly
from tests.conftest import assert_honest, coach_rows, coaching_rows

ROWS = coaching_rows("lead.jsonl")


@pytest.fixture(scope="module")
def results(coach):
    return coach_rows(coach, ROWS)


def _texts(result) -> list[str]:
    return [s.text for s in result.suggestions]


def _with_reading_gaps():
    """Rows whose miss is the reading's (bot/core/case*.py), not the writing's, are expected to
    fail until the reading finds what they say (`reading_gap` says what is missing)."""
    return [
        pytest.param(row["id"], marks=pytest.mark.xfail(reason=row["reading_gap"], strict=False))
        if row.get("reading_gap")
        else row["id"]
        for row in ROWS
    ]


@pytest.mark.parametrize("row_id", _with_reading_gaps())
def test_the_first_suggestion_says_their_facts(results, row_id):
    row, _, result = results[row_id]
    first = _texts(result)[0].lower()
    for want in row["lead_mentions"]:
        assert any(option.lower() in first for option in want.split("|")), (row_id, want, first)
    assert first.count("?") <= 1, first


@pytest.mark.parametrize("row_id", [row["id"] for row in ROWS])
def test_no_suggestion_says_a_line_whose_situation_is_not_theirs(results, row_id):
    row, conversation, result = results[row_id]
    texts = _texts(result)
    for avoid in row["set_avoids"]:
        assert not any(avoid.lower() in t.lower() for t in texts), (row_id, avoid, texts)
    # the hard rules hold on the composed lines too
    assert_honest(texts, conversation)
    for text in texts:
        assert checks.content_free_sentences(text) == [], text


def _tip(coach, *turns: str):
    messages = [Message(role="customer", text=turn) for turn in turns]
    return _texts(coach.coach(Conversation(id="t", messages=messages), trigger="command"))


def test_money_asked_back_is_checked_with_their_total_then_promised(coach):
    first = _tip(
        coach,
        "The council took £25 a month for 4 months for garden waste after I cancelled it in "
        "spring. I still have the confirmation letter. I'd like that money back.",
    )[0]
    assert "£100" in first, first
    assert re.search(r"\bif a refund is due\b", first) and "I'll refund" not in first, first


def test_a_held_deposit_is_checked_for_release_not_refunded_outright(coach):
    first = _tip(
        coach,
        "We moved out on the 30th and left the flat spotless, but you're still holding our £900 "
        "deposit. Tenancy ref LT-4471.",
    )[0]
    assert "£900" in first and "LT-4471" in first, first
    assert "released" in first and "I'll release" not in first, first


def test_a_how_to_question_gets_no_written_details_line(coach):
    texts = _tip(coach, "How do I change the card my broadband bill is paid from?")
    assert not any("email on your account" in t for t in texts), texts


def test_an_app_fault_gets_no_replacement_or_repair(coach):
    texts = _tip(
        coach, "Your banking app logs me out every time I open the payments screen since Monday."
    )
    assert not any(re.search(r"\b(replacement|repair)\b", t) for t in texts), texts


def test_when_we_cancelled_their_booking_no_line_keeps_a_leaving_customer(coach):
    texts = _tip(
        coach,
        "You cancelled my driving lesson on Thursday an hour before it started. That's the "
        "second time. My test is in two weeks.",
    )
    joined = " ".join(texts).lower()
    for stock in (
        "before you decide",
        "make leaving easy",
        "what's prompted",
        "pause or a cheaper",
    ):
        assert stock not in joined, texts


def test_a_missed_delivery_is_rebooked_not_tracked_and_its_reference_not_asked(coach):
    texts = _tip(
        coach,
        "My new fridge was due between 7 and 11 today, I took the morning off and nobody came. "
        "Order 55019.",
    )
    assert "55019" in texts[0], texts
    joined = " ".join(texts)
    assert "tracking" not in joined and "order number?" not in joined, texts


# The pieces, on their own.
def test_a_repeated_charge_is_totalled_only_when_count_and_amount_are_both_said():
    assert repeated_amount("thats 3 months of £39") == "the 3 monthly payments of £39 (£117 in all)"
    assert repeated_amount("£12.50 a month for three months") == (
        "the 3 monthly payments of £12.50 (£37.50 in all)"
    )
    assert repeated_amount("I paid £39 in March") is None


def test_the_proof_they_hold_is_said_back_with_who_holds_it():
    assert evidence(["I have the cancellation email."]) == ("your cancellation email", "email")
    assert evidence(["I've got the confirmation text from May."])[0] == ("your confirmation text")
    assert evidence(["I sent a meter reading of 14522 on the 1st."])[0] == (
        "the meter reading of 14522 you sent"
    )
    assert evidence(["I have no idea what this is."]) is None


def test_a_dropped_word_is_put_back_only_where_the_repair_is_certain():
    assert said_cleanly("your gym membership still charging you after you cancelled") == (
        "your gym membership is still charging you after you cancelled"
    )
    assert said_cleanly("you ordered a sofa, delivery was booked for today, took the day off") == (
        "you ordered a sofa, delivery was booked for today, and you took the day off"
    )
    assert said_cleanly("your internet keeps dropping") == "your internet keeps dropping"
    assert said_cleanly("your parking permit is still showing the old car") == (
        "your parking permit is still showing the old car"
    )


def test_our_own_action_they_report_is_said_back_as_theirs_not_claimed():
    assert said_cleanly("we cancelled your table for 6 on Saturday by text this morning") == (
        "your table for 6 on Saturday was cancelled by text this morning"
    )
    assert said_cleanly("we cancelled your flight on Friday") == (
        "your flight on Friday was cancelled"
    )


def test_a_refund_asked_for_it_names_every_payment_they_counted(coach):
    first = _tip(
        coach,
        "My broadband contract ended in June but you've kept taking £28 a month. That's 3 "
        "months now. Please refund it.",
    )[0]
    assert "£84" in first and "if a refund is due" in first, first


def test_a_visit_nobody_came_to_is_rebooked_whatever_the_moment(coach):
    texts = _tip(
        coach,
        "The surveyor was booked for Tuesday 9-1 to inspect the damp. I took the morning off and "
        "no one came. Case 66120.",
    )
    assert not any("tracking" in t or "on its way" in t for t in texts), texts
    assert "66120" in texts[0], texts


def test_something_that_arrived_short_is_not_tracked(coach):
    texts = _tip(
        coach,
        "My parcel arrived with two of the five books missing, £24 worth. Order 991203. I have "
        "the packing slip.",
    )
    assert not any(re.search(r"\btracking\b|\bcourier\b", t) for t in texts), texts


def test_a_refund_time_reads_once_however_the_team_wrote_it():
    from bot.llm.reply_text import fill

    line = "so it reaches you within {refund_time}"
    assert fill(line, {"refund_time": "5 working days"}).endswith("within 5 working days")
    assert fill(line, {"refund_time": "within 3 working days"}).endswith("within 3 working days")
    assert fill(line, {}).endswith("within [refund time]")
