"""Suggestions that fit the situation and assert nothing the agent has not checked (issue 10):
care in proportion to what happened, honest reflection, the customer's own domain words, praise
passed on rather than read as a demand, organisations never taken for the customer's name."""

import json
import re

import pytest

from bot.coach import Coach
from bot.core.care import CONTEXT, PERSON, URGENT, care_mode
from bot.core.conversation import Conversation
from bot.core.escalation import assess
from bot.core.names import is_organisation, names_in
from bot.core.slots import customer_name
from tests.conftest import EXAMPLES

FIT = EXAMPLES / "coaching" / "fit.jsonl"
SAFETY = re.compile(r"\bare you safe\b|\bmake sure you're safe\b", re.IGNORECASE)
# A hold, pause, waiver or freeze promised outright, not offered as something to check.
UNCONFIRMED = re.compile(
    r"\bI(?:'ll| will) (?:put a hold|hold|pause|waive|freeze|suspend|stop) (?:on )?"
    r"(?:anything|all|your|the|any)\b",
    re.IGNORECASE,
)


def coach(playbooks, text: str):
    return Coach(playbooks).coach(Conversation.from_text(text), trigger="command")


def texts(result) -> str:
    return " ".join(s.text for s in result.suggestions)


@pytest.mark.parametrize(
    "text,mode",
    [
        # an emergency happening now
        ("There's a strong smell of gas in the hallway right now.", URGENT),
        ("Your scooter rider just knocked me over outside the station and my arm is bleeding.",
         URGENT),
        # the situation is the contact itself
        ("I tripped over a loose cable in your hotel lobby last week and hurt my wrist. Who "
         "handles this?", PERSON),
        ("My wife passed away on Sunday and the broadband is in her name.", PERSON),
        ("I've lost my job and can't pay my water bill this month.", PERSON),
        # background to another request
        ("I missed my exam resit because I was in hospital with appendicitis. Can I have the "
         "£60 resit fee back?", CONTEXT),
        ("I broke my leg skiing in January so I can't drive for two months. Can I pause my car "
         "lease payments?", CONTEXT),
        ("I couldn't attend my dental appointment last Tuesday as I was in hospital. Please "
         "remove the missed appointment fee.", CONTEXT),
    ],
)  # fmt: skip
def test_care_is_met_in_proportion(text, mode):
    assert care_mode([text]) == mode


def test_no_care_is_no_mode():
    assert care_mode(["My parcel is late and nobody was hurt."]) is None


def test_past_injury_as_background_is_one_line_then_the_refund(playbooks):
    result = coach(
        playbooks,
        "Customer: I stopped my swimming lessons in May because I injured my shoulder in April. "
        "You've still taken £45 for June. Please refund it.",
    )
    escalation = result.assessment.escalation
    assert escalation.care == ("injury",) and escalation.care_mode == CONTEXT
    assert escalation.level == "watch"  # flagged, never none, but no emergency for the leads
    said = texts(result)
    assert not SAFETY.search(said), said
    first = result.suggestions[0].text
    assert first.startswith(("Sorry to hear about your injury", "I hope you're recovering"))
    assert "injur" not in " ".join(s.text for s in result.suggestions[1:])  # one line, once
    assert re.search(r"£45|swimming lessons", first), first  # their actual issue, said back
    assert re.search(r"\b(charge|payment|refund)", said), said
    assert "background" in result.coaching[0]


def test_an_emergency_now_asks_if_they_are_safe(playbooks):
    result = coach(
        playbooks,
        "Customer: Your bin lorry just reversed into me on Elm Road and my leg is bleeding.",
    )
    assert result.assessment.escalation.care_mode == URGENT
    assert result.assessment.escalation.level == "escalate"
    assert SAFETY.search(result.suggestions[0].text)
    assert result.coaching[0].startswith("Safety first")


@pytest.mark.parametrize(
    "text",
    [
        "Customer: I was made redundant and I can't afford my phone bill. Can I pay later?",
        "Customer: My father died last week. I need to cancel his gym membership.",
        "Customer: I'm at breaking point, my housing benefit claim has been stuck for months.",
        "Customer: I slipped on your wet station platform on Friday and broke my wrist.",
    ],
)
def test_care_never_promises_a_hold_or_waiver_nor_asks_about_safety_out_of_place(playbooks, text):
    result = coach(playbooks, text)
    said = texts(result)
    assert result.assessment.escalation.care, text
    assert not UNCONFIRMED.search(said), said
    assert not SAFETY.search(said), said


def fit_results(playbooks):
    coach_ = Coach(playbooks)
    with FIT.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield row, coach_.coach(Conversation.from_dicts(row["messages"]), trigger="command")


def test_no_reflection_states_the_customers_claim_as_checked(playbooks):
    for row, result in fit_results(playbooks):
        for suggestion in result.suggestions:
            assert not re.search(r"\bI can see that\b", suggestion.text), (row["id"], suggestion)
            assert not UNCONFIRMED.search(suggestion.text), (row["id"], suggestion.text)


