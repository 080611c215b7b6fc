"""A service that failed (nobody came, a collection missed, a spoilt stay) told from a faulty
product, and dangers in the street or at home (gas, flooding, power lines down, a vulnerable
person without heat) met with safety and the leads' alert (issue 10)."""

import pytest

from bot.coach import Coach
from bot.core import reply_checks as checks
from bot.core.care import PERSON, URGENT
from bot.core.conversation import Conversation
from bot.core.escalation import assess
from bot.core.hazards import hazard_in
from bot.core.knowledge import Facts, Knowledge
from bot.core.premises import stated_premises
from bot.llm.base import SuggestionRequest
from bot.llm.offline import OfflineBackend

DEVICE = ("replacement", "return works", "when you try to use it", "returns label")


def coach(playbooks, text: str):
    conversation = Conversation.from_text(text)
    return conversation, Coach(playbooks).coach(conversation, trigger="command")


def said(result) -> str:
    return " ".join(s.text for s in result.suggestions)


@pytest.mark.parametrize(
    "text,premises",
    [
        ("The engineer was booked to fix our boiler between 8 and 12 today and nobody came.",
         {"missed_visit"}),
        ("Our recycling bin wasn't emptied again, everyone else's on the road was done.",
         {"missed_visit"}),
        ("The plumber didn't show up to fix the leaking tap and I took the morning off work.",
         {"missed_visit", "time_lost"}),
        ("I booked a courier to collect my return and they didn't turn up.", {"missed_visit"}),
        ("Room 412 is above the bar, music until 2am. We're here for three more nights.",
         {"spoilt_stay", "stay_ongoing"}),
        ("We stayed in your cottage last week and it was filthy.", {"spoilt_stay"}),
        ("My new phone won't turn on.", {"product"}),
        ("The vase arrived smashed.", {"product"}),
    ],
)  # fmt: skip
def test_a_failed_service_is_told_from_a_faulty_product(text, premises):
    stated = stated_premises(Conversation.from_text(text))
    service = {"missed_visit", "spoilt_stay", "stay_ongoing", "time_lost", "product"}
    assert stated & service == premises


@pytest.mark.parametrize(
    "text",
    [
        "Nobody came back to me about my complaint.",
        "My parcel still hasn't arrived, it's been two weeks.",
        "The living room light switch doesn't work.",
    ],
)
def test_no_missed_visit_or_stay_where_there_is_none(text):
    assert not {"missed_visit", "spoilt_stay"} & stated_premises(Conversation.from_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Customer: The engineer was booked to fix our boiler between 8 and 12 today and nobody "
        "came. I took the day off work. Booking ref BK-20931.",
        "Customer: The technician never turned up to repair my dishwasher and I waited in all day.",
        "Customer: I paid a call-out fee for a locksmith to change the locks and no one showed up.",
        "Customer: Our bins weren't collected again this week. Everyone else's were.",
    ],
)
def test_a_missed_visit_gets_ownership_and_a_new_time_not_a_device_reply(playbooks, text):
    conversation, result = coach(playbooks, text)
    assert result.assessment.playbook.id == "product-defect"
    replies = [s.text for s in result.suggestions]
    assert len(replies) == 3
    assert not any(word in reply.lower() for reply in replies for word in DEVICE)
    assert any("suits you" in reply for reply in replies)  # a new time they choose
    assert any(
        line.startswith("A visit or collection that didn't happen") for line in result.coaching
    )
    for reply in replies:
        assert not checks.claimed_actions(reply, conversation)
        assert not checks.premise_violations(reply, conversation)


def test_the_time_they_lost_is_recognised_without_promising_compensation(playbooks):
    _, result = coach(
        playbooks,
        "Customer: The engineer was booked to fix our boiler between 8 and 12 today and nobody "
        "came. I took the day off work.",
    )
    text = said(result)
    assert "check what we can do about the time you lost" in text
    assert any("recognise the time they lost" in line for line in result.coaching)
    assert not any(word in text.lower() for word in ("compensat", "refund", "credit", "voucher"))


def test_a_spoilt_stay_offers_to_check_a_move_only_while_they_are_there(playbooks):
    _, now = coach(
        playbooks,
        "Customer: Room 412 is above the bar and the music went on until "
        "2am, none of us slept. We're here for three more nights.",
    )
    _, past = coach(
        playbooks,
        "Customer: We stayed at your hotel last weekend and the bathroom "
        "was filthy, hairs in the shower.",
    )
    assert "check straight away whether we can move you to another room" in said(now)
    assert "another room" not in said(past)
    assert any("offer to check a room move" in line for line in now.coaching)
    assert not any("room move" in line for line in past.coaching)
    for result in (now, past):
        assert not any(word in said(result).lower() for word in DEVICE)


