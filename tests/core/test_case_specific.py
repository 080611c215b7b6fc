"""Suggestions specific to this customer (issue 10, part B): their deadline, their references,
no question for what they already said, and different customers getting different sets.

Conversations written for these tests across industries; examples/coaching/specific.jsonl is
the larger set (bench/case_specific.py scores it)."""

import json
import re
from dataclasses import dataclass

import pytest

from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core.case import extract_case
from bot.core.conversation import Conversation
from bot.core.deadlines import find_deadline
from bot.core.rubric import check
from bot.llm.base import SuggestionRequest
from bot.llm.case_lines import asks_known, narrowed, with_references
from bot.llm.offline import OfflineBackend
from tests.conftest import EXAMPLES

GYM = (
    "Customer: You've taken my £89 membership fee twice this month. Ref GYM-44721. I need the "
    "extra one back before my rent goes out on Friday."
)


def texts(playbooks, text: str) -> list[str]:
    return [s.text for s in Coach(playbooks).coach(Conversation.from_text(text)).suggestions]


@pytest.mark.parametrize(
    ("said", "when"),
    [
        ("I need the refund before my rent goes out on Friday.", "Friday"),
        ("My next flight is on the 12th and I need the money to pay for it.", "the 12th"),
        ("The solicitor needs it by Thursday or I lose the house.", "Thursday"),
        ("The fee deadline is 30 September.", "30 September"),
        ("We're travelling to Spain on Monday.", "Monday"),
        ("My exams start on Monday and all my notes are on it.", "Monday"),
        ("Finance closes the books at the end of the month.", "the end of the month"),
        ("We're moving on Saturday. I need to know today if you can still come.", "today"),
    ],
)
def test_a_deadline_looks_ahead(said, when):
    deadline = find_deadline([said])
    assert deadline is not None and deadline.when == when


@pytest.mark.parametrize(
    "said",
    [
        "I paid £45 on Monday and the app still says inactive.",
        "I sent my laptop in for repair on 3 May.",
        "The tracking hasn't moved since Tuesday.",
        "My order was meant to arrive last Wednesday.",
        "Our cat died on Saturday after his operation.",
        "The engineer didn't turn up today for the appointment.",
        "Can you still do Saturday?",
    ],
)
def test_a_date_that_looks_back_or_asks_is_not_a_deadline(said):
    assert find_deadline([said]) is None


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Customer: Her student number is 2219834.", "2219834"),
        ("Customer: Membership number 300912. The app won't let me book.", "300912"),
        ("Customer: Ref GYM-44721, taken twice.", "GYM-44721"),
        ("Customer: My claim CLM-20931 is still pending.", "CLM-20931"),
        ("Customer: Bill doubled.\nAgent: I've found your account, number 88120045.", "88120045"),
    ],
)
def test_references_from_either_side(text, reference):
    assert extract_case(Conversation.from_text(text)).references == [reference]


def test_an_amount_does_not_take_the_comma_after_it():
    case = extract_case(Conversation.from_text("Customer: I paid £75, reference PP-30418, twice."))
    assert case.amounts == ["£75"]


def test_their_deadline_reference_and_facts_are_used_and_nothing_given_is_asked(playbooks):
    replies = texts(playbooks, GYM)
    joined = " ".join(replies)
    assert "GYM-44721" in joined and "£89" in joined
    assert "before Friday" in joined and "rent goes out on Friday" in joined
    assert "[update time]" not in joined
    case = extract_case(Conversation.from_text(GYM))
    assert not any(asks_known(reply, case) for reply in replies), replies
    assert not re.search(r"what you need from us|which account", joined, re.IGNORECASE)


def test_a_date_in_the_past_never_becomes_a_promised_time(playbooks):
    replies = texts(
        playbooks,
        "Customer: My order of running shoes, order 99310277, was meant to arrive last "
        "Wednesday. Tracking just says in transit.",
    )
    joined = " ".join(replies)
    assert "before" not in joined.replace("before anything", "")
    assert "[update time]" in joined  # no deadline, no team fact: the agent fills it in
    assert "order 99310277" in joined


def test_the_teams_own_time_wins_over_the_customers_deadline(playbooks):
    @dataclass(frozen=True)
    class Knowledge:
        facts: dict

    @dataclass(frozen=True)
    class RequestWithKnowledge(SuggestionRequest):
        knowledge: Knowledge | None = None

    coach = Coach(playbooks)
    conversation = Conversation.from_text(GYM)
    assessment = coach.assess(conversation)
    args = (conversation, assessment.playbook, assessment.escalation)
    request = RequestWithKnowledge(*args, knowledge=Knowledge({"update_time": "by 5pm tomorrow"}))
    joined = " ".join(s.text for s in OfflineBackend().suggest(request))
    assert "by 5pm tomorrow" in joined
    assert "email you the updated invoice before Friday" not in joined