def test_no_two_conversations_get_the_same_set(playbooks):
    seen: dict[tuple[str, ...], str] = {}
    for row, result in fit_results(playbooks):
        key = tuple(s.text for s in result.suggestions)
        assert key not in seen, (row["id"], seen.get(key))
        seen[key] = row["id"]


@pytest.mark.parametrize(
    "text,foreign",
    [
        # a loan payment and an appointment are not parcels
        ("Customer: My bursary payment hasn't arrived and it was due on the 1st.",
         r"courier|delivery|parcel|\border\b|reach you"),
        ("Customer: I booked a physio session for Thursday but never got a confirmation. Is it "
         "booked?", r"courier|delivery|parcel|\border\b|reach you"),
        # an airline or a university charge is not a bill or an invoice
        ("Customer: You charged me £60 for a checked bag on flight LS902 but I only had hand "
         "luggage.", r"\bbill\b|invoice"),
        ("Customer: The university has charged me a £150 late registration fee but I "
         "registered on time.", r"\bbill\b|invoice"),
        # choosing between two services is not shopping for a subscription
        ("Customer: What's the difference between the standard and the fast-track planning "
         "application service?", r"monthly price|place the order|how will you mainly use it"),
    ],
)  # fmt: skip
def test_replies_keep_to_the_customers_own_domain(playbooks, text, foreign):
    result = coach(playbooks, text)
    said = texts(result)
    assert result.suggestions
    assert not re.search(foreign, said, re.IGNORECASE), said


@pytest.mark.parametrize(
    "text,staff",
    [
        ("The nurse on Ward 3, Femi, was so kind to my mum. Please make sure her manager hears "
         "about it.", "Femi"),
        ("Your installer Dara did a spotless job on the boiler. Can you pass this on to his "
         "supervisor? He deserves recognition.", "Dara"),
        ("Brilliant help from Grace at the Bristol branch today. I'd like her boss to know.",
         "Grace"),
    ],
)  # fmt: skip
def test_praise_to_pass_on_is_not_a_manager_demand(playbooks, text, staff):
    result = coach(playbooks, f"Customer: {text}")
    assert result.assessment.playbook.id == "praise"
    assert result.assessment.escalation.level == "none"
    assert "manager" not in result.case.requests
    said = texts(result)
    assert staff in result.suggestions[0].text, said
    assert not re.search(r"you asked (for|to speak to) a manager|formal complaint", said, re.I)


def test_a_real_manager_demand_is_still_one(playbooks):
    result = coach(playbooks, "Customer: Your agent hung up on me. I want to speak to their "
                   "supervisor now.")  # fmt: skip
    assert result.assessment.playbook.id == "escalation-request"
    assert "manager" in result.case.requests


@pytest.mark.parametrize(
    "text",
    [
        "Customer: My meter reading is wrong again. Thanks, Scottish Power",
        "Customer: my refund still hasn't come\n- Student Finance",
        "Customer: Hello Northern Rail, my season ticket was charged twice.\nThanks\nNorthern Rail",
        "Customer: Dear Anglian Water, the pressure is very low.\nRegards, City Council",
    ],
)
def test_an_organisation_is_not_the_customers_name(text):
    conversation = Conversation.from_text(text)
    assert customer_name(conversation) is None
    assert not names_in(m.text for m in conversation.messages)


def test_people_are_still_named():
    signed = Conversation.from_text(
        "Customer: Hello Thames Water, no water since 7am.\nRegards,\nAmara"
    )
    assert customer_name(signed) == "Amara"
    greeted_back = Conversation.from_text(
        "Customer: Hi Sarah, my loan is late. Thanks, Sarah\nAgent: Hi Tom, let me check."
    )
    assert customer_name(greeted_back) == "Tom"  # "Sarah" is the agent they greeted
    assert is_organisation("British Gas") and not is_organisation("Priya Patel")


def test_an_injury_in_context_keeps_the_leads_alert_for_real_emergencies():
    context = assess(Conversation.from_text("I cancelled because I hurt my back last month. "
                                            "Please refund the £20 fee."))  # fmt: skip
    ours = assess(Conversation.from_text("Your driver hit my car and I was injured."))
    assert context.level == "watch" and context.care_mode == CONTEXT
    assert ours.level == "escalate" and ours.care_mode in (URGENT, PERSON)
    assert context.to_dict()["care_mode"] == CONTEXT


def test_the_readme_example_is_the_real_command(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO), "MOT_CACHE_DIR": "off"}
    command = [sys.executable, "-m", "bot", "tip", str(EXAMPLES / "double-charge.txt")]
    run = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ mot-coach tip examples/double-charge.txt\n", 1)[1].split("```")[0]
    assert shown == run.stdout
