"""The case: what the customer's problem is, in conversations from many industries."""

import json

import pytest

from bot.core.case import Case, extract_case
from bot.core.conversation import Conversation
from bot.core.reflect import second_person


def case_of(text: str) -> Case:
    return extract_case(Conversation.from_text(text))


def test_utilities_power_cut_with_a_broken_promise_and_the_name_from_the_agent():
    case = case_of(
        "Customer: Hi, we've had no power since 6am and it's now 4pm. I rang yesterday and was "
        "told an engineer would come out. Nobody came.\n"
        "Agent: Hi Joanne, I'm sorry to hear that. Can I take your postcode?\n"
        "Customer: LS6 2AB. I have a freezer full of food and two small kids."
    )
    assert case.issue == "you've had no power since 6am and it's now 4pm"
    assert case.customer_name == "Joanne"
    assert case.contacts == 2
    assert case.tried == ["rang yesterday and were told an engineer would come out"]
    assert "yesterday" in case.dates


def test_telecoms_bill_higher_than_usual():
    case = case_of("Customer: My phone bill is £85 this month when it's normally £30. Why?")
    assert case.issue == "your phone bill is £85 this month when it's normally £30"
    assert case.amounts == ["£85", "£30"]
    assert case.thing == "bill"


def test_software_tried_steps_manager_request_and_name_from_the_agents_thanks():
    case = case_of(
        "Customer: The app crashes every time I try to export a report. I've reinstalled it "
        "twice and cleared the cache.\n"
        "Agent: Thanks Dev, that's helpful.\n"
        "Customer: It's been a week now. I want to speak to a supervisor."
    )
    assert case.issue == "the app crashes every time you try to export a report"
    assert case.tried == ["reinstalled it twice and cleared the cache"]
    assert case.customer_name == "Dev"
    assert case.requests == ["manager"]
    assert "to speak to a manager" in case.wants
    assert {"manager_request", "tried_fix"} <= case.premises
    assert "a week" in " ".join(case.durations)


def test_insurance_claim_chased_for_the_second_time():
    case = case_of(
        "I submitted my claim for the water damage three weeks ago, claim number CLM-448812, "
        "and I've heard nothing. This is the second time I'm chasing."
    )
    assert case.issue == (
        "you submitted your claim for the water damage three weeks ago and you've heard nothing"
    )
    assert case.references == ["CLM-448812"]
    assert case.contacts == 2
    assert case.thing == "claim"


def test_banking_two_payments_one_to_return_signed_off_by_name():
    case = case_of(
        "I made two payments for my credit card by mistake, £250 each, on 3 March. "
        "Can one be returned?\nThanks, Tom"
    )
    assert case.issue.startswith("you made two payments for your credit card by mistake")
    assert case.customer_name == "Tom"
    assert case.amounts == ["£250"]
    assert "3 March" in case.dates
    assert "duplicate_charge" in case.premises
    assert "a refund" in case.wants


def test_twitter_thread_name_from_the_agents_greeting_and_handles_dropped():
    case = case_of(
        "Customer: @AcmeHelp still no refund for my cancelled order after 3 weeks.\n"
        "Agent: @sam_k Hi Sam, sorry for the wait. Can you DM us your order number? ^JT\n"
        "Customer: Sent it. Order 55120. Still waiting."
    )
    assert case.issue == "there's still no refund for your cancelled order after 3 weeks"
    assert case.customer_name == "Sam"
    assert case.references == ["55120"]
    assert case.contacts == 2


def test_a_yes_to_have_you_tried_counts_as_tried():
    case = case_of(
        "Customer: My internet has dropped every evening for two weeks.\n"
        "Agent: Have you tried restarting the router?\n"
        "Customer: Yes. Three times. Like I told the last two people I spoke to."
    )
    assert case.tried == ["tried restarting the router three times"]
    assert case.contacts == 3
    assert "tried_fix" in case.premises


@pytest.mark.parametrize(
    "text",
    [
        "Hi there! Thanks so much.",
        "What are your opening hours on Saturday?",
        "Does anyone know a good recipe for banana bread?",
    ],
)
def test_no_clear_problem_gives_no_issue(text):
    assert case_of(text).issue is None


def test_travel_public_services_and_healthcare_admin_reflect_the_problem():
    assert case_of("My flight BA2490 was cancelled this morning.").issue == (
        "your flight BA2490 was cancelled this morning"
    )
    assert case_of(
        "My parking permit application was rejected but I sent every document you asked for."
    ).issue == ("your parking permit application was rejected")
    assert case_of("I've been waiting five weeks for my referral letter. Can you check?").issue == (
        "you've been waiting five weeks for your referral letter"
    )


def test_the_agent_name_from_the_customer_addressing_them():
    case = case_of("Agent: How can I help?\nCustomer: Thanks Maria, my card was declined twice.")
    assert case.agent_name == "Maria"
    assert case.customer_name is None


