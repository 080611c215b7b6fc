"""The defect detectors of COACHING-RUBRIC.md, one at a time, on plain conversations."""

from __future__ import annotations

import pytest

from bot.core import reply_checks as checks
from bot.core.conversation import Conversation

BROADBAND = Conversation.from_text(
    "Customer: My broadband has dropped every evening for two weeks. I've restarted the router "
    "three times like your team told me. Still dropping."
)
GOOD = (
    "Two weeks of evening drop-outs is far too long, and I won't ask you to restart the router "
    "again. Could you confirm the account holder's postcode? I'll book a line test myself and "
    "update you by [time] today."
)


@pytest.mark.parametrize(
    "reply",
    [
        "I've refunded the duplicate payment today.",
        "I have unlocked your account, so you can log in.",
        "Good news: a new one is already on its way.",
        "I've logged your complaint with the team.",
        "I’ve escalated this to my manager.",
        "We booked an engineer for Tuesday.",
        "A new one has been dispatched.",
        "Your account is now unlocked.",
        "It's been sent to your email.",
        "Your refund was processed this morning.",
        "I've gone ahead and cancelled the order.",
    ],
)
def test_a_finished_action_the_conversation_does_not_state_is_a_claim(reply):
    assert checks.claimed_actions(reply, BROADBAND), reply


@pytest.mark.parametrize(
    "reply",
    [
        "I'll refund it within 3 working days.",
        "I'll check both payments and, once I've confirmed the duplicate, refund it within [X].",
        "As soon as it has been dispatched I'll send you the tracking link.",
        "Has the replacement been sent yet?",
        "It hasn't been sent yet, so I'll chase the warehouse now.",
        "I'm sorry it has been delayed; I'll confirm it was sent to the right address.",
        "You were charged twice, and that is not right.",
        GOOD,
    ],
)
def test_promises_conditions_questions_and_negations_are_not_claims(reply):
    assert checks.claimed_actions(reply, BROADBAND) == []


def test_a_claim_is_allowed_when_the_agents_own_earlier_turn_made_it():
    conversation = Conversation.from_text(
        "Customer: Where is my money?\n"
        "Agent: I've refunded the £40 this morning, Priya.\n"
        "Customer: Thanks, how long until I see it?"
    )
    assert (
        checks.claimed_actions("As I said, I've refunded it; it shows in 3 days.", conversation)
        == []
    )
    assert checks.claimed_actions("I've also sent you a voucher.", conversation) == [
        "I've also sent"
    ]


def test_a_second_verb_in_the_same_claim_is_counted():
    assert checks.claims_in("I've logged your complaint and escalated it.") == [
        "I've logged",
        "and escalated",
    ]


def test_premises_come_from_the_shared_vocabulary():
    reply = "Thanks for the photos. I'm sorry it arrived damaged."
    assert checks.premise_violations(reply, BROADBAND) == ["damaged_item", "photos"]
    with_photos = Conversation.from_text(
        "Customer: The vase arrived smashed, I've attached photos of the box."
    )
    assert checks.premise_violations(reply, with_photos) == []


def test_repeated_openers_ignore_greetings_and_case():
    replies = [
        "Hi Sam, I'm sorry this has been frustrating. I'll call you at 4pm.",
        "Let's get this fixed. I'll book an engineer.",
        "I'm SORRY this has been frustrating! A line test is next.",
    ]
    assert checks.repeated_openers(replies) == ["i am sorry this has been frustrating"]
    assert checks.repeated_openers(replies[:2]) == []


def test_apologies_and_repeated_phrases_are_counted():
    assert checks.apologies("I'm sorry. Apologies again; we apologise for the trouble.") == 3
    assert checks.apologies(GOOD) == 0
    assert checks.repeated_phrases("I hear you, and I hear you loud and clear.") == ["i hear you"]
    # phrases of function words only ("and i will") do not count
    assert checks.repeated_phrases("I will call, and I will write, and I will visit.") == []


def test_announcements_with_nothing_after_and_pure_filler_are_content_free():
    reply = (
        "Here's the short answer first, then the steps. I completely understand. "
        "Here's what to do: unplug the router for ten seconds."
    )
    assert checks.content_free_sentences(reply) == [
        "Here's the short answer first, then the steps.",
        "I completely understand.",
    ]
    assert checks.content_free_sentences(GOOD) == []


def test_name_placeholder_counts_only_when_the_name_is_known():
    assert checks.name_placeholder("Thanks, [customer name].", "Sarah Jones")
    assert not checks.name_placeholder("Thanks, [customer name].", None)
    assert checks.uses_name("Thanks, sarah, I'll call you.", "Sarah Jones")
    assert not checks.uses_name("Thanks, Sarahs.", "Sarah")


def test_asking_to_repeat_a_fix_the_customer_already_tried():
    assert checks.asked_to_repeat("Please try restarting your router.", BROADBAND) == ["restart"]
    assert checks.asked_to_repeat("Reboot the router and tell me.", BROADBAND) == ["restart"]
    assert checks.asked_to_repeat(GOOD, BROADBAND) == []
    assert checks.asked_to_repeat("Since you've restarted it, I'll test the line.", BROADBAND) == []
    fresh = Conversation.from_text("Customer: My broadband drops every evening.")
    assert checks.asked_to_repeat("Please try restarting your router.", fresh) == []


def test_reflection_needs_the_customers_specific_words_and_a_generic_line_fails():
    assert checks.reflects_issue(GOOD, BROADBAND)
    generic = "I'm sorry for the trouble; I'll look into this and get back to you today."
    assert not checks.reflects_issue(generic, BROADBAND)
    assert not checks.reflects_issue("I understand, and I'll sort your issue now.", BROADBAND)
    named = Conversation.from_text("Customer: Still no answer. Thanks, Gwen")
    assert not checks.reflects_issue("Thanks Gwen, I'll check.", named, customer_name="Gwen")


