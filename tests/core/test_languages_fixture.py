"""Replies in the customer's language (issues 10 and 13): examples/coaching/languages.jsonl.

32 conversations, 8 each in Spanish, French, German and Portuguese, 17 industries, a third
holdout that was never tuned on, coached through the real Coach as `/mot-tip` asks. Before this
change every set was in English (0/20 dev, 0/12 holdout: bench/languages.py on main).
"""

from __future__ import annotations

import pytest
import yaml

from bot.coach import Coach
from bot.core.language import LANGUAGE_NAMES, detect_language
from tests.conftest import assert_three_honest, coach_messages, coach_rows, coaching_rows

ROWS = coaching_rows("languages.jsonl")
# Measured (bench/languages.py): every set in the customer's language on both splits; the
# moment matches the label on 17/20 dev and 11/12 holdout (the misses are threads whose latest
# turn only gives an order number: coached as unsure, in the general replies).
FLOORS = {"dev": {"in_language": 20, "moment": 17}, "holdout": {"in_language": 12, "moment": 11}}


@pytest.fixture(scope="module")
def coached(coach):
    return coach_rows(coach, ROWS)


def test_the_fixture_is_what_the_issue_asks_for():
    by_language = {
        code: [r for r in ROWS if r["language"] == code] for code in ["es", "fr", "de", "pt"]
    }
    assert all(len(rows) == 8 for rows in by_language.values())
    assert len({r["industry"] for r in ROWS}) >= 12
    assert sum(r["split"] == "holdout" for r in ROWS) * 3 >= len(ROWS)
    assert any(len(r["messages"]) > 1 for rows in by_language.values() for r in rows)


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_sets_are_in_the_customers_language_and_honest(coached, split):
    in_language = moment = 0
    for row, conversation, result in coached.values():
        if row["split"] != split:
            continue
        assert_three_honest(result, conversation)
        told = [detect_language(s.text) for s in result.suggestions]
        if all(t is not None and t.code == row["language"] for t in told):
            in_language += 1
            name = LANGUAGE_NAMES[row["language"]]
            assert f"The customer writes in {name}; these suggestions are in {name}." in (
                result.coaching
            )
            assert not any("reply in" in line for line in result.coaching)
        assessment = result.assessment
        moment += assessment.playbook.id == row["playbook"] and not assessment.low_confidence
    assert in_language >= FLOORS[split]["in_language"]
    assert moment >= FLOORS[split]["moment"]


def test_each_set_opens_three_ways_and_uses_no_english_placeholder(coached):
    for _, _, result in coached.values():
        texts = [s.text for s in result.suggestions]
        assert len({t.split(".")[0] for t in texts}) == 3, texts
        assert not any("[update time]" in t or "[customer name]" in t for t in texts), texts


def test_their_facts_fill_the_replies_and_unknown_ones_never_show(coach):
    _, result = coach_messages(
        coach,
        ("customer", "Hola, me llamo Lucía. El pedido nº 558120 todavía no me ha llegado."),
    )
    texts = " ".join(s.text for s in result.suggestions)
    assert "558120" in texts and "Lucía" in texts
    assert "[hora]" in texts  # the agent's own fact, a placeholder in Spanish
    _, result = coach_messages(
        coach, ("customer", "Mi pedido todavía no me ha llegado y el seguimiento no cambia.")
    )
    texts = " ".join(s.text for s in result.suggestions)
    assert "{" not in texts and "((" not in texts and "[reference]" not in texts


def test_a_manager_asked_for_in_another_moment_is_offered_in_their_language(coach):
    _, result = coach_messages(
        coach,
        ("customer", "Me han cobrado dos veces 39,90 €. Quiero hablar con un responsable ya."),
    )
    assert "39,90 €" in result.suggestions[0].text
    assert "un responsable revise su caso" in result.suggestions[0].text


@pytest.fixture
def language_folder(tmp_path, monkeypatch):
    """A folder of language files the composer reads instead of playbooks/languages/."""
    from bot.core import reply_languages

    monkeypatch.setattr(reply_languages, "FOLDER", tmp_path)
    reply_languages.language_replies.cache_clear()
    yield tmp_path
    reply_languages.language_replies.cache_clear()


def _assert_english_with_note(result) -> None:
    name = LANGUAGE_NAMES[result.case.language]
    assert len(result.suggestions) == 3 and all(s.language is None for s in result.suggestions)
    note = f"The customer writes in {name}; these suggestions are in English: reply in {name}."
    assert note in result.coaching


def test_a_language_without_replies_keeps_english_and_says_so(coach):
    text = "Vorrei annullare il mio abbonamento, il servizio non funziona da una settimana."
    _assert_english_with_note(coach_messages(coach, ("customer", text))[1])


def test_a_moment_without_replies_in_their_language_keeps_english(playbooks, language_folder):
    from bot.core.playbooks import BUILTIN_DIR

    data = yaml.safe_load((BUILTIN_DIR / "languages" / "es.yaml").read_text(encoding="utf-8"))
    del data["moments"]["praise"]
    (language_folder / "es.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    text = "Muchas gracias a Marta por su ayuda ayer, fue muy amable y resolvió todo enseguida."
    _, result = coach_messages(Coach(playbooks), ("customer", text))
    assert result.assessment.playbook.id == "praise"
    _assert_english_with_note(result)


def test_a_broken_language_file_costs_the_language_never_the_tip(playbooks, language_folder):
    (language_folder / "es.yaml").write_text("language: es\nmoments: {billing-dispute: []}\n")
    text = "Me han cobrado dos veces la factura de este mes."
    _assert_english_with_note(coach_messages(Coach(playbooks), ("customer", text))[1])


def test_the_praise_of_a_customer_in_their_language_is_answered_in_it(coach):
    text = "Queria agradecer a atendente Carla, foi muito atenciosa e resolveu tudo rápido."
    conversation, result = coach_messages(coach, ("customer", text))
    assert result.assessment.playbook.id == "praise"
    assert_three_honest(result, conversation)
    assert [s.language for s in result.suggestions] == ["pt"] * 3
