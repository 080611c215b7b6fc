"""The customer's issue said back cleanly or not at all; past dates are not deadlines; the
final pass drops doubled phrases, stitched answers and filler."""

from bot.core.case_patterns import problem_sentence
from bot.core.clean_clause import clean
from bot.core.deadlines import find_deadline
from bot.llm.reply_text import final_pass


def test_broken_clauses_are_not_said_back():
    assert clean("returned the car on Sunday with a full tank") is None  # no subject
    assert clean("our finance office can't send one without") is None  # dangling
    assert clean("our internet is a joke") is None  # their insult, in our mouth
    assert (
        clean("you only got one e-ticket in the email") == "you only got one e-ticket in the email"
    )
    assert clean("the letting agent won't say what for") == "the letting agent won't say what for"


def test_shouting_and_asides_are_mended():
    assert clean("your reading was estimated AGAIN") == "your reading was estimated again"
    assert clean("you were charged an ATM fee twice") == "you were charged an ATM fee twice"
    assert clean("you returned the car (Kia Picanto, reg LB21) on Sunday") == (
        "you returned the car on Sunday"
    )


def test_the_worry_is_picked_not_the_insult():
    _, said = problem_sentence(
        ["this is bloody ridiculous, my dog's prescription was meant to be ready yesterday"]
    )
    assert said == "your dog's prescription was meant to be ready yesterday"
    _, said = problem_sentence(
        ["Your bins service is useless. Our recycling hasn't been collected."]
    )
    assert said == "your recycling hasn't been collected"


def test_a_date_told_in_the_past_is_not_a_deadline():
    assert find_deadline(["I set up the direct debit on the 3rd and you still took £42"]) is None
    assert find_deadline(["I set up a donation by direct debit on the 3rd of last year"]) is None
    assert find_deadline(["My direct debit goes out on the 3rd"]).when == "the 3rd"
    assert find_deadline(["I need it by Friday"]).when == "Friday"


def test_final_pass_drops_doubled_phrases_stitched_answers_and_filler():
    doubled = (
        "I understand you need to know where this stands. I'll check the status and confirm "
        "today exactly where it stands and what happens next."
    )
    assert "stands and" not in final_pass(doubled, waited=True)
    stitched = (
        "Could you tell me what has happened so far? Thanks, that gives me what I need to start."
    )
    assert "gives me what I need" not in final_pass(stitched, waited=True)
    help_tail = (
        "You're looking to stop your donation, and I can help with that. I'll stop it today."
    )
    assert "I can help" not in final_pass(help_tail, waited=True)
    patience = "Thanks for your patience, Sarah. I'll send an engineer today."
    assert final_pass(patience, waited=False) == (
        "Thanks for letting us know, Sarah. I'll send an engineer today."
    )
    thanked = "Thanks for telling me. Thanks for your patience. I'll call you today."
    assert final_pass(thanked, waited=False) == "Thanks for telling me. I'll call you today."
    assert final_pass(patience, waited=True) == patience


def test_what_can_be_mended_is_said_back():
    assert clean("you need your card quickly") == "you need your card quickly"
    assert clean("you're looking to check the damn exit fees") == (
        "you're looking to check the exit fees"
    )
    assert clean("you need to change a booking, and made a mistake on") == (
        "you need to change a booking"
    )
    assert clean("we for providing excellent service") is None


def test_the_topic_is_a_noun_phrase_of_their_own_words():
    from bot.core.clean_clause import topic_phrase

    assert topic_phrase("you're having the worst luck with our customer service") == (
        "our customer service"
    )
    assert topic_phrase("still waiting on to compensate for a year") is None
    assert topic_phrase("your internet is a joke") == "your internet"
