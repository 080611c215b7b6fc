"""Matching messy text: typos, fragments, chat spelling, Hinglish; and abstaining on chatter."""

import pytest

from bot.core.conversation import Conversation
from bot.core.matcher import Matcher
from bot.core.playbooks import load_playbooks


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_playbooks())


def best(matcher, text):
    match = matcher.match(Conversation("t").add("customer", text))
    return match.playbook_id if match else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where is my refnd for the retruned jacket", "billing-dispute"),
        ("my parcle still not deliverd", "order-status"),
        ("cant acess my acount, forgot the pasword", "account-access"),
        ("i want to cancle my subscripton", "cancellation-risk"),
        ("wifi keeps disconecting every hour", "product-defect"),
        ("pls let me tlak to ur manger", "escalation-request"),
    ],
)
def test_typos_match_their_playbook(matcher, text, expected):
    assert best(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("any discount on the 2 seater sofa??", "purchase-decision"),
        ("emi option on this laptop", "purchase-decision"),
        ("parcel kab aayega", "order-status"),
        ("amount deducted but ticket not booked", "billing-dispute"),
        ("my fantasy points not updated yet", "product-defect"),
        ("is the app down?", "service-outage"),
    ],
)
def test_terse_requests_and_shopping_talk_match(matcher, text, expected):
    assert best(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "lol ok",
        "whats the weather like in leeds tomorrow",
        "how do i make a good omelette",
        "anyone fancy pizza for lunch",
        "what is the tallest mountain in africa",
    ],
)
def test_chatter_gets_no_playbook(matcher, text):
    assert best(matcher, text) is None


def test_the_typo_and_its_correct_spelling_score_alike(matcher):
    clean = matcher.score_text("my refund has not been received")
    typo = matcher.score_text("my refnd has not been recieved")
    assert clean.keys() == typo.keys()
    assert typo["billing-dispute"][0] == pytest.approx(clean["billing-dispute"][0])
