"""Lines that fit what the thread already holds: a collection, not a returns label, for a sofa;
no "I'll check whether it's a known issue" once our side has named the fault; no second
condolence after the agent's own; and an amount said back whole ("£1,249", not "£1")."""

from __future__ import annotations

from bot.core.conversation import Conversation
from tests.conftest import assert_three_honest, coach_turns, said_in


def _coach_text(coach, transcript: str):
    return coach.coach(Conversation.from_text(transcript), trigger="command")


def _texts(result) -> str:
    return " ".join(s.text for s in result.suggestions).lower()


SOFA = (
    "Customer: The sofa you delivered yesterday has a big tear in the back cushion and one leg "
    "is cracked. I paid £1,249 for it. I want it replaced, not repaired."
)


def test_a_damaged_sofa_is_collected_not_posted_back(coach):
    result = _coach_text(coach, SOFA)
    texts = _texts(result)
    assert "returns label" not in texts
    assert "collect the damaged one from your home" in texts
    assert "bulky_item" in result.case.premises


def test_a_damaged_parcel_still_gets_a_returns_label(coach):
    result = _coach_text(
        coach,
        "Customer: The kettle you delivered yesterday arrived with a cracked lid. "
        "Can you send a new one?",
    )
    texts = _texts(result)
    assert "collect the damaged one" not in texts
    assert "bulky_item" not in result.case.premises


def test_an_amount_with_a_thousands_comma_is_said_back_whole(coach):
    result = _coach_text(coach, SOFA)
    assert any("£1,249" in step for step in result.case.done), result.case.done


OUTAGE = (
    "Customer: My internet has been down since 7am, I work from home.\n"
    "Agent: Hi Marcus, I'm sorry about this. I can see there's a fault at the local exchange "
    "affecting your area and engineers are on site.\n"
    "Customer: OK but when will it be back? I have a client call at 3pm."
)


def test_no_known_issue_check_once_the_fault_is_named(coach):
    result = _coach_text(coach, OUTAGE)
    assert result.assessment.playbook.id == "service-outage"
    assert "cause_known" in result.case.premises
    texts = _texts(result)
    assert "known issue" not in texts
    assert "if this is an outage" not in texts
    assert "if it's a problem on our side" not in texts


def test_before_the_fault_is_named_the_check_is_still_offered(coach):
    result = _coach_text(coach, "Customer: My internet has been down since 7am. Is it an outage?")
    assert "cause_known" not in result.case.premises
    texts = _texts(result)
    assert any(w in texts for w in ("known issue", "service status", "whether it is an outage"))


BEREAVED = (
    "Customer: Hi, my husband died last week and I need to stop his phone contract.\n"
    "Agent: I'm so sorry for your loss, Mrs Hale. I can help you with that.\n"
    "Customer: Thank you. Do you need a copy of the death certificate?"
)


def test_no_second_condolence_after_the_agents_own(coach):
    result = _coach_text(coach, BEREAVED)
    assert "sorry for your loss" not in _texts(result)
    assert "no rush" in _texts(result)


def test_the_first_reply_to_a_bereavement_offers_condolences(coach):
    first = BEREAVED.split("\nAgent:")[0]
    assert "sorry for your loss" in _texts(_coach_text(coach, first))


CONCERT = (
    "Customer: The concert on Saturday was cancelled and you've offered me a voucher. "
    "I don't want a voucher, I want my £85 back on my card."
)


def test_money_back_on_their_card_is_a_refund_and_an_event_we_called_off_is_ours(coach):
    result = _coach_text(coach, CONCERT)
    assert "a refund" in result.case.wants
    assert result.assessment.playbook.id != "cancellation-risk"
    texts = _texts(result)
    assert "make the cancellation quick" not in texts
    assert "£85" in texts


def test_back_on_track_is_not_money_back(coach):
    result = _coach_text(coach, "Customer: I'd like to get my project back on track this week.")
    assert "a refund" not in result.case.wants


def test_a_manager_asked_for_in_a_question_is_offered_not_checked(coach):
    conversation, result = coach_turns(
        coach,
        "My boiler service was booked for today and nobody came, again. Can I speak to a "
        "manager please?",
    )
    said = said_in(result)
    assert "manager" in result.suggestions[0].text.lower()
    assert "whether you can speak to a manager" not in said
    assert_three_honest(result, conversation)