def test_to_dict_is_json_ready():
    data = case_of("I was charged twice for my order #A12345, $20 each.").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["premises"] == ["delivery", "duplicate_charge", "money"]
    assert data["contacts"] == 1


def test_second_person_swaps_both_sides():
    assert second_person("You charged me twice and my bank says I'm overdrawn") == (
        "We charged you twice and your bank says you're overdrawn"
    )
    assert second_person("I sent every document you asked for") == (
        "you sent every document we asked for"
    )


@pytest.mark.parametrize(
    ("thread", "name"),
    [
        ("Customer: My bill doubled this month. Thanks, Priya Shah", "Priya Shah"),
        ("Agent: Good morning Mr Okafor, how can I help?\nCustomer: My parcel never arrived.",
         "Mr Okafor"),
    ],
)  # fmt: skip
def test_a_sign_off_on_the_same_line_and_a_title_in_the_agents_greeting_give_the_name(thread, name):
    assert case_of(thread).customer_name == name


def test_checking_into_a_room_is_not_a_fix_already_tried():
    case = case_of("I checked into room 412 last night and the shower doesn't drain.")
    assert case.tried == []
    assert "tried_fix" not in case.premises


def test_a_problem_that_persists_is_not_a_repeat_contact_and_any_step_already_taken_counts():
    case = case_of(
        "My laptop screen started flickering after the update. I've already rolled back the "
        "driver and reinstalled it. Still flickers."
    )
    assert case.contacts == 1
    assert "prior_contact" not in case.premises
    assert case.tried == ["rolled back the driver and reinstalled it"]
    assert case_of("I'm writing again about my refund, still no reply.").contacts == 2


def test_a_bare_code_in_capitals_is_a_reference():
    assert case_of("Customer: It's WA-339021. The bill is wrong.").references == ["WA-339021"]


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("checking order status", "you're looking to check your order status"),
        ("open premium account", "you're looking to open a premium account"),
        (
            "find my invoices from last month",
            "you're asking us to find your invoices from last month",
        ),
        ("season ticket renewal", "this is about your season ticket renewal"),
        ("Who accepts this card?", "you're asking who accepts this card"),
        ("Is GBP a supported currency?", "you're asking whether GBP is a supported currency"),
        (
            "why did my bank place a hold on my account",
            "you're asking why your bank placed a hold on your account",
        ),
        ("has my package been sent", "you're asking whether your package has been sent"),
        (
            "If there isn't much money left can it top up?",
            "you're asking whether it can top up, if there isn't much money left",
        ),
    ],
)
def test_requests_topics_and_questions_in_few_words_are_said_back(text, ask):
    case = case_of(f"Customer: {text}")
    assert case.issue is None
    assert case.ask == ask


def test_typos_and_shorthand_are_cleaned_before_saying_back_and_garble_is_not_said_back():
    case = case_of("Customer: wanna sign up to ur company newsletter could uhelp me")
    assert case.ask == "you're looking to sign up to our company newsletter"
    assert case_of("Customer: editing information on free accoun").ask == (
        "you're looking to edit your information on your free account"
    )
    garbled = case_of("Customer: sell three calls of of nvda qwxzt plorbs")
    assert garbled.issue is None and garbled.ask is None


def test_links_handles_emoji_and_curly_quotes_do_not_reach_the_reflection():
    case = case_of(
        "Customer: .@AcmeHelp Item hasn’t been delivered but tracking says it was handed to me "
        "😡😡 https://t.co/abc"
    )
    assert case.issue == "item hasn't been delivered"


def test_a_statement_before_its_question_is_the_problem():
    assert case_of("Customer: My phone was stolen, what do I do?").issue == (
        "your phone was stolen"
    )
    assert case_of("Customer: Was charged an ATM fee twice today.").issue == (
        "you were charged an ATM fee twice today"
    )


def test_a_vulnerable_customers_situation_is_the_sentence_that_showed_it():
    case = case_of(
        "Customer: My father passed away last month and I need to close his electricity "
        "account. I don't know his account number."
    )
    assert case.situation == (
        "your father passed away last month and you need to close his electricity account"
    )


def test_praise_names_the_staff_member_and_what_they_thank_us_for():
    case = case_of("Customer: Got my replacement today, thanks so much for sorting it so quickly!")
    assert case.good_news == "you got your replacement today"
    thanks = case_of("Customer: Thank you for resolving my issue so quickly!!")
    assert thanks.good_news == "resolving your issue so quickly made a difference"
    sarcastic = case_of("Customer: Thank you for ruining my phone.")
    assert sarcastic.good_news is None
    assert case_of("Customer: Shout out to Jonas from support, best team ever").praised == "Jonas"
    nurse = case_of("Customer: Just wanted to say nurse Priya was wonderful with my son.")
    assert nurse.praised == "Priya"
    assert nurse.good_news == "nurse Priya was wonderful with your son"
