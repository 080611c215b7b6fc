"""Urgent needs acted on in this contact, care that speaks to the customer's situation, and a
customer writing in another language given the moment's own replies (issue 10), judged through
the Coach on examples/coaching/urgent-care.jsonl: 30 conversations across banking, car rental,
airlines, hotels, lettings, telecoms, utilities, rail, pharmacy, retail, public services,
water, student finance, pet insurance, fitness, streaming, couriers, software and e-commerce,
written with what a good set must (`set_has`, "a|b" either) and must not (`set_avoids`) say
before any output was seen. Rows marked `holdout` were not developed against; they are held to
the same floor (all met when measured). Since issue 13 the eight rows in Spanish, French,
German and Portuguese are answered in that language (playbooks/languages/), so their `set_has`
gained the same words in it ("refund" also "reembolso", "rembours"; "cancel" also "baja";
"manager" also "responsable"; "check" also "prüfe"): the same content asked of every row, not
a looser one.
"""

import pytest

from bot.core import reply_checks as checks
from bot.core.conversation import Conversation, Message
from bot.core.urgency import needs_it_now
from bot.llm.urgent_replies import parks
from tests.conftest import assert_honest, coach_rows, coaching_rows

ROWS = coaching_rows("urgent-care.jsonl")
LATER = ("[update time]", "[callback time]", "get back to you", "update you later")


@pytest.fixture(scope="module")
def results(coach):
    return coach_rows(coach, ROWS)


def _texts(result) -> list[str]:
    return [s.text for s in result.suggestions]


def test_the_fixture_holds_each_kind_and_a_holdout():
    kinds = [row["kind"] for row in ROWS]
    assert (kinds.count("urgent"), kinds.count("care"), kinds.count("language")) == (10, 12, 8)
    assert sum(bool(row.get("holdout")) for row in ROWS) >= 8


@pytest.mark.parametrize("row_id", [row["id"] for row in ROWS])
def test_each_set_says_what_a_good_one_must_and_nothing_it_must_not(results, row_id):
    row, conversation, result = results[row_id]
    texts = _texts(result)
    said = " ".join(texts).lower()
    assert len(texts) == 3, texts
    for want in row["set_has"]:
        assert any(option.lower() in said for option in want.split("|")), (row_id, want, texts)
    for avoid in row["set_avoids"]:
        assert avoid.lower() not in said, (row_id, avoid, texts)
    # the hard rules hold on every line
    assert_honest(texts, conversation)


@pytest.mark.parametrize("row_id", [r["id"] for r in ROWS if r["kind"] == "urgent"])
def test_an_urgent_set_never_parks_them(results, row_id):
    _, _, result = results[row_id]
    assert result.case.urgent, row_id
    for text in _texts(result):
        assert not any(parks(sentence) for sentence in text.split(". ")), text
    assert any(" now" in text for text in _texts(result)), _texts(result)


@pytest.mark.parametrize("row_id", [r["id"] for r in ROWS if r["kind"] == "language"])
def test_another_language_gets_the_moment_and_the_note_to_reply_in_it(results, row_id):
    row, _, result = results[row_id]
    assert result.case.language == row["language"]
    assert not result.assessment.low_confidence
    assert any(line.startswith("The customer writes in") for line in result.coaching)


def _tip(coach, *turns: str):
    messages = [Message(role="customer", text=turn) for turn in turns]
    return coach.coach(Conversation(id="t", messages=messages), trigger="command")


def test_a_card_blocked_before_an_online_checkout_is_checked_now_with_another_way_to_pay(coach):
    result = _tip(
        coach,
        "My card has just been blocked and I need to pay for my online order in the next 20 "
        "minutes before the sale ends.",
    )
    said = " ".join(_texts(result))
    assert result.case.urgent
    assert "another card or another way" in said and "now" in said, said
    assert not any(later in said for later in LATER), said


def test_urgent_with_no_clear_ask_still_acts_now_and_invents_no_alternative(coach):
    result = _tip(coach, "I'm at the airport desk now. This is a joke.")
    texts = _texts(result)
    said = " ".join(texts)
    assert result.case.urgent and len(texts) == 3
    assert "while you wait" in said and not any(later in said for later in LATER), texts
    # nothing in their words says what failed: no payment, desk or wifi workaround is offered
    assert not any(w in said for w in ("another card", "confirmation or reference", "wifi"))


def test_a_calm_case_keeps_its_update_lines(coach):
    result = _tip(coach, "My card's been blocked, could you look at it this week?")
    assert result.case.urgent is None
    assert not any("while you wait" in t for t in _texts(result)), _texts(result)


def test_a_wait_already_over_is_not_urgent():
    assert needs_it_now(["The price was only held for the next 15 minutes, yesterday."]) is None
    assert needs_it_now(["The price is only held for the next 15 minutes."]) is not None


def test_care_names_who_it_is_about_and_offers_a_call_at_their_time(coach):
    result = _tip(
        coach,
        "My wife Ana died in January and I'm still getting renewal letters for her car "
        "insurance. I can't keep opening them.",
    )
    texts = _texts(result)
    said = " ".join(texts)
    assert result.assessment.escalation.care[0] == "bereavement"
    # no number given and no call asked for (eighth round): the call is offered at their time
    # with the number asked for, not assumed ("I'll call you then")
    assert "Ana" in said and "a number and a time that suit you" in said, texts
    assert "I'll call you then" not in said, texts
    assert "What would help you most right now" not in said
    assert not any(checks.claimed_actions(t, result.conversation) for t in texts)


def test_care_when_home_is_not_safe_asks_how_to_reach_them_not_to_call_home(coach):
    texts = _texts(
        _tip(
            coach,
            "I don't feel safe at home and my partner can see every text you send me about our "
            "joint phone contract. I need my own contract.",
        )
    )
    said = " ".join(texts)
    assert "safest way and time to reach you" in said, texts
    assert "I'll call you then" not in said, texts


def test_hardship_names_the_action_they_fear_and_asks_rather_than_promises_a_pause(coach):
    said = " ".join(
        _texts(
            _tip(
                coach,
                "I was made redundant and can't pay my water bill. A letter says it's going to "
                "debt collectors.",
            )
        )
    )
    assert "debt collectors you're worried about" in said, said
    assert "I'll ask whether" in said and "I've paused" not in said, said


def test_a_double_charge_in_spanish_gets_the_billing_replies_not_questions(coach):
    result = _tip(
        coach,
        "hola, me cobraron dos veces la factura de este mes y necesito que me devuelvan el "
        "dinero ya",
    )
    texts = _texts(result)
    assert result.assessment.playbook.id == "billing-dispute"
    assert {"refund"} <= set(result.case.requests)
    assert "los dos cobros" in " ".join(texts), texts  # in Spanish since issue 13
    assert not any("what you need from us" in t for t in texts), texts


def test_a_manager_asked_for_in_german_is_offered(coach):
    result = _tip(
        coach, "Das ist jetzt das dritte Mal. Ich will sofort mit einem Vorgesetzten sprechen."
    )
    assert "manager" in result.case.requests
    assert any(checks.offers_manager(t) for t in _texts(result)), _texts(result)  # in German


def test_another_language_with_no_clear_moment_still_asks_its_one_question(coach):
    result = _tip(coach, "Hola, tengo una pregunta sobre una cosa que no entiendo bien.")
    texts = _texts(result)
    assert result.assessment.low_confidence
    assert all(t.count("?") == 1 for t in texts), texts
    assert any(line.startswith("The customer writes in Spanish") for line in result.coaching)
