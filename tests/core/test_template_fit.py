"""Templates written for another problem left out where the customer's situation is not theirs,
and the moment and level that follow what the customer says (issue 10), judged through the Coach
on examples/coaching/template-fit.jsonl: 32 conversations across 25 industries (missing items,
missed visits, damage-charge disputes, thanks with and without a question, emergencies with
someone vulnerable, refunds owed, polite openers before questions, calm threats to leave),
written with the moment (`playbook`, "a|b" either), what a good set must (`set_has`) and must
not (`set_avoids`) say, and the level (`level`, `level_not`) before any output was seen. Rows
marked `holdout` were not developed against; the floors are the counts measured.
"""

import pytest

from bot.core.courtesy import questions_after_courtesy
from bot.core.premises import stated_premises
from tests.conftest import (
    assert_three_honest,
    coach_messages,
    coach_rows,
    coaching_rows,
    said_in,
)

ROWS = coaching_rows("template-fit.jsonl")
DEV_FLOOR, HOLDOUT_FLOOR = 16, 5  # measured, of 20 and 12


@pytest.fixture(scope="module")
def results(coach):
    return coach_rows(coach, ROWS)


def _misses(row, conversation, result) -> list[str]:
    texts = [s.text for s in result.suggestions]
    said = " ".join(texts).lower()
    moment = result.assessment.playbook.id if result.assessment.playbook else None
    level = result.assessment.escalation.level
    misses = [] if moment in row["playbook"].split("|") else [f"moment {moment}"]
    if level != row.get("level", level) or level in row.get("level_not", ()):
        misses.append(f"level {level}")
    misses += [
        f"has {w}" for w in row["set_has"] if not any(o.lower() in said for o in w.split("|"))
    ]
    misses += [f"says {a}" for a in row["set_avoids"] if a.lower() in said]
    return misses


def test_the_fixture_holds_each_kind_and_a_holdout():
    kinds = {row["kind"] for row in ROWS}
    assert len(ROWS) == 32 and len(kinds) == 9
    assert len({row["industry"] for row in ROWS}) >= 8
    assert sum(bool(row["holdout"]) for row in ROWS) >= 10


def test_sets_meet_their_rows_at_the_measured_floors(results):
    met = {False: 0, True: 0}
    for row, conversation, result in results.values():
        met[bool(row["holdout"])] += not _misses(row, conversation, result)
    assert (met[False], met[True]) >= (DEV_FLOOR, HOLDOUT_FLOOR), met


@pytest.mark.parametrize("row_id", [row["id"] for row in ROWS])
def test_every_set_keeps_the_hard_rules_and_three_suggestions(results, row_id):
    _, conversation, result = results[row_id]
    assert_three_honest(result, conversation)


def test_missing_items_get_no_charge_explained_and_no_return(coach):
    conversation, result = coach_messages(
        coach,
        (
            "customer",
            "My shopping came today but the butter and the bread were missing from the bag.",
        ),
    )
    said = said_in(result)
    assert "line by line" not in said and "how the return works" not in said, said
    assert "missing_items" in stated_premises(conversation)


def test_a_damaged_item_they_hold_still_gets_the_replacement(coach):
    _, result = coach_messages(
        coach,
        (
            "customer",
            "The kettle I bought last week is leaking from the base and won't switch on. "
            "Can I get a new one?",
        ),
    )
    assert result.assessment.playbook.id == "product-defect"
    assert "replacement" in said_in(result), said_in(result)


def test_a_real_double_charge_still_gets_the_charge_replies(coach):
    _, result = coach_messages(
        coach, ("customer", "I've been charged £24.50 twice for the same order this morning.")
    )
    said = said_in(result)
    assert result.assessment.playbook.id == "billing-dispute"
    assert "both payments" in said and "if a refund is due" not in said, said


def test_an_unexplained_charge_still_gets_looked_at(coach):
    _, result = coach_messages(
        coach,
        ("customer", "There's a £17.99 charge on my statement from you that I don't recognise."),
    )
    said = said_in(result)
    assert "look at that charge" in said or "don't recognise" in said or "line by line" in said, (
        said
    )


def test_a_damage_charge_gets_no_device_lines(coach):
    conversation, result = coach_messages(
        coach,
        (
            "customer",
            "You've billed me £180 for a dent on the rental bike that was there when I "
            "collected it.",
        ),
    )
    said = said_in(result)
    assert "damage_charge" in stated_premises(conversation)
    assert "returns label" not in said and "not what you paid for" not in said, said


def test_a_polite_word_before_questions_is_not_praise(coach):
    assert questions_after_courtesy("Great. Will my order ship today, and can I change the size?")
    assert questions_after_courtesy("Thanks, Dan was brilliant!") is None
    assert questions_after_courtesy("Great, any news?") is None  # too short to be questions
    _, result = coach_messages(
        coach,
        (
            "customer",
            "Great, thanks. Can I change my delivery address, and how long does delivery take?",
        ),
    )
    assert result.assessment.playbook is None or result.assessment.playbook.id != "praise"


def test_plain_thanks_stay_praise_and_thanks_with_praise_after_stay_praise(coach):
    for text in (
        "Thanks so much, that's sorted it!",
        "Thanks, Priya was brilliant, can you tell her manager?",
    ):
        _, result = coach_messages(coach, ("customer", text))
        assert result.assessment.playbook.id == "praise", text


def test_thanks_for_a_fix_is_not_watched_but_a_fix_still_wanted_is(coach):
    _, fixed = coach_messages(
        coach,
        (
            "customer",
            "Thank you, the leak under the sink had been awful for days and your plumber "
            "fixed it in an hour. Brilliant service.",
        ),
    )
    assert fixed.assessment.escalation.level == "none"
    _, wanted = coach_messages(
        coach, ("customer", "My internet has been broken for a week. It needs to be fixed. Now.")
    )
    assert wanted.assessment.escalation.level != "none"


def test_a_calm_threat_to_leave_is_watched_and_moving_house_is_not(coach):
    _, leaving = coach_messages(
        coach,
        (
            "customer",
            "We've decided to move our energy to a different supplier at the end of the month.",
        ),
    )
    assert leaving.assessment.escalation.level != "none"
    _, moving = coach_messages(
        coach, ("customer", "We're moving house next month, how do I change my address?")
    )
    assert moving.assessment.escalation.level == "none"
