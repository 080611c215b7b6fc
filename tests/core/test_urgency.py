"""A need within the hour: read from the customer's words, said in the coaching, and the times a
reply promises become minutes rather than a placeholder for later."""

import pytest

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.urgency import needs_it_now


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I have to pay the hotel at checkout in an hour and my card is blocked.", "in an hour"),
        ("We've been standing at your Gatwick desk for ages with three kids.",
         "We've been standing at your Gatwick desk"),
        ("I'm stuck at the airport and the app won't show my boarding pass",
         "I'm stuck at the airport"),
        ("I'm at the till now and my card keeps getting declined", "I'm at the till"),
        ("Boarding closes at 14:10 and the app won't load my pass.", "Boarding closes"),
        ("my flight is in 3 hours and I still have no seat", "in 3 hours"),
        ("My card was declined at the hotel and I need to check out by 11, it's 10 now",
         "check out by 11"),
        ("We're at the Gatwick check-in desk with three kids and nobody can help",
         "We're at the Gatwick check-in desk"),
        ("The hotel has given our room away. We have nowhere to stay tonight.", "nowhere to stay"),
        ("we're stranded in Malaga, the last flight was cancelled", "stranded"),
        ("locked out of my flat, it's midnight and the key safe code doesn't work",
         "locked out of my flat"),
    ],
)  # fmt: skip
def test_a_need_within_the_hour_is_found_in_their_words(text, found):
    assert needs_it_now([text]) == found


@pytest.mark.parametrize(
    "text",
    [
        "I was stuck at the airport last week for five hours, I want compensation.",
        "I've been waiting for an hour on hold.",
        "The tracking said in 2 hours but nothing came.",
        "I called an hour ago and nobody rang back.",
        "Could you move my delivery to Friday?",
        "I was stranded in Malaga last week and want compensation.",
        "I'm at home all day tomorrow for the delivery.",
    ],
)
def test_a_wait_already_over_or_a_later_date_is_not_now(text):
    assert needs_it_now([text]) is None


def test_an_urgent_need_is_coached_and_promised_in_minutes(playbooks):
    text = "My card's been blocked in Lisbon and I have to pay the hotel at checkout in an hour."
    result = Coach(playbooks).coach(Conversation.from_text(text), trigger="command")
    assert result.case.urgent == "in an hour"
    assert result.coaching[0].startswith("They need this now ('in an hour')")
    said = " ".join(s.text for s in result.suggestions)
    assert "[update time]" not in said and "[callback time]" not in said
    calm = Coach(playbooks).coach(
        Conversation.from_text("My card's been blocked, could you look at it this week?"),
        trigger="command",
    )
    assert calm.case.urgent is None
    assert not any(line.startswith("They need this now") for line in calm.coaching)
