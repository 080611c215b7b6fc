"""The offline composer, judged as a strict support coach would (shared/eval/COACHING-RUBRIC.md):
no claimed finished action, no unstated premise, three different openings, one apology at most,
the name when known and no name placeholder, the manager request honoured, nothing they already
tried asked again, care first for someone vulnerable."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.commands.inputs import read_conversation
from bot.core.conversation import Conversation
from bot.core.escalation import EscalationAssessment
from bot.core.premises import unsupported_premises
from bot.core.requested_action import requested_action
from bot.core.text import normalise
from bot.llm.base import SuggestionRequest
from bot.llm.offline import OfflineBackend
from bot.llm.reply_text import APOLOGY, first_sentence, sentences
from tests.conftest import EXAMPLES

# Finished actions the agent has not taken (the rubric's list, in plain words).
CLAIMED = re.compile(
    r"\bI(?:'ve| have) (?:already )?(?:refunded|sent|unlocked|emailed|logged|cancelled|"
    r"processed|issued|credited|booked|arranged|fixed|reset|replaced|escalated|raised)\b|"
    r"\b(?:is|are) already on (?:its|their|the) way\b|\bhas been (?:refunded|sent|fixed|"
    r"processed|cancelled|credited)\b",
    re.IGNORECASE,
)

CONVERSATIONS = {
    "utility": "Customer: Hi, we've had no power since 6am and it's now 4pm. I rang yesterday "
    "and was told an engineer would come out. Nobody came.\nAgent: Hi Joanne, I'm sorry to hear "
    "that. Can I take your postcode?\nCustomer: LS6 2AB. I have a freezer full of food.",
    "telecom": "Customer: My phone bill is £85 this month when it's normally £30. Why is it so "
    "high?",
    "software": "Customer: The app crashes every time I try to export a report. I've reinstalled "
    "it twice and cleared the cache.\nAgent: Thanks Dev, that's helpful.\nCustomer: It's been a "
    "week now and I have a client deadline on Friday. I want to speak to a supervisor.",
    "insurance": "Customer: I submitted my claim for the water damage three weeks ago, claim "
    "number CLM-448812, and I've heard nothing. This is the second time I'm chasing.",
    "bank": "Customer: I made two payments for my credit card by mistake, £250 each, on 3 March. "
    "Can one be returned?\nThanks, Tom",
    "retail": "Customer: The sofa you delivered on Monday has a big tear in the cushion and one "
    "leg is snapped.",
    "broadband": "Customer: My internet has dropped every evening for two weeks.\nAgent: Have you "
    "tried restarting the router?\nCustomer: Yes. Three times. Like I told the last two people.",
    "twitter": "Customer: @AcmeHelp still no refund for my cancelled order after 3 weeks. You "
    "promised 5 days.\nAgent: @sam_k Hi Sam, sorry for the wait. Can you DM us your order "
    "number? ^JT\nCustomer: Sent it. Order 55120. Still waiting.",
    "travel": "Customer: My flight BA2490 was cancelled this morning and I need to get to Lisbon "
    "today. I've been queuing for three hours and nobody is helping.",
    "healthcare": "Customer: I've been waiting five weeks for my referral letter to the clinic. "
    "My GP said it was sent on the 2nd. Can you check?",
}
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_file())


def coach_on(playbooks, text: str, trigger: str = "command"):
    return Coach(playbooks).coach(Conversation.from_text(text), trigger=trigger)


def all_results(playbooks):
    coach = Coach(playbooks)
    for name in EXAMPLE_FILES:
        yield name, coach.coach(read_conversation(str(EXAMPLES / name)))
    for name, text in CONVERSATIONS.items():
        yield name, coach.coach(Conversation.from_text(text))


def test_no_suggestion_claims_a_finished_action_or_an_unstated_premise(playbooks):
    for name, result in all_results(playbooks):
        assert result.suggestions, name
        for suggestion in result.suggestions:
            assert not CLAIMED.search(suggestion.text), (name, suggestion.text)
            unsupported = unsupported_premises(suggestion.text, result.case.premises)
            assert unsupported == [], (name, unsupported, suggestion.text)


def test_three_different_openings_one_apology_no_sentence_twice_no_name_placeholder(playbooks):
    for name, result in all_results(playbooks):
        openings = [first_sentence(s.text) for s in result.suggestions]
        assert len(set(openings)) == len(openings), (name, openings)
        for suggestion in result.suggestions:
            assert len(APOLOGY.findall(suggestion.text)) <= 1, (name, suggestion.text)
            said = [normalise(s) for s in sentences(suggestion.text)]
            assert len(said) == len(set(said)), (name, suggestion.text)
            assert "[customer name]" not in suggestion.text, (name, suggestion.text)
            assert "{" not in suggestion.text, (name, suggestion.text)


def _takes_up_request(result) -> bool:
    """The first suggestion takes up the request the issue states, in the agent's words."""
    turns = [m.text for m in result.conversation.customer_messages]
    action = requested_action(turns)
    commitment = action.commitment if action else None
    return bool(commitment) and commitment in result.suggestions[0].text


