"""Reading Teams activities: mention and HTML stripped, the command found, the place named."""

import pytest
from botbuilder.schema import Activity

from bot.teams.activities import command_argument, mentions_bot, place_of, plain_text
from bot.teams.auth import token_problem
from tests.teams import activities as A


def test_plain_text_drops_the_mention_and_html_but_keeps_lines():
    activity = Activity().deserialize(
        A.channel_message("https://x", "1", "mot-tip", A.user("29:a", "A"), mention=True)
    )
    activity.text = "<at>mot-coach</at> mot-tip<p>Customer: it&#39;s broken</p><p>Agent: ok</p>"
    assert plain_text(activity) == "mot-tip\nCustomer: it's broken\nAgent: ok"
    assert mentions_bot(activity)
    place = place_of(activity)
    assert (place.scope, place.channel, place.tenant) == ("channel", A.CHANNEL, A.TENANT)
    assert place.chain.endswith(";messageid=1")


@pytest.mark.parametrize(
    "text,argument",
    [
        ("mot-tip refund please", "refund please"),
        ("MOT-TIP: refund", "refund"),
        ("/mot-tip", ""),
        ("mot-tipping point", None),
        ("hello", None),
    ],
)
def test_command_argument(text, argument):
    assert command_argument(text) == argument


def test_a_mention_of_someone_else_is_not_a_mention_of_the_bot():
    activity = Activity().deserialize(
        A.channel_message("https://x", "1", "hi", A.user("29:a", "A"), mention=True)
    )
    activity.entities[0].additional_properties["mentioned"]["id"] = "29:someone"
    assert not mentions_bot(activity)


@pytest.mark.parametrize(
    "header,problem",
    [
        ("", "no bearer token"),
        ("Bearer abc", "the token is not a JWT"),
        ("Bearer !!!.x.y", "the token header is not base64 JSON"),
        ("Bearer eyJhbGciOiJub25lIn0.e30.", "signed with 'none', not RSA"),
    ],
)
def test_token_problems_are_found_without_the_network(header, problem):
    assert problem in token_problem(header)
