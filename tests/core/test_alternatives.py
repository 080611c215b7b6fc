"""Suggestions 2 and 3 as real alternatives for this case, not holding lines that fit any message,
through the real Coach, on examples/coaching/alternatives.jsonl: complaints and asks across gyms,
IT services, utilities, telecoms, travel, retail, banking, healthcare admin, public services,
software, insurance, hospitality, automotive, education, pharmacy, logistics and more, single
messages and threads, written (with the facts a 2nd/3rd suggestion should carry) before any
output was seen; rows marked `holdout` were not tuned on (their output was read in full dumps
while developing). Floors are the measured figures (bench/distinct_steps.py,
bench/ask_take_up.py): dev 25/54 of the 2nd/3rd carry a fact in what they promise or ask (15
before), 11/81 generic (19); holdout 15/28 (8) and 8/42 (15).
A playbook line that does something (stays with them, sets up a replacement) stays."""

import pytest

from bench.ask_take_up import score as take_up_score
from bench.distinct_steps import _alike, _step
from bench.distinct_steps import score as steps_score
from bot.core.rubric import check
from bot.llm.request_take_up import OPTION_WHY
from tests.conftest import assert_honest, coach_rows, coach_turns, coaching_rows

ROWS = coaching_rows("alternatives.jsonl")


@pytest.fixture(scope="module")
def coached(coach):
    return coach_rows(coach, ROWS)


def _replies(coached) -> dict[str, list[str]]:
    return {key: [s.text for s in result.suggestions] for key, (_, _, result) in coached.items()}


def test_the_set_spans_industries_threads_and_a_holdout():
    assert len(ROWS) >= 36 and len({r["industry"] for r in ROWS}) >= 12
    assert sum(bool(r.get("holdout")) for r in ROWS) >= len(ROWS) // 3
    assert sum(len(r["messages"]) > 1 for r in ROWS) >= 5
    assert all(r["facts"] and r["messages"][-1]["role"] == "customer" for r in ROWS)


@pytest.mark.parametrize("part", ["dev", "holdout"])
def test_the_2nd_and_3rd_carry_the_case(coached, part):
    replies = _replies(coached)
    conversations = [conversation for _, conversation, _ in coached.values()]
    steps = steps_score(ROWS, replies, conversations)[part]
    taken = take_up_score(ROWS, replies)[part]
    # Generic was 11 and 8 on its branch. Merged, a due date already gone by is no longer a
    # deadline (so "before 12 May" options went), a blocked card no longer gets the reset line,
    # and a question's option gave way in one set: 14 and 9, measured.
    # Tail fact was 25 and 15 on its branch: "back on your card or as a credit?" is now offered
    # only to a customer who wants money back (one set each), after the blind reading.
    # Holdout 14 -> 13 after moments-3: the council parking fine is now a billing moment (it was
    # first-contact, whose stock "what went wrong with your resident permit" named the permit);
    # its fee replies take the fine on but name neither the PCN nor the permit. Generic dev
    # 14 -> 16 for the same row: a line counts as generic when another row's set has it too, and
    # the fine now shares the fee reply with the gym's late-cancel fee and the holding line with
    # the double-booked hotel (those two sets are unchanged). Re-measured.
    floors = {"dev": (24, 16), "holdout": (13, 9)}[part]
    assert steps["tail fact"] >= floors[0], steps
    assert taken["generic"] <= floors[1], taken
    assert steps["defects"] == 0, steps  # the one on its branch (a reset never tried) is gone
    assert taken["said not"] == 0, taken


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_alternative_is_a_whole_honest_reply_that_keeps_the_moves(coached, row):
    _, conversation, result = coached[row["id"]]
    texts = [s.text for s in result.suggestions]
    assert len(texts) == 3
    assert_honest(texts[1:], conversation)  # promised, never claimed; no premise of ours
    alternatives = [s.text for s in result.suggestions if s.why == OPTION_WHY]
    for text in alternatives:
        assert check(text, result.assessment.playbook).passed, text


def test_a_visit_that_never_happened_gets_other_steps_on_the_case(coach):
    conversation, result = coach_turns(
        coach,
        "The plumber was booked for 10am yesterday to fix my boiler and nobody turned up or "
        "called. My mum comes to stay on Friday.",
    )
    texts = [s.text for s in result.suggestions]
    assert all("boiler" in t for t in texts[1:]), texts
    assert_honest(texts, conversation)
    assert all(check(t, result.assessment.playbook).passed for t in texts), texts
    theirs = set(conversation.messages[0].text.lower().split())
    steps = [_step(t, theirs) for t in texts]  # three different steps, not one said three ways
    assert not any(_alike(a, b) for i, a in enumerate(steps) for b in steps[i + 1 :]), texts


def test_what_they_already_sent_is_worked_from_not_asked_for(coach):
    _, result = coach_turns(
        coach,
        "You charged me £24.50 after I closed my account on 2 June. I have the closure "
        "confirmation email.",
    )
    said = " ".join(s.text for s in result.suggestions[1:])
    assert "£24.50" in said or "closure confirmation email" in said, said
    assert "send us" not in said.lower() and "could you send" not in said.lower(), said


def test_a_price_that_went_up_is_explained_not_paid_back(coach):
    _, result = coach_turns(
        coach, "My phone contract went from £22 to £39 a month with no warning. Why?"
    )
    said = " ".join(s.text for s in result.suggestions)
    assert "£22 is due back" not in said and "£39 is due back" not in said, said


def test_no_fact_to_name_the_playbook_lines_stay(coach):
    _, result = coach_turns(coach, "This is ridiculous, nobody is helping me.")
    assert all(s.why != OPTION_WHY for s in result.suggestions), [
        s.text for s in result.suggestions
    ]


def test_a_compliment_is_not_taken_up_as_a_case(coach):
    _, result = coach_turns(
        coach,
        "Just wanted to say Maria at your Leeds branch sorted my mortgage paperwork in one visit. "
        "Reference MTG-44120. Brilliant service.",
    )
    said = " ".join(s.text for s in result.suggestions).lower()
    assert result.assessment.playbook.id == "praise"
    assert "escalate" not in said and "team that handles" not in said, said


def test_a_manager_asked_for_is_not_sent_back_to_the_team(coach):
    _, result = coach_turns(
        coach,
        "My claim CL-44120 has been open six weeks and nobody from your claims team calls back. "
        "I'd like someone senior to look at it.",
    )
    said = " ".join(s.text for s in result.suggestions).lower()
    assert "team that handles" not in said, said
    assert any(w in said for w in ("manager", "senior")), said


def test_money_back_is_offered_only_to_a_customer_who_wants_it(coach):
    _, result = coach_turns(
        coach,
        "There's a £19.99 charge from you on my card this month and I don't know what it is.",
    )
    said = " ".join(s.text for s in result.suggestions).lower()
    assert "back on the card" not in said and "as a credit" not in said, said
    _, wanted = coach_turns(
        coach, "There's a £19.99 charge on my card I never agreed to. I want my money back."
    )
    assert "£19.99" in " ".join(s.text for s in wanted.suggestions)