def test_the_customers_issue_is_reflected_in_at_least_one_suggestion(playbooks):
    reflected = 0
    results = list(all_results(playbooks))
    for _, result in results:
        issue = result.case.issue
        said_back = issue and any(issue.lower() in s.text.lower() for s in result.suggestions)
        if said_back or (issue and _takes_up_request(result)):  # "you'd like to cancel": taken up
            reflected += 1
    with_issue = sum(1 for _, result in results if result.case.issue)
    assert with_issue >= len(CONVERSATIONS)
    assert reflected == with_issue


def test_the_issue_is_said_back_once_and_the_three_open_differently(playbooks):
    result = coach_on(playbooks, CONVERSATIONS["telecom"])
    said_back = [s.text for s in result.suggestions if result.case.issue in s.text]
    assert len(said_back) == 1, said_back
    openings = [s.text.split(".")[0] for s in result.suggestions]
    assert len(set(openings)) == 3, openings


@pytest.mark.parametrize("name", ["utility", "software", "bank", "twitter"])
def test_the_name_from_the_thread_is_used(playbooks, name):
    result = coach_on(playbooks, CONVERSATIONS[name])
    assert result.case.customer_name
    # Said back once, in the first suggestion, and wherever a template names them.
    assert result.case.customer_name in result.suggestions[0].text, name


def test_without_a_name_the_vocative_is_dropped_not_left_as_a_placeholder(playbooks):
    result = coach_on(playbooks, "I was charged twice for my subscription this month.")
    texts = " ".join(s.text for s in result.suggestions)
    assert "customer name" not in texts
    assert not re.search(r",\s*[.:;!?]|\s[.:;,]", texts), texts


@pytest.mark.parametrize("name", ["software", "broadband"])
def test_a_manager_request_is_honoured_with_a_time(playbooks, name):
    text = CONVERSATIONS[name] + " I want to speak to a manager."
    result = coach_on(playbooks, text)
    offers = [s.text for s in result.suggestions if re.search(r"manager", s.text, re.I)]
    assert offers, [s.text for s in result.suggestions]
    assert any("[manager time]" in offer for offer in offers), offers
    assert result.coaching[0].startswith("They asked for a manager")


def test_tried_steps_are_not_asked_again_and_the_coaching_says_so(playbooks):
    result = coach_on(playbooks, CONVERSATIONS["broadband"])
    for suggestion in result.suggestions:
        assert not re.search(r"(try|could you|please)\b[^.?]*\brestart", suggestion.text, re.I)
    assert any("don't ask them to do it again" in line for line in result.coaching)


def test_a_template_that_asks_for_a_tried_step_is_skipped(playbooks, tmp_path):
    source = Path(__file__).parents[2] / "playbooks" / "product-defect.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "replies:\n",
        'replies:\n  - text: "Could you try restarting it and tell me what happens?"\n'
        '    why: "A quick check first."\n',
        1,
    )
    (tmp_path / "product-defect.yaml").write_text(text, encoding="utf-8")
    from bot.core.playbooks import load_dir

    defect = load_dir(tmp_path)[0]["product-defect"]
    tried = Conversation.from_text("My kettle won't turn on. I've restarted it three times.")
    fresh = Conversation.from_text("My kettle won't turn on.")
    for conversation, expect_asked in ((tried, False), (fresh, True)):
        request = SuggestionRequest(
            conversation, defect, EscalationAssessment(0.3, "none"), count=len(defect.replies)
        )
        texts = " ".join(s.text for s in OfflineBackend().suggest(request))
        assert ("try restarting it" in texts) is expect_asked, texts


