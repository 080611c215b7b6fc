"""Questions and requests said back to the customer, in plain word order and the second person."""

import pytest

from bot.core.asks import ask_clause
from bot.core.case import extract_case
from bot.core.conversation import Conversation


@pytest.mark.parametrize(
    ("said", "said_back"),
    [
        (
            "How do I change my shipping address?",
            "you're asking how to change your shipping address",
        ),
        (
            "Hi, can you send me a copy of my invoice please",
            "you're asking us to send you a copy of your invoice",
        ),
        ("Can I pay by bank transfer?", "you're asking whether you can pay by bank transfer"),
        ("Do you deliver to Norway?", "you're asking whether we deliver to Norway"),
        ("Does your app work on Android?", "you're asking whether our app works on Android"),
        (
            "When will my new debit card arrive?",
            "you're asking when your new debit card will arrive",
        ),
        (
            "What’s the fee for early repayment?",
            "you're asking what the fee for early repayment is",
        ),
        (
            "How long does it take for a permit to be approved?",
            "you're asking how long it takes for a permit to be approved",
        ),
        ("what time does the pharmacy open", "you're asking what time the pharmacy opens"),
        (
            "I want to move my appointment to Friday",
            "you're looking to move your appointment to Friday",
        ),
        (
            "tell me my remaining data allowance",
            "you're asking us to tell you your remaining data allowance",
        ),
    ],
)
def test_questions_and_requests_are_said_back(said, said_back):
    assert ask_clause([said]) == said_back


@pytest.mark.parametrize("said", ["NOOOOOO", "thanks!", "can you do it", "When will my"])
def test_what_fits_no_form_stays_unreflected(said):
    assert ask_clause([said]) is None


def test_the_case_carries_the_ask_and_the_offline_reply_says_it_back(playbooks):
    from bot.coach import Coach

    conversation = Conversation(id="c1")
    conversation.add("customer", "Hello, how do I add my partner to our home insurance policy?")
    assert extract_case(conversation).ask == (
        "you're asking how to add your partner to your home insurance policy"
    )
    result = Coach(playbooks).coach(conversation, trigger="command")
    assert any(
        "add your partner to your home insurance policy" in s.text for s in result.suggestions
    )


@pytest.mark.parametrize(
    ("said", "said_back"),
    [
        ("need assistance seeing your allowed payment options",
         "you're asking for help seeing our allowed payment options"),
        ("Is it possible to change my flight?", "you're asking whether you can change your flight"),
        ("Are US credit cards accepted?", "you're asking whether US credit cards are accepted"),
        ("Can this app help me exchange currencies?",
         "you're asking whether this app can help you exchange currencies"),
        ("need help with the invoice from Mr. Smith",
         "you're asking for help with the invoice from Mr. Smith"),
    ],
)  # fmt: skip
def test_requests_for_help_and_yes_no_questions_are_said_back(said, said_back):
    assert ask_clause([said]) == said_back


@pytest.mark.parametrize(
    ("said", "said_back"),
    [
        # an adverb before the verb stays, and the verb after it agrees
        (
            "How long does the appeal normally take?",
            "you're asking how long the appeal normally takes",
        ),
        ("When does my contract actually end?", "you're asking when your contract actually ends"),
        (
            "What time does the pool usually close on Sundays?",
            "you're asking what time the pool usually closes on Sundays",
        ),
        (
            "Does the gym still open at 6 on bank holidays?",
            "you're asking whether the gym still opens at 6 on bank holidays",
        ),
        (
            "Why did my card suddenly stop working?",
            "you're asking why your card suddenly stopped working",
        ),
        # a subject of more than one word keeps its modal after it
        (
            "Can our family rooms take a cot as well?",
            "you're asking whether your family rooms can take a cot as well",
        ),
        (
            "Can the family room take two adults and three kids?",
            "you're asking whether the family room can take two adults and three kids",
        ),
        # "this" before "be" is the subject, not "this be"
        (
            "Can this be taken off before I leave on Friday?",
            "you're asking whether this can be taken off before you leave on Friday",
        ),
        # ... and a one-word subject is not stretched
        (
            "Can the courier leave it with a neighbour?",
            "you're asking whether the courier can leave it with a neighbour",
        ),
        (
            "Can the engineer come on Saturday?",
            "you're asking whether the engineer can come on Saturday",
        ),
    ],
)
def test_adverbs_and_longer_subjects_are_said_back_in_order(said, said_back):
    assert ask_clause([said]) == said_back
