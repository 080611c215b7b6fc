"""The customer's issue said back cleanly or not at all, and their ask taken up by two
suggestions, through the real Coach, on examples/coaching/echo-2.jsonl: 44 messy conversations
(lower case, typos, threads where the agent gave a name, concrete asks) across 31 industries,
written before any output was seen; rows marked `holdout` were not developed against. Floors are
the measured figures (bench/echo_take_up.py), before -> after: dev echo clean 24 -> 29 of 30,
ask taken up by 1+ suggestions 24 -> 25, by 2+ 4 -> 16, coaching lines clean 29 -> 30; holdout
echo clean 13 -> 14 of 14, taken up by 2+ 4 -> 8. A request to act whose other suggestions are
options built on the case (bot/llm/case_options.py) keeps those options
(tests/core/test_options.py)."""

import pytest

from bench.echo_take_up import judge
from bot.coach import Coach
from bot.core.conversation import Conversation
from tests.conftest import assert_honest, coach_rows, coaching_rows

ROWS = coaching_rows("echo-2.jsonl")
FLOORS = {  # (echo clean, taken up 1+, taken up 2+, coaching clean)
    # taken up 2+ was 16 on its branch; merged, one set's second take-up is an option on the
    # case (bot/llm/case_alternatives.py) instead: 15, measured
    "dev": (29, 25, 15, 30),
    "holdout": (14, 14, 8, 14),
}


@pytest.fixture(scope="module")
def coached(playbooks):
    return coach_rows(Coach(playbooks), ROWS)


def _coach(playbooks, *turns):
    roles = ["customer", "agent"] * len(turns)
    messages = [{"role": r, "text": t} for r, t in zip(roles, turns, strict=False)]
    conversation = Conversation.from_dicts(messages, id="echo")
    return Coach(playbooks).coach(conversation, trigger="command")


def test_the_set_is_messy_across_industries_with_a_holdout():
    assert len(ROWS) >= 40 and len({r["industry"] for r in ROWS}) >= 12
    assert sum(bool(r.get("holdout")) for r in ROWS) >= len(ROWS) // 3
    assert sum(r["messages"][0]["text"][:1].islower() for r in ROWS) >= 12  # lower case
    assert sum(any(m["role"] == "agent" for m in r["messages"]) for r in ROWS) >= 3


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_echoes_are_clean_and_the_ask_is_taken_up_twice(coached, part):
    counts = dict.fromkeys(("echo clean", "taken up 1+", "taken up 2+", "coaching clean"), 0)
    for row, conversation, result in coached.values():
        if bool(row.get("holdout")) != (part == "holdout"):
            continue
        texts = [s.text for s in result.suggestions]
        assert_honest(texts, conversation)
        verdict = judge(row, texts, list(result.coaching), conversation)
        for name in counts:
            counts[name] += verdict[name]
    floors = dict(zip(counts, FLOORS[part], strict=True))
    assert all(counts[name] >= floors[name] for name in counts), (counts, floors)


def test_a_relative_clause_is_not_a_step_they_took(playbooks):
    result = _coach(
        playbooks,
        "My renewal went up from £310 to £540 and nobody explained why. I have the email I sent "
        "in March if you need it.",
    )
    said = " ".join([*(s.text for s in result.suggestions), *result.coaching])
    assert "if we need it" not in said and "sent in March" not in said, said


def test_lower_case_days_and_missing_apostrophes_are_mended_when_said_back(playbooks):
    result = _coach(
        playbooks,
        "the technician was supposed to come thursday between 9 and 12 and never showed. its been "
        "a week and theyre not answering",
    )
    said = " ".join(s.text for s in result.suggestions)
    assert "thursday" not in said and "theyre" not in said and " its been" not in said, said
    assert "Thursday" in said, said  # said back, mended, not dropped


def test_a_question_is_taken_up_by_two_suggestions(playbooks):
    result = _coach(playbooks, "Can I pay my council tax in ten instalments instead of twelve?")
    taking = [s.text for s in result.suggestions if "ten instalments" in s.text]
    assert len(taking) >= 2, [s.text for s in result.suggestions]
    assert len({t.split(".")[0] for t in taking}) == len(taking)  # not the same line twice


def test_a_question_that_only_points_back_is_not_said_back(playbooks):
    result = _coach(
        playbooks,
        "booked a table for 8 for my mums 70th on saturday. need to change it to 10 people, is "
        "that ok?",
    )
    said = " ".join(s.text for s in result.suggestions)
    assert "whether that is ok" not in said and "mums" not in said, said


def test_an_aside_after_a_comma_is_not_said_back(playbooks):
    result = _coach(
        playbooks,
        "card blocked at the supermarket, embarrassing",
        "Hi, Raj here. Sorry about that, can you confirm your last transaction?",
        "it was £23 at the shop. can you unblock it now please i need petrol",
    )
    said = " ".join(s.text for s in result.suggestions)
    assert "embarras" not in said and "please you need petrol" not in said, said
