"""The offline composer on what the customer explicitly asked for and on where the thread is
(bot/llm/request_take_up.py, bot/llm/situation_fit.py), judged on examples/coaching/requests.jsonl:
conversations written for this across clinics, utilities, telecoms, councils, charities,
ticketing, hotels, car rental, universities, couriers, lettings, vets, gyms and repairs.

Each row may say what its first suggestion must take up (`takes_up`: words of their request,
said back as the agent's own next step), that our earlier slip must be owned (`owns_slip`),
that the customer is in a hurry (`urgent`) or that the thread is well under way (`later_turn`).
"""

import re

import pytest

from bot.coach import Coach
from bot.commands.inputs import conversation_from_record
from bot.core import reply_checks as checks
from bot.core.conversation import Conversation
from bot.llm.base import Suggestion
from bot.llm.situation_fit import fit_to_situation
from tests.conftest import assert_honest, coaching_rows

ROWS = coaching_rows("requests.jsonl")
ASKS_WHAT_THEY_WANT = re.compile(
    r"what would you most like us to do|what would a good outcome|what you need from us", re.I
)
FIRST_CONTACT = re.compile(r"thanks for (getting in touch|your message)|glad you reached out", re.I)
FILLER = re.compile(r"^(of course|thanks for your patience|certainly)[.!]", re.I)
OWNS = re.compile(r"\b(sorry|shouldn't have|on us)\b", re.I)


@pytest.fixture(scope="module")
def results(playbooks):
    coach = Coach(playbooks)
    out = {}
    for row in ROWS:
        conversation = conversation_from_record(row, row["id"])
        out[row["id"]] = (row, conversation, coach.coach(conversation, trigger="command"))
    return out


def _rows(key):
    return [row["id"] for row in ROWS if row.get(key)]


@pytest.mark.parametrize("row_id", _rows("takes_up"))
def test_the_first_suggestion_takes_up_their_request_in_honest_tense(results, row_id):
    row, conversation, result = results[row_id]
    first = result.suggestions[0].text
    for words in row["takes_up"]:
        assert words.lower() in first.lower(), (row_id, words, first)
    assert re.search(r"\bI'll\b", first), first
    assert checks.claimed_actions(first, conversation) == [], first
    if row.get("money"):  # a refund is checked first, never promised outright
        assert re.search(r"\bif\b", first) and "I'll refund" not in first, first


@pytest.mark.parametrize("row_id", _rows("takes_up"))
def test_a_clear_request_is_not_asked_what_they_want(results, row_id):
    _, _, result = results[row_id]
    for suggestion in result.suggestions:
        assert not ASKS_WHAT_THEY_WANT.search(suggestion.text), (row_id, suggestion.text)


@pytest.mark.parametrize("row_id", _rows("owns_slip"))
def test_our_earlier_slip_is_owned_once_with_one_apology(results, row_id):
    _, _, result = results[row_id]
    texts = [s.text for s in result.suggestions]
    assert OWNS.search(checks.sentences(texts[0])[0]), texts[0]
    for text in texts:
        assert checks.apologies(text) <= 1, text


@pytest.mark.parametrize("row_id", _rows("urgent"))
def test_no_filler_opener_when_they_are_in_a_hurry(results, row_id):
    _, _, result = results[row_id]
    for suggestion in result.suggestions:
        assert not FILLER.match(suggestion.text), suggestion.text


@pytest.mark.parametrize("row_id", _rows("later_turn") + _rows("owns_slip"))
def test_no_first_contact_greeting_once_the_thread_is_under_way(results, row_id):
    _, _, result = results[row_id]
    for suggestion in result.suggestions:
        assert not FIRST_CONTACT.search(suggestion.text), suggestion.text


def test_every_set_still_meets_the_rubric(results):
    for row_id, (_, conversation, result) in results.items():
        texts = [s.text for s in result.suggestions]
        assert len(texts) == 3, row_id
        assert_honest(texts, conversation)


def test_a_thread_with_no_request_is_left_to_the_playbook(results):
    for row_id in ("praise-no-request", "vague-question", "letting-garbled"):
        first = results[row_id][2].suggestions[0].text
        assert not re.match(r"I'll (move|cancel|send|check|stop|add)\b", first), first


def _fit(text: str, thread: str) -> list[str]:
    suggestions = [
        Suggestion(text, "why"),
        Suggestion("I'll look into it today.", "why"),
        Suggestion("Could you tell me the date?", "why"),
    ]
    return [s.text for s in fit_to_situation(suggestions, Conversation.from_text(thread))]


def test_a_first_contact_greeting_stays_on_the_first_turn_and_goes_later():
    greeting = "Thanks for getting in touch; if I've understood, your bill is wrong."
    assert _fit(greeting, "Customer: My bill is wrong.")[0] == greeting
    later = "Customer: My bill is wrong.\nAgent: Let me look.\nCustomer: Any news?"
    assert _fit(greeting, later)[0] == "If I've understood, your bill is wrong."


def test_filler_goes_when_they_are_in_a_hurry_and_stays_otherwise():
    text = "Of course. I'll chase the courier now."
    assert _fit(text, "Customer: Can you chase my parcel? Please be quick.")[0] == (
        "I'll chase the courier now."
    )
    assert _fit(text, "Customer: Can you chase my parcel?")[0] == text


def test_a_slip_is_owned_without_a_second_apology():
    thread = (
        "Customer: My bin wasn't collected.\nAgent: The crew will return within 48 hours.\n"
        "Customer: It's been a week now."
    )
    owned = _fit("I'm sorry the bin is still full. I'll book a crew for tomorrow.", thread)[0]
    assert owned.startswith("You were told within 48 hours, and it's now been a week")
    assert checks.apologies(owned) == 1
