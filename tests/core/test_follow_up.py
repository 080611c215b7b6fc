"""Reading the customer's turn after a tip: calmer or not, thanks, back about the same problem."""

from bot.core.conversation import Conversation
from bot.core.follow_up import read_follow_up

ANGRY = "This is the third time I'm asking! I want a manager now."


def _after(*turns: str) -> Conversation:
    conversation = Conversation("t").add("customer", ANGRY).add("agent", "I'll call you today.")
    for turn in turns:
        conversation.add("customer", turn)
    return conversation


def test_thanks_after_a_tip_reads_calmer_and_thankful():
    before = read_follow_up(Conversation("t").add("customer", ANGRY))
    reading = read_follow_up(_after("Thank you, that's brilliant, really appreciate it."))
    assert reading.thanked and not reading.came_back
    assert reading.escalation_score < before.escalation_score


def test_still_broken_is_coming_back_not_thanks():
    reading = read_follow_up(_after("Thanks, but it's still not working. Same problem as before."))
    assert reading.came_back and not reading.thanked


def test_sarcastic_thanks_is_not_thanks():
    reading = read_follow_up(_after("Great, thanks a lot for nothing. Another week of waiting."))
    assert not reading.thanked


def test_only_a_customer_turn_is_read():
    assert read_follow_up(Conversation("t").add("agent", "Hello")) is None
    assert read_follow_up(Conversation("t")) is None
