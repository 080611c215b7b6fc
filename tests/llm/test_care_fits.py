"""Care that fits what happened: medicine running out is got to them in time; a live danger is
answered by the safety step, never "I'll check whether you should wait"; the person hurt is
asked after by who they are; our own wait is never taken for their deadline."""

from __future__ import annotations

import pytest

from bot.core.deadlines import find_deadline
from tests.conftest import assert_three_honest, coach_turns, said_in


def test_medicine_running_out_is_care_and_got_to_them_in_time(coach):
    conversation, result = coach_turns(
        coach,
        "my inhaler refill still hasnt been posted and I've only got enough for 3 more days. "
        "what's happening??",
    )
    assert "illness" in result.assessment.escalation.care
    said = said_in(result)
    assert "where your inhaler is" in said and "don't run out" in said
    assert "refund" not in said  # not the time for money back
    assert_three_honest(result, conversation)


def test_plural_medicine_reads_as_plural(coach):
    _, result = coach_turns(
        coach, "My heart tablets were meant to come Tuesday and I only have two left.", id="p"
    )
    assert "where your tablets are and whether they can" in said_in(result)


@pytest.mark.parametrize(
    "hazard",
    [
        "There's a strong smell of gas outside our back door. The engineer is coming "
        "Friday, do we just wait till then?",
        "A power line is down across our drive after the storm and it's sparking. Should I "
        "wait for your crew or call someone?",
    ],
    ids=["gas", "power-line"],
)
def test_a_live_danger_is_answered_by_the_safety_step(coach, hazard):
    conversation, result = coach_turns(coach, hazard, id="h")
    said = said_in(result)
    assert "emergency" in said
    assert "whether you should" not in said and "asking whether" not in said
    assert "tell me a time that suits you" not in said  # not a chat while it is live
    assert "once you're somewhere safe" in said
    assert_three_honest(result, conversation)


def test_someone_hurt_is_asked_after_by_who_they_are(coach):
    conversation, result = coach_turns(
        coach,
        "A shelf in your store fell on my daughter's foot yesterday and she's on crutches. "
        "How did this happen?",
        id="i",
    )
    first = result.suggestions[0].text
    assert "your daughter" in first and "how is she doing now?" in first
    assert "how this happened" in said_in(result)
    assert_three_honest(result, conversation)


def test_after_hospital_a_hope_not_a_question(coach):
    _, result = coach_turns(
        coach,
        "The menu said the dessert was nut free. My husband had a reaction and spent the night "
        "in hospital.",
        id="n",
    )
    first = result.suggestions[0].text
    assert "your husband" in first and "recovering well" in first
    assert "medical help" not in first  # a doctor has seen him


def test_a_reaction_no_doctor_has_seen_gets_a_word_on_medical_help(coach):
    conversation, result = coach_turns(
        coach,
        "used your new face wash and my face swelled up and came out in hives. "
        "had to use my epipen. what is in this stuff",
        id="r",
    )
    first = result.suggestions[0].text
    assert "the reaction" in first and "please get medical help first" in first
    assert_three_honest(result, conversation)


@pytest.mark.parametrize(
    ("said", "deadline"),
    [
        ("Our heating's off and your engineer can't come till next week.", None),
        ("Nobody can come out until Monday and I've got two kids here.", None),
        ("It won't be repaired until Thursday apparently.", None),
        (
            "We're not flying until the 12th, so please sort the visa letter before then.",
            "the 12th",
        ),
        ("I need the replacement before Friday.", "Friday"),
    ],
)
def test_our_wait_is_not_their_deadline(said, deadline):
    found = find_deadline([said])
    assert (found.when if found else None) == deadline


def test_a_wait_of_ours_is_not_the_update_time(coach):
    _, result = coach_turns(
        coach,
        "Our boiler broke on Saturday, the flat is 12 degrees and I've got a newborn. You "
        "said no engineer until next week!",
        id="w",
    )
    assert "before next week" not in said_in(result)


def test_someone_elses_medicine_running_out_is_theirs(coach):
    conversation, result = coach_turns(
        coach,
        "The pharmacy still hasn't got my mum's blood thinners in. Her GP signed it off last "
        "week. She has 2 days left.",
        id="m",
    )
    assert "illness" in result.assessment.escalation.care
    said = said_in(result)
    assert "your mum's" in said and "she doesn't run out" in said
    assert_three_honest(result, conversation)


def test_cant_go_without_it_is_care():
    from bot.core.care import find_care

    found = dict(find_care(["My son's inhaler prescription is stuck. He can't be without it."]))
    assert "illness" in found
    assert not find_care(["The app won't let me log in and I can't be without it for work."])


def test_a_cold_home_and_who_is_in_it_told_in_different_turns_is_danger(coach):
    conversation, result = coach_turns(
        coach,
        "Our boiler packed up on Thursday, no heating or hot water, and I've reported it twice.",
        "Thanks, the contractor has been informed.",
        "Informed? It's 8 degrees in the flat and I'm 7 months pregnant. What is going on?",
        id="c",
    )
    escalation = result.assessment.escalation
    assert "danger" in escalation.care and escalation.level == "escalate"
    assert "safe and well comes first" in said_in(result)
    assert_three_honest(result, conversation)


def test_a_cold_home_without_anyone_vulnerable_is_not_danger():
    from bot.core.hazards import without_supply_in_thread

    assert (
        without_supply_in_thread(["No heating since Monday.", "Still nothing, it's cold."]) is None
    )


def test_a_burn_from_what_we_sold_is_an_injury_asked_after(coach):
    conversation, result = coach_turns(
        coach,
        "The lid of the travel mug you sold me popped off and hot coffee went all over my arm. "
        "It's red and blistered. Order 55120.",
        id="b",
    )
    escalation = result.assessment.escalation
    assert "injury" in escalation.care and escalation.level == "escalate"
    assert result.suggestions[0].text.startswith("I'm so sorry you were hurt; how is your arm now?")
    assert_three_honest(result, conversation)
