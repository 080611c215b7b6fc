"""Vulnerability (care) in the escalation assessment: plain words, not figures of speech."""

import pytest

from bot.core.care import find_care
from bot.core.conversation import Conversation
from bot.core.escalation import assess
from tests.conftest import eval_rows


@pytest.mark.parametrize(
    "text,kind,level",
    [
        ("I was hurt when your driver hit my car.", "injury", "escalate"),
        ("My husband passed away last week and the account is in his name.", "bereavement",
         "escalate"),
        ("There's a smell of gas since your engineer left.", "danger", "escalate"),
        ("Honestly I don't want to live like this any more.", "danger", "escalate"),
        ("I was diagnosed with cancer and can't get to the shop.", "illness", "watch"),
        ("I can't afford food this month after this charge.", "hardship", "watch"),
        ("I'm at my wits' end, I can't cope with this.", "distress", "watch"),
        ("I was in a car accident this morning and I've got whiplash.", "injury", "escalate"),
        ("I'd like to cancel my pet insurance. My dog died last week.", "bereavement", "escalate"),
        ("I run out of my heart tablets tomorrow and the surgery hasn't sent it.", "illness",
         "watch"),
        ("Still no repeat prescription for my inhaler and I've run out.", "illness", "watch"),
        ("Since the crash my neck is really hurting.", "injury", "escalate"),
        ("The burst main has iced the road, a cyclist nearly came off.", "danger", "escalate"),
        ("the road outside is flooding and water is coming up to our front door", "danger",
         "escalate"),
        ("a scaffolding pole fell off your van and hit my car, my son was in the back", "danger",
         "escalate"),
        ("Your lorry reversed into our garden wall while we were sitting out.", "danger",
         "escalate"),
        ("My son had an allergic reaction to your 'nut free' cake; we spent the night in A&E.",
         "injury", "escalate"),
        ("I've only got 2 days of insulin left and the prescription still hasn't been sent.",
         "illness", "watch"),
        ("Someone has taken £640 out of my account, that was my rent money.", "hardship",
         "watch"),
        ("Four payments I didn't make have gone out and I'm panicking.", "distress", "watch"),
    ],
)  # fmt: skip
def test_each_kind_is_found_and_raises_the_level(text, kind, level):
    assessment = assess(Conversation.from_text(text))
    assert kind in assessment.care
    assert assessment.level == level
    assert any(reason.startswith(f"care: {kind}: ") for reason in assessment.reasons)
    assert assessment.to_dict()["care"] == list(assessment.care)


@pytest.mark.parametrize(
    "text",
    [
        "This queue is killing me, 40 minutes now.",
        "My phone died so I couldn't call back.",
        "Nobody was hurt, but the parcel is crushed.",
        "I cannot afford to wait another week for this.",
        "Adding insult to injury, the refund bounced.",
        "Can I get a breakdown of the charges?",
        "i dont know what to do to reset my user account pin code",
        "Lost my wife's luggage and nobody answers.",
        "The baby was crying all flight because of the delay.",
        "Your van driver was so helpful, he carried it all in for us.",
        "I hit my data limit and the app fell off a cliff.",
        "Is the cake nut free? My son has an allergy.",
        "I've got two days left on my free trial, how do I upgrade?",
    ],
)
def test_figures_of_speech_are_not_care(text):
    assert find_care([text]) == []
    assert assess(Conversation.from_text(text)).care == ()


def test_a_calm_message_with_care_is_not_left_at_none():
    calm = Conversation.from_text("Hi, my mum passed away, could you close her account please?")
    assessment = assess(calm)
    assert assessment.care == ("bereavement",) and assessment.level == "escalate"
    assert assessment.score >= 0.9  # high enough for the leads' alerts in Slack and Teams


def test_care_in_an_earlier_turn_still_counts_and_kinds_come_gravest_first():
    conversation = Conversation.from_dicts(
        [
            {"role": "customer", "text": "I lost my job and can't pay my rent."},
            {"role": "agent", "text": "I'm sorry to hear that."},
            {"role": "customer", "text": "And I was injured by your faulty heater. I'm in tears."},
        ]
    )
    assert assess(conversation).care == ("injury", "hardship", "distress")


def test_agent_words_are_not_read_as_customer_care():
    conversation = Conversation.from_dicts(
        [
            {"role": "customer", "text": "Where is my order?"},
            {"role": "agent", "text": "Sorry, I hope nobody was hurt in the delay."},
        ]
    )
    assert assess(conversation).care == ()


def test_airline_tweets_rarely_get_a_care_kind():
    rows = eval_rows("escalate-airline.jsonl")
    flagged = [r for r in rows if assess(Conversation.from_text(r["text"])).care]
    assert len(flagged) / len(rows) < 0.01  # 42 of 13,450 at the time of writing


def test_a_vulnerable_person_whose_phone_line_is_dead_is_care():
    # the line a care alarm depends on is a supply like heat or water
    said = "My mum is 87 and her phone line has been dead since Saturday; her care alarm uses it."
    assessment = assess(Conversation.from_text(said))
    assert assessment.level == "escalate" and "danger" in assessment.care
    plain = "My phone line has been dead since Saturday."
    assert find_care([plain]) == [] and assess(Conversation.from_text(plain)).care == ()


@pytest.mark.parametrize("space", [" ", "  ", "\t", "\n", " \n ", "\u00a0", "\u2003"])
def test_any_run_of_whitespace_reads_as_one_space(space):
    text = f"I lost my job last month and{space}I am in tears{space}over this bill"
    assert find_care([text]) == find_care(
        ["I lost my job last month and I am in tears over this bill"]
    )
    assert ("distress", "in tears") in find_care([text])
