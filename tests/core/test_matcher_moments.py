"""Everyday service moments outside retail and banking: missed visits, rescheduling, street-level
faults, contested charges, failures that recur. Scored on examples/moments/conversations.jsonl
(written for this project, dev and held-out halves) and on cases in other words below."""

import json

import pytest

from bot.commands.inputs import conversation_from_record
from bot.core.conversation import Conversation
from bot.core.evaluation import score
from bot.core.matcher import Matcher
from bot.core.playbooks import load_playbooks
from tests.conftest import EXAMPLES

MOMENTS = EXAMPLES / "moments" / "conversations.jsonl"
# Before the moments were described (main at 5cdaa5f) the halves scored 0.684 and 0.576.
BARS = {"dev": 0.95, "heldout": 0.70}


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_playbooks())


def rows():
    return [json.loads(line) for line in MOMENTS.read_text(encoding="utf-8").splitlines()]


def best(matcher, conversation):
    match = matcher.match(conversation)
    return match.playbook_id if match else None


def test_the_set_spans_industries_and_both_halves():
    found = rows()
    ids = set(load_playbooks()) | {None}
    assert len(found) >= 80 and len({r["industry"] for r in found}) >= 10
    assert {r["split"] for r in found} == {"dev", "heldout"}
    assert all(r["playbook"] in ids for r in found)
    assert sum("messages" in r for r in found) >= 4  # threads with agent turns, not only one-liners


@pytest.mark.parametrize("split", sorted(BARS))
def test_each_half_is_matched_to_its_moment(matcher, split):
    half = [r for r in rows() if r["split"] == split]
    gold = [r["playbook"] for r in half]
    predicted = [best(matcher, conversation_from_record(r)) for r in half]
    report = score(gold, predicted)
    assert report.macro_f1 >= BARS[split], (split, report.macro_f1, report.confusion)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A visit booked to fix or collect something that never happened: the service failed them.
        ("the technician never came to repair the dishwasher, I waited in", "product-defect"),
        ("no one turned up for my boiler repair this morning", "product-defect"),
        ("the carer didn't turn up and my mum couldn't get out of bed", "product-defect"),
        ("our refuse collection was missed on monday", "product-defect"),
        # ... but a new installation that has not happened is still a wait for something new.
        ("the engineer didn't turn up to install my broadband", "order-status"),
        # A stay that fell short.
        ("the room stank of cigarettes and the bed was broken", "product-defect"),
        ("The couple in the next room were arguing all night", "product-defect"),
        # Something booked that we called off: the service let them down, they are not leaving.
        ("you cancelled my appointment this morning with an hour's notice", "product-defect"),
        ("the spin class I booked was cancelled ten minutes before it started", "product-defect"),
        ("just got an email saying our table for saturday has been cancelled??", "product-defect"),
        ("my flight got cancelled and no one told me, I'm stuck at the airport", "product-defect"),
        # ... while the customer calling something off is still the customer leaving.
        ("I want to cancel my booking for Friday", "cancellation-risk"),
        ("please cancel my table for tonight, we can't make it", "cancellation-risk"),
        # Moving an appointment, a visit, a collection or a booking is a routine request.
        ("I need to reschedule my MOT to later in the week", "information-request"),
        ("can the cleaner come thursday instead of wednesday this week", "information-request"),
        ("is it ok to move the courier pick up to the afternoon", "information-request"),
        ("please could my smear test be moved to next month", "information-request"),
        # A fault in the street is an outage for everyone there.
        ("water main burst at the end of our road, we've got no water", "service-outage"),
        ("there's a burst pipe in the road and our water pressure is gone", "service-outage"),
        ("a lorry hit a power pole and the whole road has no electricity", "service-outage"),
        # A charge the customer contests, whatever the industry.
        ("why have I been charged £30 for roaming, I was only in France", "billing-dispute"),
        ("huge roaming bill, nobody told me it wasn't included", "billing-dispute"),
        ("my bill is based on an estimate again and I sent a reading", "billing-dispute"),
        ("you say I didn't pay council tax in march but it was paid", "billing-dispute"),
        ("I'm being chased for a council tax payment I made in January", "billing-dispute"),
        ("I was charged a cleaning fee but we left the flat spotless", "billing-dispute"),
        ("the gig was postponed and I want my money back", "billing-dispute"),
        # The same failure again, or asked again for what they have just given.
        ("bins not emptied AGAIN. third time this month", "repeat-contact"),
        ("the engineer said it was fixed but the fault has come back", "repeat-contact"),
        ("why are you asking me for my address again, I just typed it", "repeat-contact"),
        ("Seriously? I gave you my postcode two minutes ago", "repeat-contact"),
        # Documents are waited for like parcels.
        ("where is my parking permit? I applied a month ago", "order-status"),
        ("my new driving licence still hasnt arrived, applied 6 weeks ago", "order-status"),
    ],
)
def test_everyday_service_moments_in_other_words(matcher, text, expected):
    assert best(matcher, Conversation("t").add("customer", text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "going to visit my gran on sunday",
        "moving house is so stressful",
        "my friend's engineer course starts in september",
        "does anyone want to grab a coffee later",
    ],
)
def test_visits_and_moves_in_chat_are_not_requests(matcher, text):
    assert best(matcher, Conversation("t").add("customer", text)) is None


def test_being_asked_for_the_address_twice_is_a_repeat_not_a_manager_request(matcher):
    conversation = (
        Conversation("t")
        .add("customer", "I need to update the address on my water account.")
        .add("agent", "Of course. What's the new address?")
        .add("customer", "9 Mill Lane, Hebden Bridge.")
        .add("agent", "Thanks. Could you confirm the new address for me?")
        .add("customer", "I've literally just told you. Why do I have to say everything twice?")
    )
    assert best(matcher, conversation) == "repeat-contact"
