"""The case read right: the issue said back as a clean statement of the problem (never their
instruction), what they want given what already happened and who did it, and the facts that
make the case theirs. Judged through the Coach on examples/coaching/reading.jsonl (47
conversations across industries, written with their expected reading before any output was
seen) and on the failure cases: what cannot be said back cleanly is not said back."""

import pytest

from bench.case_reading import misses
from bot.commands.inputs import conversation_from_record
from bot.core.clean_clause import clean
from bot.core.conversation import Conversation, Message
from bot.core.wants import CANCEL, REFUND, REINSTATED
from tests.conftest import coaching_rows

ROWS = coaching_rows("reading.jsonl")


def _case(coach, *customer_turns: str):
    messages = [Message(role="customer", text=t) for t in customer_turns]
    result = coach.coach(Conversation(id="t", messages=messages), trigger="command")
    return result.case


def test_the_fixture_covers_many_industries():
    assert len(ROWS) >= 40
    assert len({row["industry"] for row in ROWS}) >= 12


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_each_conversation_is_read_as_expected(coach, row):
    conversation = conversation_from_record(row, row["id"])
    case = coach.coach(conversation, trigger="command").case.to_dict()
    assert misses(case, row["expect"]) == [], case


def test_an_instruction_and_its_consequence_are_not_said_back_as_the_problem(coach):
    case = _case(
        coach,
        "Hi, I booked a table for 8 at your Camden branch for Saturday for my mum's 70th and "
        "just got an email saying it's cancelled?? Nobody called. Can you fix this, we can't "
        "find anywhere else at this notice.",
    )
    assert case.issue == "you just got an email saying the booking is cancelled"
    assert case.wants == [REINSTATED]
    assert {"a table for 8", "your mum's 70th", "our Camden branch", "nobody called"} <= set(
        case.details
    )
    assert _case(coach, "Refund me now.").issue is None
    assert clean("fix this, you can't find anywhere else at this notice") is None
    assert clean("sort it out, you need your prescription") is None


def test_a_dropped_auxiliary_is_put_back_only_where_certain(coach):
    assert _case(coach, "my gym membership still charging me after I cancelled").issue == (
        "your gym membership is still charging you after you cancelled"
    )
    assert _case(coach, "direct debits still going out of the old account").issue == (
        "your direct debits are still going out of the old account"
    )
    assert _case(coach, "Flight cancelled last night, nobody told us why").issue.startswith(
        "your flight was cancelled last night"
    )
    # "marked" could be active or passive with a person as subject: left alone, and a thing
    # followed straight by a verb in -ing is never said back without its auxiliary
    assert clean("your parcel still showing as in transit") is None
    assert clean("your order arrived late") == "your order arrived late"
    assert clean("your parking permit application was rejected") == (
        "your parking permit application was rejected"
    )


def test_what_they_already_did_changes_what_they_want(coach):
    gym = _case(
        coach,
        "my gym membership still charging me after I cancelled in September. I have the "
        "cancellation email. thats 3 months of £39. want it back",
    )
    assert gym.wants == [REFUND]
    assert gym.evidence == ["the cancellation email"]
    assert gym.done == ["cancelled in September"]
    assert "3 × £39 = £117" in gym.details
    assert CANCEL in _case(coach, "How do I cancel my membership?").wants
    assert CANCEL in _case(coach, "Please cancel my magazine subscription.").wants
    assert CANCEL not in _case(coach, "I cancelled my order but was still charged £20").wants


def test_who_cancelled_decides_between_reinstating_and_a_refund(coach):
    ours = _case(coach, "You cancelled my physio appointment by text. Can you fix this?")
    assert ours.wants == [REINSTATED] and "by text" in ours.details
    money = _case(coach, "Your team cancelled our booking. We want our £160 back.")
    assert money.wants == [REFUND]
    theirs = _case(coach, "I cancelled my booking last week but you still took the deposit")
    assert REINSTATED not in theirs.wants


def test_evidence_is_what_they_hold_not_what_they_lack(coach):
    assert _case(coach, "I don't have the receipt, the kettle broke").evidence == []
    assert _case(coach, "I took photos at pickup with timestamps.").evidence == [
        "photos at pickup with timestamps"
    ]
    assert _case(coach, "I have a client report due at 5pm, the export is broken").evidence == []


def test_what_we_did_is_said_back_as_their_problem_never_as_our_claim(coach):
    dentist = _case(coach, "You cancelled my daughter's filling appointment the morning of it.")
    assert dentist.issue == "your daughter's filling appointment was cancelled the morning of it"
    hotel = _case(
        coach, "Your system cancelled our hotel booking for 2-5 August without telling us"
    )
    assert hotel.issue == "your hotel booking for 2-5 August was cancelled without telling you"
    roaming = _case(
        coach, "Got a £96 roaming charge. I have the text you sent confirming the add-on."
    )
    assert roaming.evidence == ["the text from us confirming the add-on"]
    assert clean("we've sent you the wrong size") is None  # no passive to say it in


def test_a_problem_they_have_is_not_mistaken_for_evidence_they_hold(coach):
    assert _case(coach, "I have a problem with my laptop, it won't turn on").issue == (
        "you have a problem with your laptop, it won't turn on"
    )
    assert _case(coach, "I got my statement and the refund was not there").issue is not None
    assert _case(coach, "I have the receipt. The kettle stopped working.").issue == (
        "the kettle stopped working"
    )


def test_cut_off_clauses_stay_unsaid():
    assert clean("you were not able to") is None
    assert (
        clean("see how it says searching instead of giving you signal, you've been dealing with")
        is None
    )
    assert (
        clean("we charged your card £350 for a scratch that was already there when you picked the")
        is None
    )


def test_one_amount_taken_in_several_payments_is_not_multiplied():
    from bot.core.case_facts import totals

    # the amount is the whole: never an invented 4 x £640
    assert totals("Someone has taken £640 out of my account in four payments I didn't make") == []
    assert totals("£120 in total over 3 payments") == []
    assert totals("5 payments of £9.99 went out") == ["5 × £9.99 = £49.95"]