def test_templates_need_their_premises_and_specific_ones_come_first(playbooks):
    photos = coach_on(playbooks, "The vase arrived smashed in the parcel. I've attached photos.")
    assert "Thanks for the photos" in photos.suggestions[0].text
    no_photos = coach_on(playbooks, "The vase arrived smashed in the parcel.")
    assert all("photos" not in s.text for s in no_photos.suggestions)


def test_a_template_for_another_situation_is_left_out(playbooks):
    # "unless: [blocked]": no "I'll block it now" to a customer whose card is already blocked
    blocked = coach_on(playbooks, "My card's been blocked abroad, please unblock it.")
    said = " ".join(s.text for s in blocked.suggestions)
    assert "lift the block" in blocked.suggestions[0].text
    assert "block it now" not in said and "reset link" not in said
    lost = coach_on(playbooks, "I've lost my card, please block it.")
    assert any("block it now" in s.text for s in lost.suggestions)
    assert all("lift the block" not in s.text for s in lost.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "The key safe code you sent doesn't work and we're locked out of the flat with the kids.",
        "Locked out of the holiday cottage, the door code isn't accepted. We're outside now.",
    ],
)
def test_locked_out_of_a_place_gets_no_password_or_account_lines(playbooks, text):
    # "locked_out_place": a door, not a login; what they need is to get in, now
    coached = coach_on(playbooks, text)
    said = " ".join(s.text for s in coached.suggestions).lower()
    assert "locked_out_place" in coached.case.premises and coached.case.wants == ["to get in"]
    for line in ("reset link", "your account", "recent activity", "what you need from us"):
        assert line not in said, line


def test_locked_out_of_an_account_still_gets_the_account_lines(playbooks):
    coached = coach_on(playbooks, "I'm locked out of my online banking after three tries.")
    said = " ".join(s.text for s in coached.suggestions)
    assert "reset link" in said and "locked_out_place" not in coached.case.premises


@pytest.mark.parametrize(
    "text",
    [
        "I sent the jacket back on the 2nd and I still haven't had my refund.",
        "where is my refund?? returned the blender a month ago",
        "The concert was cancelled in March and I still haven't received my refund.",
    ],
)
def test_a_refund_that_has_not_arrived_is_traced_not_read_as_a_charge(playbooks, text):
    # "refund_awaited": the money is theirs and late; nothing about a charge to explain
    coached = coach_on(playbooks, text)
    said = " ".join(s.text for s in coached.suggestions).lower()
    assert coached.assessment.playbook.id == "billing-dispute"
    assert "refund" in said and "trace" in said
    assert "line by line" not in said and "charge" not in said
    assert "refund_awaited" in coached.case.premises


def test_a_charge_still_gets_the_charge_replies(playbooks):
    said = " ".join(
        s.text for s in coach_on(playbooks, "What is this £12 charge on my bill?").suggestions
    )
    assert "charge" in said and "refund has got to" not in said


@pytest.mark.parametrize(
    "text",
    [
        "My broadband keeps dropping every evening, third week now.",
        "No signal at home since the mast work, calls keep cutting out.",
    ],
)
def test_a_service_down_a_line_gets_no_parcel_return(playbooks, text):
    said = " ".join(s.text for s in coach_on(playbooks, text).suggestions)
    assert "how the return works" not in said and "the new one should reach you" not in said


def test_no_two_suggestions_take_the_same_step_behind_a_different_courtesy(playbooks):
    # "I'll send you a clear answer ..." and "Thanks for letting us know. I'll send you a clear
    # answer ..." in one set read as the same reply twice
    from bot.llm.offline import _first_step

    for text in [
        "Can I claim Delay Repay on an Advance ticket? My train was 40 minutes late.",
        "How do I claim back £130 from the council for a tyre that burst on a pothole?",
    ]:
        steps = [_first_step(s.text) for s in coach_on(playbooks, text).suggestions]
        steps = [step for step in steps if step]
        assert len(steps) == len(set(steps)), steps


