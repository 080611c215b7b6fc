"""Coaching lines on the Teams coaching card and the nudge card, valid Adaptive Cards."""

import json

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.teams import cards

LINES = ["Dana has contacted us three times: say what happens next, and when."]


def test_coaching_lines_on_the_tip_and_the_nudge_card(playbooks, card_validator):
    conversation = Conversation.from_text("Third time I write: my refund has still not arrived!")
    result = Coach(playbooks).coach(conversation, record=False)
    result.coaching = list(LINES)  # the coach builds them; here given
    for card in (cards.coaching_card(result), cards.nudge_card(result)):
        card_validator.validate(card)
        texts = [b.get("text", "") for b in card["body"]]
        assert "💡 Dana has contacted us three times: say what happens next, and when." in texts
    result.coaching = []
    assert "💡" not in json.dumps(cards.coaching_card(result), ensure_ascii=False)
