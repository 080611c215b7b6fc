"""Our own earlier slip in a thread (bot/core/agent_slips.py): asked again for what they gave,
told to redo what they did, a time we gave that has passed, a promise they heard before; and
no slip where the thread shows none."""

import pytest

from bot.core.agent_slips import agent_slip
from bot.core.conversation import Conversation


def slip(text: str):
    return agent_slip(Conversation.from_text(text))


@pytest.mark.parametrize(
    ("thread", "kind", "words"),
    [
        (  # telecoms: the address asked for again
            "Customer: My broadband keeps dropping. I'm at 14 Mill Lane, LS21 1AB.\n"
            "Agent: Could you tell me the address where the service is installed?\n"
            "Customer: I literally just gave you my address.",
            "asked_again",
            "your address twice",
        ),
        (  # insurance: a reference already given, seen from their earlier words
            "Customer: My claim CLM-448812 has been stuck for a month.\n"
            "Agent: Thanks. Could you confirm your claim reference?\n"
            "Customer: Still waiting.",
            "asked_again",
            "your claim reference twice",
        ),
        (  # courier: told to do what they had done
            "Customer: My parcel says delivered but it's not here. I checked with both "
            "neighbours.\nAgent: Could you check with your neighbours?\n"
            "Customer: I already did that.",
            "told_to_redo",
            "check with your neighbours again",
        ),
        (  # council: our 48 hours, a week ago
            "Customer: My green bin wasn't collected on Monday.\n"
            "Agent: The crew will return within 48 hours.\n"
            "Customer: It's been a week now and nobody came.",
            "time_passed",
            "within 48 hours, and it's now been a week",
        ),
        (  # clinic: what they were told, eleven days on
            "Customer: I had blood tests eleven days ago and was told results take 3-5 days.",
            "time_passed",
            "3-5 days, and it's now been eleven days",
        ),
        (  # SaaS: the same promise again
            "Customer: Our API keys stopped working on Tuesday.\n"
            "Agent: Thanks, I'll look into it and get back to you.\n"
            "Customer: You said that on Tuesday too.",
            "said_before",
            "told that before",
        ),
    ],
)
def test_our_slip_is_found_and_owned_in_plain_words(thread, kind, words):
    found = slip(thread)
    assert found is not None and found.kind == kind
    assert words in found.owned
    assert "sorry" in found.owned.lower() and "sorry" not in found.owned_plain.lower()


@pytest.mark.parametrize(
    "thread",
    [
        # a detail asked once, given once
        "Customer: My results are late.\nAgent: Can I have your date of birth?\n"
        "Customer: 14/02/1979.",
        # "already" about something else than what we asked for
        "Customer: Our power went off at 6pm.\nAgent: Can I take your postcode?\n"
        "Customer: LS6 2QT. I've already checked the fuse box.",
        # a question answered yes, not something they had said before
        "Customer: My inventory is empty.\nAgent: Have you tried logging out and back in?\n"
        "Customer: Yes several times.",
        # the time given has not passed
        "Customer: My bin wasn't collected.\nAgent: The crew will return within 48 hours.\n"
        "Customer: OK, it's been a day, I'll wait.",
        # a time they mention, not one they were given
        "Customer: I've been a customer for 5 years and my bill went up in 2 days.",
    ],
)
def test_no_slip_where_the_thread_shows_none(thread):
    assert slip(thread) is None