def test_team_facts_fill_placeholders_and_unknown_ones_stay_clear(playbooks):
    @dataclass(frozen=True)
    class Facts:  # the shape of bot/core/knowledge.py's Knowledge.facts: optional, by slot name
        refund_time: str | None = "within 5 working days"
        update_time: str | None = None

    @dataclass(frozen=True)
    class Knowledge:
        facts: Facts

    @dataclass(frozen=True)
    class RequestWithKnowledge(SuggestionRequest):  # the knowledge engineer adds the field
        knowledge: Knowledge | None = None

    coach = Coach(playbooks)
    conversation = read_conversation(str(EXAMPLES / "double-charge.txt"))
    assessment = coach.assess(conversation)
    assert assessment.playbook.id == "billing-dispute"
    args = (conversation, assessment.playbook, assessment.escalation)
    plain = [s.text for s in OfflineBackend().suggest(RequestWithKnowledge(*args))]
    known = RequestWithKnowledge(*args, knowledge=Knowledge(Facts()))
    filled = [s.text for s in OfflineBackend().suggest(known)]
    assert any("[refund time]" in text for text in plain), plain
    assert any("within 5 working days" in text for text in filled), filled
    assert not any("[refund time]" in text for text in filled)
    assert all("within 5 working days" not in text for text in plain)


def test_care_mode_puts_the_person_first_with_a_human_follow_up(playbooks):
    @dataclass(frozen=True)
    class CareAssessment(EscalationAssessment):  # `care` comes from the knowledge engineer
        care: tuple[str, ...] = ()

    conversation = Conversation.from_text(
        "Your driver reversed into my car and my daughter was hurt. I want someone to call me."
    )
    playbook = playbooks["purchase-decision"]  # whatever matched: no selling in care mode
    request = SuggestionRequest(
        conversation, playbook, CareAssessment(0.9, "escalate", care=("injury",))
    )
    suggestions = OfflineBackend().suggest(request)
    assert len(suggestions) == 3
    # an injury, not an emergency happening now: the person first, by who they are, no "are
    # you safe?"
    assert suggestions[0].text.startswith(
        "I'm so sorry to hear about your daughter; how is she doing now?"
    )
    assert "are you safe" not in " ".join(s.text for s in suggestions).lower()
    # the call they asked for, at a time that suits them (asked, or a placeholder to fill)
    assert any(re.search(r"\bcall you\b", s.text) for s in suggestions)
    templates = {r.text.split(".")[0] for r in playbook.replies}
    for suggestion in suggestions:
        assert not any(t in suggestion.text for t in templates), suggestion.text
        assert not re.search(r"\b(upgrade|offer|plan|price|quote)\b", suggestion.text, re.I)
        assert len(APOLOGY.findall(suggestion.text)) <= 1


def test_care_follows_the_assessment_through_the_coach(playbooks):
    result = coach_on(playbooks, "My husband died last month and I need to close his account.")
    care = getattr(result.assessment.escalation, "care", ())
    if not care:
        pytest.skip("care detection (bot/core/escalation.py `care`) is not on this branch yet")
    assert result.coaching[0].startswith("Care first")


def test_another_set_gives_different_suggestions(playbooks):
    coach = Coach(playbooks)
    conversation = Conversation.from_text(CONVERSATIONS["telecom"])
    first = coach.coach(conversation, variant=0).suggestions
    second = coach.coach(conversation, variant=1).suggestions
    assert [s.text for s in first] != [s.text for s in second]


def test_nothing_they_already_gave_is_asked_for(playbooks):
    gave_amount = coach_on(playbooks, "I was charged twice, $49.99 each, for my subscription.")
    assert gave_amount.case.amounts == ["$49.99"]
    assert all("the amount" not in s.text for s in gave_amount.suggestions)
    no_amount = Coach(playbooks).coach(
        Conversation.from_text("There's a charge on my statement I don't recognise."),
        variant=1,
    )
    asked = " ".join(s.text for s in no_amount.suggestions)
    assert "the date and the amount" in asked, asked


