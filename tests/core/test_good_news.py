"""Thanks said back: what the customer is pleased about, never a stock line."""

import pytest

from bot.core.conversation import Conversation
from bot.core.good_news import good_news_clause


@pytest.mark.parametrize(
    ("said", "said_back"),
    [
        ("Its working again, thanks!", "it's working again"),
        (
            "I finally got someone that helped me, thanks!",
            "you finally got someone that helped you",
        ),
        ("Thanks to Marco. He sorted it in ten minutes.", "he sorted it in ten minutes"),
    ],
)
def test_a_pleased_clause_with_its_own_subject_is_said_back(said, said_back):
    assert good_news_clause([said]) == said_back


@pytest.mark.parametrize(
    "said",
    ["Great service, thanks.", "Is it fixed yet?", "It's working but the app still crashes."],
)
def test_fragments_questions_and_mixed_news_are_not(said):
    assert good_news_clause([said]) is None


def test_the_thank_you_reply_names_what_went_well(playbooks):
    from bot.coach import Coach

    result = Coach(playbooks).coach(
        Conversation.from_text("The engineer fixed the boiler in an hour. Thank you so much!"),
        trigger="command",
    )
    assert result.assessment.playbook.id == "praise"
    assert "the engineer fixed the boiler in an hour" in result.suggestions[0].text
