"""The offline three-line summary: what the customer wants, what was tried or promised, what
is at stake; extractive from the case and redacted."""

from bot.coach import Coach
from bot.core.case import extract_case
from bot.core.conversation import Conversation
from bot.core.summary import Summary, offline_summary, third_person

CHARGED = (
    "Hi, I was charged twice for my March subscription, $49.99. I want my money back. "
    "My card is 4111 1111 1111 1111 and you can email me at dana.k@example.com."
)


def _summary(coach: Coach, conversation: Conversation, trigger: str = "nudge") -> Summary:
    result = coach.coach(conversation, trigger)
    assert result.summary is not None
    return result.summary


def test_a_billing_dispute_says_what_they_want_what_was_promised_and_the_stake(playbooks):
    conversation = (
        Conversation("t")
        .add("customer", CHARGED)
        .add("agent", "I'll check both payments now and refund the duplicate.")
        .add(
            "customer",
            "Third time I have contacted you. Fix it or I will cancel my account and tell "
            "everyone on "
            "twitter.",
        )
    )
    summary = _summary(Coach(playbooks), conversation)
    wants, tried, stake = summary.lines
    assert wants.startswith("Wants: a refund") and "they were charged twice" in wants
    assert "agent promised to check both payments now" in tried
    assert "contact number 3" in tried
    assert stake.startswith("At stake: their trust")  # billing-dispute serves trust
    assert "threatens to cancel" in stake and "threatens to go public" in stake
    assert "$49.99" in stake
    assert summary.source == "offline"


def test_what_they_already_tried_is_carried_over(playbooks):
    conversation = Conversation("t").add(
        "customer",
        "My internet has dropped every evening for two weeks. I've already restarted the "
        "router three times.",
    )
    _, tried, _ = _summary(Coach(playbooks), conversation, "command").lines
    assert tried == "Tried or promised: restarted the router three times"


def test_summaries_are_redacted(playbooks):
    conversation = Conversation("t").add(
        "customer", "I was charged twice, card 4111 1111 1111 1111, refund to dana.k@example.com"
    )
    case = extract_case(conversation)
    summary = offline_summary(
        conversation,
        case,
        playbooks["billing-dispute"],
        Coach(playbooks).assess(conversation).escalation,
    )
    text = " ".join(summary.lines)
    assert "4111" not in text and "dana.k@example.com" not in text
    assert "[CARD_1]" in text or "[EMAIL_1]" in text


def test_nothing_to_say_is_said_plainly(playbooks):
    summary = _summary(Coach(playbooks), Conversation("t").add("customer", "hello"), "command")
    assert summary.lines[0] == "Wants: not clear yet from the conversation"
    assert summary.lines[1] == "Tried or promised: nothing yet"


def test_third_person_turns_the_case_towards_the_lead():
    assert third_person("you were charged twice for your order") == (
        "they were charged twice for their order"
    )
    assert third_person("we sent you the wrong size") == "we sent them the wrong size"


def test_a_summary_round_trips_through_the_log_shape():
    summary = Summary("a refund", "nothing yet", "their trust", source="openai")
    assert Summary.from_dict(summary.to_dict()) == summary
    assert Summary.from_dict({"wants": "x"}) is None and Summary.from_dict(None) is None