def test_a_reference_given_by_the_agent_is_not_asked_for_again(playbooks):
    thread = (
        "Customer: Where is my parcel? It was due yesterday.\n"
        "Agent: Hi Ana, I've found your order 55120334 and I'm checking it now.\n"
        "Customer: Thanks, it's a birthday present."
    )
    joined = " ".join(texts(playbooks, thread))
    assert not re.search(r"order number|which (?:account|order)", joined, re.IGNORECASE), joined


def test_without_a_reference_the_one_missing_thing_is_asked_for(playbooks):
    thread = (
        "Customer: My booking for the hotel shows the wrong dates and I've emailed twice "
        "about it.\nAgent: Hello, thanks for getting in touch.\n"
        "Customer: I just need it corrected, I've told you what's wrong."
    )
    case = extract_case(Conversation.from_text(thread))
    assert case.thing == "booking" and not case.references
    replies = texts(playbooks, thread)
    assert not any(asks_known(reply, case) for reply in replies), replies
    questions = [s for reply in replies for s in re.findall(r"[^.?!]*\?", reply)]
    assert all("booking reference" in q or "would you" in q.lower() for q in questions), questions


def test_two_customers_with_the_same_moment_get_different_sets(playbooks):
    nursery = (
        "Customer: The nursery took £1,150 twice for October. Account number 4410923. My "
        "mortgage payment goes out on the 15th so I need it back before then."
    )
    energy = (
        "Customer: My bill jumped from £60 to £212 this month and I haven't changed anything. "
        "I've already sent a photo of the meter."
    )
    one, two = texts(playbooks, nursery), texts(playbooks, energy)
    assert len(one) == len(two) == 3
    assert all(a != b for a, b in zip(one, two, strict=True)), (one, two)
    assert "15th" in " ".join(one) and "photo of the meter" in " ".join(two)


def test_a_question_for_what_the_case_holds_is_left_out_and_the_rest_reads_on():
    case = extract_case(Conversation.from_text("Customer: Order 44120 arrived broken."))
    text = "Thanks. Could you tell me which order this is about? Then I'll arrange a replacement."
    assert narrowed(text, case) == "Thanks. I'll arrange a replacement."
    unknown = extract_case(Conversation.from_text("Customer: Hello"))
    assert narrowed(text, unknown) == text
    wants = extract_case(Conversation.from_text("Customer: I'd like to change my address please."))
    assert wants.ask and not wants.references
    both = "Hello. Which account is this about, and what would you most like us to do?"
    assert narrowed(both, wants) == (
        "Hello. Could you tell me which account, order or service this is about?"
    )


def test_a_reference_joins_its_own_word_but_not_a_compound():
    labelled = {"CLM-20931": "claim"}
    assert with_references("I'll chase your claim today.", labelled) == (
        "I'll chase your claim CLM-20931 today."
    )
    assert with_references("I'll send the claim form.", labelled) == "I'll send the claim form."


def test_the_fixture_sets_use_deadlines_and_ask_only_what_is_missing(playbooks):
    coach = Coach(playbooks)
    rows = (EXAMPLES / "coaching" / "specific.jsonl").read_text().splitlines()
    with_deadline = 0
    for number, line in enumerate(rows):
        conversation = conversation_from_record(json.loads(line), str(number))
        result = coach.coach(conversation, trigger="command")
        replies = [s.text for s in result.suggestions]
        assert len(replies) == 3, conversation.id
        for reply in replies:  # a question for what they said stays only to make a moment's move
            if asks_known(reply, result.case):
                narrow = narrowed(reply, result.case)
                assert not check(narrow, result.assessment.playbook).passed, (reply, narrow)
        if result.case.deadline:
            with_deadline += 1
            assert result.case.deadline in " ".join(replies), conversation.id
            assert not any("[update time]" in reply for reply in replies), conversation.id
    assert with_deadline >= 15


def test_what_they_tried_is_said_back_as_the_step_not_what_came_of_it(playbooks):
    thread = (
        "Customer: My council tax bill is wrong again. I've called the advice line twice and got "
        "nowhere. Account 7719203."
    )
    joined = " ".join(texts(playbooks, thread))
    assert "You've already called the advice line twice, and you shouldn't have to" in joined
    assert "got nowhere, and" not in joined


def test_unsure_of_the_moment_it_still_asks_nothing_already_given(playbooks):
    thread = (
        "Customer: The app won't let me book Saturday's spin class. It says my membership is "
        "inactive but I paid £45 on Monday. Membership number 300912."
    )
    result = Coach(playbooks).coach(Conversation.from_text(thread), trigger="command")
    assert result.assessment.low_confidence
    replies = [s.text for s in result.suggestions]
    assert len(replies) == 3 and all("?" in reply for reply in replies), replies
    assert not any(asks_known(reply, result.case) for reply in replies), replies
    assert all(check(reply, result.assessment.playbook).passed for reply in replies), replies
    assert "300912" in " ".join(replies)
