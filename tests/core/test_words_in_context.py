"""Words that only sound hot: a job title in a signature, someone else's solicitor, where they
found us, hours they played, a merchant's name in capitals. And quiet words that are care:
medication about to run out, an allergic reaction. Each is read through the real Coach."""

from __future__ import annotations

import pytest

from bot.core.asks import ask_clause
from bot.core.conversation import Conversation
from bot.core.signature import without_signature
from tests.conftest import assert_three_honest, coach_turns, said_in


def _coached(coach, text: str):
    return coach.coach(Conversation.from_text(f"Customer: {text}"), trigger="command")


def _reasons(result) -> str:
    return " | ".join(result.assessment.escalation.reasons)


SIGNED = (
    "Hello, could you tell me whether your Pro plan supports single sign-on with Azure AD? "
    "We have 40 seats to move over next quarter.\nThanks,\nDana Whitfield\n"
    "IT Manager, Harlow Logistics"
)


def test_a_job_title_in_the_signature_is_not_a_manager_request(coach):
    result = _coached(coach, SIGNED)
    assert result.assessment.playbook.id != "escalation-request"
    assert "manager_request" not in result.case.premises
    assert not any("manager" in s.text.lower() for s in result.suggestions)


def test_a_manager_asked_for_above_the_signature_still_counts(coach):
    text = SIGNED.replace("Hello, could you", "I want to speak to a manager today. Could you")
    result = _coached(coach, text)
    assert "manager" in " ".join(s.text.lower() for s in result.suggestions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can you help?\nThanks,\nTom", "Can you help?\nThanks,"),
        (
            "Where is it?\nKind regards\nAna Lopez\nOffice Manager\n0161 555 0101",
            "Where is it?\nKind regards",
        ),
        # not a signature: a question after the closing, or no closing at all
        ("Thanks,\nbut when will it come?", "Thanks,\nbut when will it come?"),
        ("Where is it?\nAna Lopez, Office Manager", "Where is it?\nAna Lopez, Office Manager"),
        ("Thanks!", "Thanks!"),
    ],
)
def test_the_signature_is_the_short_lines_after_a_closing(text, expected):
    assert without_signature(text) == expected


def test_someone_elses_solicitor_is_no_legal_threat(coach):
    result = _coached(
        coach,
        "My mother passed away last month. Her solicitor asked me to close her account and "
        "get a final statement. What do you need from me?",
    )
    assert "legal" not in _reasons(result)
    assert "bereavement" in _reasons(result)


def test_the_customers_own_solicitor_and_a_post_on_facebook_are_threats(coach):
    result = _coached(
        coach,
        "Three weeks and still no refund. If this isn't sorted by Friday I'm posting the whole "
        "story on Facebook and talking to my solicitor.",
    )
    reasons = _reasons(result)
    assert "threatens legal action" in reasons
    assert "threatens to go public" in reasons
    assert result.assessment.escalation.level == "escalate"


def test_where_they_found_us_is_no_threat_to_go_public(coach):
    result = _coached(
        coach,
        "I found your shop through Instagram and ordered the blue jacket last week. "
        "Could you tell me when it will ship?",
    )
    assert "go public" not in _reasons(result)
    assert result.assessment.escalation.level == "none"


def test_hours_put_into_a_game_are_not_a_wait(coach):
    result = _coached(
        coach,
        "I have put over 300 hours into this game and the latest patch wiped my save. "
        "This is unacceptable, I want my progress restored.",
    )
    assert "long wait" not in _reasons(result)
    waited = _coached(coach, "I have waited 3 hours on hold and nobody answered. Unacceptable.")
    assert "long wait" in _reasons(waited)


@pytest.mark.parametrize(
    "text",
    [
        "There's a payment of £59.00 to FASTFIT GYMS LTD on my statement and I never signed up "
        "to any gym. This is really annoying, please sort it.",
        "Why is there a charge from PAYPAL *STEAMGAMES of £24.99? I never bought this, it's "
        "ridiculous.",
    ],
)
def test_a_merchant_name_in_capitals_is_not_shouting(coach, text):
    assert "shouting" not in _reasons(_coached(coach, text))