def test_what_should_have_happened_is_not_a_claim():
    assert checks.claims_in("I'm sorry; this should have been fixed the first time.") == []
    assert checks.claims_in("It has been fixed.") == ["has been fixed"]


def test_a_crack_and_praise_for_a_named_person_are_stated_premises():
    crack = Conversation.from_text("Customer: It won't turn on, and the jug had a crack in it.")
    assert checks.premise_violations("I'm sorry it arrived damaged.", crack) == []
    praise = Conversation.from_text("Customer: Thank you to Marco who helped me yesterday.")
    reply = "I'll make sure the colleague you mentioned hears this."
    assert checks.premise_violations(reply, praise) == []
    assert checks.premise_violations(reply, crack) == ["colleague"]


def test_repeated_phrases_do_not_span_clauses_or_placeholders():
    reply = "I'm [your name], and I'll call. Thanks, [customer name], and I'll write."
    assert checks.repeated_phrases(reply) == []


def test_calling_four_times_is_prior_contact():
    conversation = Conversation.from_text("Customer: I've called four times about claim 7781.")
    assert (
        checks.premise_violations("I'm sorry you've had to contact us again.", conversation) == []
    )


def test_a_manager_request_and_a_reply_that_honours_it():
    asked = Conversation.from_text("Customer: Stop. I want to speak to a supervisor now.")
    assert checks.asks_for_manager(asked) and not checks.asks_for_manager(BROADBAND)
    assert checks.offers_manager("I'll ask my team leader to call you by 4pm.")
    assert not checks.offers_manager("I'll call you back by 4pm myself.")


def test_a_yes_and_thanks_for_waiting_carry_content_but_good_question_does_not():
    reply = "Of course. Thanks for your patience. Good question. Happy to help!"
    assert checks.content_free_sentences(reply) == ["Good question.", "Happy to help!"]


def test_sentences_keep_amounts_whole():
    from bot.core.text import sentences

    assert sentences("I'll refund $49.99 today. Is that OK?\nThanks") == [
        "I'll refund $49.99 today.",
        "Is that OK?",
        "Thanks",
    ]


def test_a_passive_restating_what_the_customer_said_is_not_our_claim():
    cancelled = Conversation.from_text("Customer: My flight to Lisbon was cancelled last night.")
    assert checks.claimed_actions("I'm sorry your flight has been cancelled.", cancelled) == []
    assert checks.claimed_actions("I've cancelled your booking.", cancelled) == ["I've cancelled"]
    assert checks.claimed_actions("Your refund has been processed.", cancelled) == [
        "has been processed"
    ]


def test_the_known_name_comes_from_the_case_the_sign_off_or_the_agents_greeting():
    from bot.core.coaching_eval import known_customer_name

    greeted = Conversation.from_text("Customer: Still broken.\nAgent: Hi Kevin, sorry to hear.")
    assert known_customer_name(greeted) == "Kevin"
    assert known_customer_name(BROADBAND) is None
    assert known_customer_name(BROADBAND, {"customer_name": "Ada"}) == "Ada"
    signed = Conversation.from_text("Customer: It's broken.\nThanks,\nPriya")
    assert known_customer_name(signed) == "Priya"


def test_an_announcement_is_fine_when_its_content_follows_the_colon():
    assert checks.content_free_sentences("Here's your tracking link: https://t.example/1") == []
    assert checks.content_free_sentences("Here's what to do:\n1. Unplug the router.") == []
    assert checks.content_free_sentences("Here's what to do:") == ["Here's what to do:"]


def test_bare_remedied_states_are_claims_but_hopes_are_not():
    assert checks.claims_in("Your account is unlocked and ready.") == ["is unlocked"]
    assert checks.claims_in("I went ahead and refunded it.") == ["I went ahead and refunded"]
    assert checks.claims_in("I hope this is resolved soon.") == []
    assert checks.claims_in("You'll get an email confirming the refund has been issued.") == []


def test_confirming_a_finished_action_is_a_claim_but_checking_one_is_not():
    assert checks.claims_in("I can confirm your refund has been processed.") == [
        "has been processed"
    ]
    assert checks.claims_in("I'll check it was sent to the right address.") == []
    assert checks.claims_in("Let me confirm it has been booked.") == []
    assert checks.claims_in("I'm so glad it's sorted!") == []
    assert checks.claims_in("I'm happy to confirm your refund has been processed.") == [
        "has been processed"
    ]


def test_one_shared_word_or_a_question_is_not_saying_the_issue_back():
    # "broadband" alone could be any template's word; a question asks, it does not say back
    assert not checks.reflects_issue("I'll check your broadband today.", BROADBAND)
    assert not checks.reflects_issue(
        "Could you tell me more about the evening drop-outs on your broadband?", BROADBAND
    )
    assert checks.reflects_issue("Your broadband drops every evening; I'll test it.", BROADBAND)


def test_a_customers_own_two_word_phrase_said_back_reflects_when_each_word_is_everyday():
    bill = Conversation.from_text("Customer: is the phone bill the same as last month")
    assert checks.reflects_issue("You're asking whether the phone bill is the same.", bill)
    assert not checks.reflects_issue("I'll look at your bill and your phone plan.", bill)


def test_a_typo_said_back_corrected_still_counts():
    typo = Conversation.from_text("Customer: i cant find the reciept for my gold membersip")
    assert checks.reflects_issue("You can't find the receipt for your gold membership.", typo)
