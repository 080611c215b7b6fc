"""A second ask in the customer's latest turn taken up, and ask forms that were not ("can you
take it off before I leave?", "how do I appeal?", "is it in stock in blue?"), through the real
Coach, on examples/coaching/second-asks.jsonl: 35 conversations across 17 industries, written
before any output was seen; rows marked `holdout` were not developed against. Floors are the
measured figures (bench/ask_take_up.py): dev 23/25 first suggestions take the main ask up (17
before), 17/17 sets take the second ask up (3 before); holdout 10/10 (10) and 6/7 (2)."""

import pytest

from bench.ask_take_up import score
from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.knowledge import Knowledge
from bot.core.requested_action import STEPS, requested_action
from bot.core.rubric import check
from bot.core.second_ask import second_ask
from tests.conftest import assert_honest, coach_rows, coaching_rows

ROWS = coaching_rows("second-asks.jsonl")
# a suggestion is one message an agent sends: a promise per ask, not a run-on
MAX_WORDS = 70


@pytest.fixture(scope="module")
def coached(playbooks):
    return coach_rows(Coach(playbooks), ROWS)


def _coach(playbooks, *turns, knowledge=None):
    roles = ["customer", "agent"] * len(turns)
    messages = [{"role": r, "text": t} for r, t in zip(roles, turns, strict=False)]
    conversation = Conversation.from_dicts(messages, id="second")
    return [s.text for s in Coach(playbooks, knowledge=knowledge).coach(conversation).suggestions]


def test_the_set_is_two_asks_and_new_ask_forms_across_industries_with_a_holdout():
    assert len(ROWS) >= 30 and len({r["industry"] for r in ROWS}) >= 8
    assert sum(bool(r.get("holdout")) for r in ROWS) >= 10
    assert sum(bool(r.get("takes_up_second")) for r in ROWS) >= 20
    assert sum(len(r["messages"]) > 1 for r in ROWS) >= 3  # threads, not only single messages


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_both_asks_are_taken_up(coached, part):
    replies = {key: [s.text for s in result.suggestions] for key, (_, _, result) in coached.items()}
    counts = score(ROWS, replies)[part]
    floors = {"dev": (23, 17), "holdout": (10, 6)}[part]
    assert counts["first takes up"] >= floors[0], counts
    assert counts["second taken up"] >= floors[1], counts
    assert counts["said not"] == 0, counts  # no invented answer stated


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_set_stays_honest_and_short(coached, row):
    _, conversation, result = coached[row["id"]]
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3
    assert_honest(texts, conversation)
    for text in texts:
        assert len(text.split()) <= MAX_WORDS, text


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r.get("takes_up_second")], ids=lambda r: r["id"]
)
def test_the_suggestion_carrying_the_second_ask_passes_its_rubric(coached, row):
    _, _, result = coached[row["id"]]
    carrying = [s.text for s in result.suggestions if "I'll also" in s.text]
    if result.assessment.low_confidence:  # no moment's moves to keep (greet, invite) apply
        return
    for text in carrying:
        outcome = check(text, result.assessment.playbook)
        assert outcome.passed, (result.assessment.playbook.id, text, outcome.describe())


def test_the_second_ask_is_a_promise_to_find_out_in_one_suggestion(playbooks):
    texts = _coach(
        playbooks, "I want to cancel my broadband contract. And what's the notice period?"
    )
    assert "I'll cancel your broadband contract" in texts[0], texts
    said = [t for t in texts if "notice period" in t]
    assert said and all("find out what the notice period is" in t for t in said), texts


def test_a_time_the_team_states_answers_how_long_else_a_placeholder(playbooks):
    ask = "I was charged twice for my order, £30 each. Please refund one. "
    ask += "How long will the refund take?"
    bare = " ".join(_coach(playbooks, ask))
    assert "Refunds reach you within [refund time]" in bare, bare
    knowledge = Knowledge.model_validate({"facts": {"refund_time": "5 working days"}})
    told = " ".join(_coach(playbooks, ask, knowledge=knowledge))
    # the team's time answers it, once: in the first suggestion's own line or as the second ask's
    assert "within 5 working days" in told and "[refund time]" not in told, told


@pytest.mark.parametrize(
    "turn",
    [
        "I'd like a refund for order 5521, it never arrived.",  # one ask only
        "Please cancel my gym membership from March. Is that too much to ask?",  # rhetorical
        "Can you move my delivery to Friday? Why is this always so hard?",  # a complaint
        "Can you send me my March statement? I need it for my mortgage.",  # a reason, not an ask
    ],
)
def test_nothing_is_invented_for_a_second_ask_that_is_not_there(playbooks, turn):
    assert second_ask([turn], requested_action([turn])) is None
    texts = _coach(playbooks, turn)
    assert not any("I'll also" in t for t in texts), texts


def test_how_to_gets_the_steps_or_the_guide(playbooks):
    found = requested_action(["My blue badge application was refused. How do I appeal?"])
    assert (found.kind, found.phrase) == (STEPS, "appeal")
    texts = _coach(playbooks, "My blue badge application was refused. How do I appeal?")
    assert "I'll send you the steps to appeal" in texts[0], texts
    assert "[help centre]" in texts[0], texts


def test_pre_sale_questions_are_checked_with_their_words(playbooks):
    texts = _coach(playbooks, "Is the Harlow sofa in stock in blue?")
    assert "I'll check whether the Harlow sofa is in stock in blue" in texts[0], texts
    texts = _coach(
        playbooks, "There's a £12 parking charge on my bill. Can you take it off before I leave?"
    )
    assert "removed before you leave" in texts[0], texts