def test_capitals_that_say_something_are_shouting(coach):
    result = _coached(coach, "I AM SICK OF THIS. THREE TIMES I HAVE CALLED AND NOBODY HELPS.")
    assert "shouting" in _reasons(result)


def test_medication_about_to_run_out_is_care(coach):
    result = _coached(
        coach,
        "my blood pressure tablets haven't arrived from the pharmacy and I only have two left. "
        "the prescription was sent a week ago. can someone help tonight?",
    )
    assert "care: illness" in _reasons(result)
    assert result.assessment.escalation.level != "none"


def test_an_allergic_reaction_in_other_words_is_an_injury(coach):
    result = _coached(
        coach,
        "You substituted the oat milk in my grocery order with a nut milk and my son drank some "
        "before we noticed. His lips swelled up and we had to use his EpiPen. He's ok now.",
    )
    assert "care: injury" in _reasons(result)
    assert result.assessment.escalation.level == "escalate"


def test_the_name_at_the_top_of_a_signature_is_the_customers(coach):
    result = _coached(coach, SIGNED)
    assert result.case.customer_name == "Dana"
    assert any("Dana" in s.text for s in result.suggestions)


@pytest.mark.parametrize(
    ("said", "back"),
    [
        ("I finished the course and was told it would come", "you finished the course and were"),
        ("I paid and wasn't given a receipt", "you paid and weren't given"),
        ("my order was late and was damaged", "your order was late and was damaged"),
        ("I ordered a table and it was late", "you ordered a table and it was late"),
    ],
)
def test_a_verb_after_and_agrees_with_you(said, back):
    from bot.core.reflect import second_person

    assert second_person(said).startswith(back)


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("What is it for?", "what it is for"),
        ("What is this charge for?", "what this charge is for"),
        ("What is the fee for late returns?", "what the fee for late returns is"),
    ],
)
def test_a_preposition_left_at_the_end_keeps_the_verb_before_it(question, back):
    from bot.core.asks import ask_clause

    assert ask_clause([question]) == f"you're asking {back}"


@pytest.mark.parametrize(
    ("turn", "ask"),
    [
        ("It still leaks. Do I need to say it a third time?", None),
        (
            "How many times do I have to explain this? When will the engineer come?",
            "you're asking when the engineer will come",
        ),
        ("Is anyone even reading my emails? I need the refund.", "you need the refund"),
        ("Do you even care? Where is my parcel?", "you're asking where your parcel is"),
        (
            "Can you tell me when my refund arrives?",
            "you're asking us to tell you when your refund arrives",
        ),
    ],
)
def test_venting_is_not_an_ask(turn, ask):
    assert ask_clause([turn]) == ask


def test_a_question_that_vents_is_not_taken_up(coach):
    conversation, result = coach_turns(
        coach,
        "The dishwasher you fitted on Monday leaks from the bottom every cycle.",
        "Sorry to hear that! What seems to be the problem with it?",
        "As I said, it leaks from the bottom. Every cycle. Do I have to tell you again?",
    )
    said = said_in(result)
    assert "whether you have to tell" not in said and "tell you again" not in said
    assert_three_honest(result, conversation)


@pytest.mark.parametrize(
    ("turn", "ask"),
    [
        (
            "Why has my council tax gone up by £30 a month?",
            "you're asking why your council tax has gone up by £30 a month",
        ),
        ("Why has my new card not arrived?", "you're asking why your new card has not arrived"),
        (
            "Why has the price of my plan changed?",
            "you're asking why the price of your plan has changed",
        ),
        ("Why is my water bill so high?", "you're asking why your water bill is so high"),
        (
            "What is the charge for a returned item?",
            "you're asking what the charge for a returned item is",
        ),
    ],
)
def test_a_question_is_said_back_with_its_whole_subject(turn, ask):
    assert ask_clause([turn]) == ask


def test_a_step_they_took_stops_before_what_keeps_happening(coach):
    _, result = coach_turns(
        coach,
        "I've sent the meter photos twice already and keep getting estimated bills addressed "
        "to the old tenant.",
    )
    tried = result.case.tried
    assert tried == ["sent the meter photos twice already"], tried
    assert not any("already" in line and "They already" in line for line in result.coaching)