def test_no_sentence_is_courtesy_alone(playbooks):
    courtesy = {"good question.", "happy to help with that.", "thanks for asking."}
    for name, result in all_results(playbooks):
        for suggestion in result.suggestions:
            said = {s.lower() for s in sentences(suggestion.text)}
            assert not said & courtesy, (name, suggestion.text)


def test_a_request_for_a_human_is_answered_as_one(playbooks):
    conversation = Conversation.from_text("My order 44120 is a week late. I want a real person.")
    playbook = playbooks["order-status"]  # no template of its own offers anyone
    request = SuggestionRequest(conversation, playbook, EscalationAssessment(0.6, "watch"))
    first = OfflineBackend().suggest(request)[0].text
    assert first.startswith("Thanks for explaining that your order is a week late."), first
    assert "You asked for a real person" in first and "[manager time]" in first


def test_billing_lines_about_a_charge_need_money_in_the_conversation(playbooks):
    from bot.core.premises import presumed_premises

    result = coach_on(
        playbooks, "I booked a twin room for 14-16 March and you've given me a double. Thanks, Olu"
    )
    for suggestion in result.suggestions:
        assert "money" not in presumed_premises(suggestion.text), suggestion.text
        assert "charge" not in suggestion.text.lower(), suggestion.text


def test_care_meets_the_person_first_then_says_their_situation_back(playbooks):
    result = coach_on(
        playbooks,
        "Customer: My father passed away last month and I need to close his electricity "
        "account. I don't know his account number.",
    )
    first = result.suggestions[0].text
    assert first.startswith("I'm so sorry for your loss.")
    assert "your father passed away last month" in sentences(first)[1]
    assert all("passed away" not in s.text for s in result.suggestions[1:])


def test_unsure_of_the_moment_it_says_back_what_it_understood_and_checks(playbooks):
    result = coach_on(playbooks, "Customer: Does anyone know a good recipe for banana bread?")
    first = result.suggestions[0].text
    assert "you're asking about a good recipe for banana bread" in first
    assert "Is that right?" in first
    # greeting and reflection in one sentence: no courtesy-only sentence left on its own
    assert not first.startswith("Thanks for getting in touch.")


def test_praise_says_what_went_well_and_passes_it_on_to_the_person_named(playbooks):
    result = coach_on(
        playbooks, "Customer: Shout out to Jonas from support, he sorted my refund in minutes."
    )
    assert result.assessment.playbook.id == "praise"
    assert "Jonas" in result.suggestions[0].text


def test_a_customers_braces_are_said_back_as_text_never_filled_as_a_slot(playbooks):
    result = coach_on(
        playbooks, "Customer: My invoice shows {escalation_path} instead of my name, it's wrong."
    )
    texts = " ".join(s.text for s in result.suggestions)
    assert "(escalation_path)" in texts
    assert "{escalation_path}" not in texts


def test_thinking_of_leaving_gets_a_reason_to_stay_not_a_cancellation_processed(playbooks):
    result = coach_on(
        playbooks,
        "Customer: Your price went up 40% at renewal with no warning. Honestly thinking of "
        "moving to a competitor.",
    )
    assert result.assessment.playbook.id == "cancellation-risk"
    texts = " ".join(s.text for s in result.suggestions)
    assert "process the cancellation" not in texts and "Once it's closed" not in texts
    assert "Before you decide" in texts
    asked = coach_on(playbooks, "Customer: I want to cancel my plan at the end of the month.")
    assert any("process the cancellation" in s.text for s in asked.suggestions)


def test_part_of_an_order_missing_gets_the_rest_sent_not_the_tracking(playbooks):
    # "missing_items": the parcel came; what is owed is the rest of it, not a courier chase
    text = "I ordered a 6-piece cookware set, order 77120, and only 4 pans arrived. "
    text += "The lids are missing too. What happens now?"
    coached = coach_on(playbooks, text)
    said = " ".join(s.text for s in coached.suggestions)
    assert "missing_items" in coached.case.premises
    assert "tracking" not in said and "chase the courier" not in said
    assert "what was packed against what you ordered" in said
