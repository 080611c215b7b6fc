"""The 2nd and 3rd suggestions as other real options built on the case, whole replies that make
their playbook's moves, through the real Coach, on examples/coaching/options.jsonl: asks across
retail, telecoms, insurance, travel, healthcare admin, utilities, banking, SaaS, gaming, public
services, education, car rental, lettings, hospitality and vets, written (with the facts a
2nd/3rd suggestion must carry and what no suggestion may say) before any output was seen; rows
marked `holdout` were not developed against. Floors are the measured figures
(bench/ask_take_up.py): dev 19/24 of the 2nd/3rd carry their ask or a fact (5 before), 1/36
generic (17 before); holdout 6/10 (3) and 1/15 generic (6)."""

import pytest

from bench.ask_take_up import score
from bot.core.rubric import check
from bot.llm.request_take_up import OPTION_WHY
from tests.conftest import assert_honest, coach_rows, coach_turns, coaching_rows

ROWS = coaching_rows("options.jsonl")


@pytest.fixture(scope="module")
def coached(coach):
    return coach_rows(coach, ROWS)


def _coached(coach, *turns: str):
    return coach_turns(coach, *turns, id="options")[1]


def test_the_set_spans_industries_with_facts_and_a_holdout():
    assert len(ROWS) >= 15 and len({r["industry"] for r in ROWS}) >= 8
    assert sum(bool(r.get("holdout")) for r in ROWS) >= 5
    assert all(r["facts"] and r["messages"][-1]["role"] == "customer" for r in ROWS)


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_the_other_suggestions_carry_their_facts(coached, part):
    replies = {key: [s.text for s in result.suggestions] for key, (_, _, result) in coached.items()}
    counts = score(ROWS, replies)[part]
    floors = {"dev": (12, 19, 1), "holdout": (5, 6, 1)}[part]
    assert counts["first takes up"] >= floors[0], counts
    assert counts["tail fit"] >= floors[1], counts
    assert counts["generic"] <= floors[2], counts
    assert counts["said not"] == 0, counts


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_option_is_a_whole_honest_reply(coached, row):
    _, conversation, result = coached[row["id"]]
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3
    assert_honest(texts, conversation)
    if not result.assessment.low_confidence:  # unsure of the moment: no rubric to keep
        for text in texts[1:]:  # each option keeps its playbook's moves
            assert check(text, result.assessment.playbook).passed, text


def test_a_duplicate_charge_is_never_hedged(coach):
    result = _coached(
        coach,
        "I was charged twice for my gym membership, £29.99 taken twice on the 1st, member "
        "number GY-4410. Please refund the extra one.",
    )
    said = " ".join(s.text for s in result.suggestions).lower()
    assert "if a refund is due" not in said and "can't be refunded" not in said, said
    assert "£29.99" in " ".join(s.text for s in result.suggestions[1:]), said


def test_a_refund_promised_is_traced_not_questioned(coach):
    result = _coached(
        coach,
        "Your colleague promised me a refund of $85 for the broken kettle, order 55-1920, and "
        "it still hasn't arrived.",
        "I'm sorry, let me look into that.",
        "When will I get the $85?",
    )
    tail = " ".join(s.text for s in result.suggestions[1:])
    assert "$85" in tail and "if a refund" not in tail.lower(), tail


def test_no_facts_the_playbook_line_stays(coach):
    result = _coached(coach, "Can he eat breakfast that morning?")
    tail = [s.text for s in result.suggestions[1:]]
    # nothing of theirs to carry: no option, no invented fact; the playbook's own lines stay
    assert len(tail) == 2 and all(s.why != OPTION_WHY for s in result.suggestions), tail
    assert not any(p in t for t in tail for p in ("If the answer is no", "Would you like me to"))


def test_options_differ_from_the_first_in_substance(coached):
    _, _, result = coached["flight-change-afternoon"]
    tail = [s.text for s in result.suggestions[1:]]
    assert "ZK4P7T" in " ".join(tail) and all("change you to" not in t for t in tail), tail
