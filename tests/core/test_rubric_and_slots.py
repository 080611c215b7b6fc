import pytest

from bot.core.conversation import Conversation, Message
from bot.core.rubric import check, find_avoid_phrases
from bot.core.slots import fill_slots, labelled_references


def test_avoid_phrases_match_case_and_spacing_insensitively():
    assert find_avoid_phrases("Please  CALM down, sir", ["calm down"]) == ("calm down",)
    assert find_avoid_phrases("We will sort it out", ["calm down"]) == ()


def test_rubric_reports_missing_moves_and_avoid_hits(playbooks):
    playbook = playbooks["billing-dispute"]
    result = check("Calm down. Per our policy we do nothing.", playbook)
    assert not result.passed
    assert result.missing_moves
    assert "calm down" in [p.lower() for p in result.avoid_hits]


def test_slots_come_from_the_conversation():
    conversation = Conversation.from_text(
        "Customer: Hi, my name is Dana. Order #A12345 never arrived.\n"
        "Agent: Let me check.\nCustomer: thanks"
    )
    slots = fill_slots(conversation, agent_name="Sam")
    assert slots["customer_name"] == "Dana"
    assert slots["reference"] == "A12345"
    assert slots["agent_name"] == "Sam"
    assert slots["timeframe"] == "[timeframe]"


def test_unknown_slots_stay_clear_placeholders():
    slots = fill_slots(Conversation.from_text("I am so angry about this"))
    assert slots["customer_name"] == "[customer name]"
    assert slots["reference"] == "[reference]"


def test_sign_off_name_and_ticket_reference():
    slots = fill_slots(Conversation.from_text("Ticket TKT-55321 is still open.\nThanks,\nPriya"))
    assert slots == {**slots, "customer_name": "Priya", "reference": "TKT-55321"}


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("my car was written off, claim ref CLM-88213.", {"CLM-88213": "claim"}),
        ("Booking reference: LX4471902", {"LX4471902": "booking"}),
        ("Order no. 55120 is late", {"55120": "order"}),
        ("ref ABC12345 please", {"ABC12345": "ref"}),
    ],
)
def test_a_reference_keeps_the_word_that_names_its_thing(said, found):
    # "claim ref CLM-88213" is a claim's reference, said back as "your claim CLM-88213"
    conversation = Conversation(messages=[Message(role="customer", text=said)])
    assert labelled_references(conversation) == found
