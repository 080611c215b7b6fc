"""Requests taken up and questions built on the case, on examples/coaching/asks.jsonl:
conversations written for this across dentists, clinics, ticketing, leisure, broadband,
councils, schools, car rental, vets, hotels, universities, lettings, SaaS, charities,
couriers, telecoms and gyms. A row's `takes_up` lists words its first suggestion must say."""

import re

import pytest

from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core import reply_checks as checks
from tests.conftest import coaching_rows

ROWS = coaching_rows("asks.jsonl")
GENERIC = re.compile(
    r"which account(?:,? order)? or (?:service|product)|what has happened so far|"
    r"find out exactly what applies|as soon as you confirm|what's prompted",
    re.IGNORECASE,
)
HOW_TO = re.compile(r"\bhow (?:do|can) I\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def results(playbooks):
    coach = Coach(playbooks)
    out = {}
    for row in ROWS:
        conversation = conversation_from_record(row, row["id"])
        out[row["id"]] = (row, conversation, coach.coach(conversation, trigger="command"))
    return out


@pytest.mark.parametrize("row_id", [row["id"] for row in ROWS if row["takes_up"]])
def test_the_first_suggestion_takes_up_what_they_asked(results, row_id):
    row, conversation, result = results[row_id]
    first = result.suggestions[0].text
    for words in row["takes_up"]:
        assert words.lower() in first.lower(), (row_id, words, first)
    assert checks.claimed_actions(first, conversation) == [], first


# Rows where the customer asked or requested something: with nothing asked ("having a few
# problems"), an open question is the right start.
ASKED = [row["id"] for row in ROWS if row["takes_up"] or "?" in row["messages"][-1]["text"]]


@pytest.mark.parametrize("row_id", ASKED)
def test_no_generic_question_for_what_the_thread_already_says(results, row_id):
    _, _, result = results[row_id]
    for suggestion in result.suggestions:
        assert not GENERIC.search(suggestion.text), (row_id, suggestion.text)
    questions = sum(s.text.count("?") for s in result.suggestions)
    assert questions <= 3, (row_id, [s.text for s in result.suggestions])


@pytest.mark.parametrize("row_id", [row["id"] for row in ROWS])
def test_the_help_centre_only_when_they_asked_how_to_do_it_themselves(results, row_id):
    row, _, result = results[row_id]
    guide = any("[help centre]" in s.text for s in result.suggestions)
    asked_how = any(HOW_TO.search(m["text"]) for m in row["messages"] if m["role"] == "customer")
    assert not guide or asked_how, (row_id, [s.text for s in result.suggestions])