def test_a_faulty_product_still_gets_the_device_replies(playbooks):
    _, result = coach(playbooks, "Customer: The phone I bought last week won't turn on.")
    assert "replacement" in said(result)


@pytest.mark.parametrize(
    "text,hazard,mode",
    [
        ("There's a burst water main on Mill Lane and the road is flooding.", "flood", URGENT),
        ("Water is bubbling up through the road outside number 40.", "flood", URGENT),
        ("I can smell gas on the pavement outside the school.", "gas", URGENT),
        ("A power line came down in the wind last night and is lying across the lane.", "power",
         URGENT),
        ("My mother is 89 and has had no heating since Thursday. It's below zero.",
         "without_supply", PERSON),
        ("The boiler broke on Monday, no heating, and we have a 3 month old baby.",
         "without_supply", PERSON),
        ("Our power has been off since 6am and my husband uses an oxygen machine.",
         "without_supply", PERSON),
        ("We've had no water at all since this morning and my mum is 84 and has a catheter.",
         "without_supply", PERSON),
        ("nothing coming out of the taps since 7am and we have a 2 month old", "without_supply",
         PERSON),
    ],
)  # fmt: skip
def test_street_and_home_dangers_are_care_with_the_leads_alert(playbooks, text, hazard, mode):
    _, result = coach(playbooks, f"Customer: {text}")
    escalation = result.assessment.escalation
    assert hazard_in([text]) == hazard
    assert escalation.care[0] == "danger"
    assert escalation.care_mode == mode
    assert escalation.level == "escalate" and escalation.score >= 0.9  # the leads' alert
    assert result.coaching[0].startswith("Safety first" if mode == URGENT else "Care first")
    named = {
        "flood": "(flooding)",
        "gas": "(gas)",
        "power": "(power line down)",
        "without_supply": "vulnerable",
    }
    assert named[hazard] in result.coaching[0]


@pytest.mark.parametrize(
    "text",
    [
        "There are no power outlets at the gate and my elderly dad needs his phone charged.",
        "The phone lines are down at your branch, nobody answers.",
        "Is the road to the airport flooded? My flight is at 6.",
        "The heating in my office stopped working after the engineer's visit.",
        "No water pressure in the shower since the works; my elderly dad can't shower.",
        "My 90 year old gran loves your water bottles, do you still sell them?",
    ],
)
def test_no_danger_where_there_is_none(text):
    assert hazard_in([text]) is None


def test_a_burst_main_given_as_why_the_water_is_off_is_an_outage_not_a_flood():
    told = "No water at all today, your website says a burst water main."
    assert hazard_in([told]) is None
    assert assess(Conversation.from_text(told)).care == ()
    frail = "No water since yesterday, apparently a burst main. My mum is 84 and has a catheter."
    assert hazard_in([frail.lower()]) == "without_supply"
    in_front = "There's a burst water main on Mill Lane and the road is flooding."
    assert hazard_in([in_front.lower()]) == "flood"


def test_a_gas_smell_gets_the_gas_safety_step_and_the_teams_number(playbooks):
    conversation = Conversation.from_text("Customer: My flat smells like gas, what do I do?")
    result = Coach(playbooks).coach(conversation, trigger="command")
    first = result.suggestions[0].text
    assert "light switches" in first and "[gas emergency line]" in first
    request = SuggestionRequest(
        conversation=conversation,
        playbook=result.assessment.playbook,
        assessment=result.assessment.escalation,
        knowledge=Knowledge(facts=Facts(gas_emergency_line="0800 111 999")),
    )
    filled = OfflineBackend().suggest(request)[0].text
    assert "call 0800 111 999 once you're outside" in filled


@pytest.mark.parametrize(
    "reply,premise",
    [
        ("Could you tell me what happens when you try to use it?", "product"),
        ("I'll set up a replacement and explain exactly how the return works.", "product"),
        ("I'll check whether we can move you to another room tonight.", "stay_ongoing"),
    ],
)
def test_the_guard_flags_a_reply_that_presumes_another_situation(reply, premise):
    """The detectors the LLM guard and eval-coaching share: a device reply to a missed visit, a
    room move for a stay that is over."""
    missed = Conversation.from_text(
        "Customer: The engineer booked to fix our boiler never came and I took the day off work."
    )
    stay_over = Conversation.from_text(
        "Customer: We stayed at your hotel last weekend and the room was filthy."
    )
    conversation = missed if premise == "product" else stay_over
    assert premise in checks.premise_violations(reply, conversation)
    phone = Conversation.from_text("Customer: My new phone won't turn on.")
    if premise == "product":
        assert not checks.premise_violations(reply, phone)
