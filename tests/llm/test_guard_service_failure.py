"""The guard holds model output to the situation: a device reply to a visit nobody came to is
replaced by the offline composer's own reply for a missed visit."""

from __future__ import annotations

from bot.core.conversation import Conversation
from bot.core.reply_checks import premise_violations
from tests.llm.fake_openai import Reply

WHY = "Owning it with a time builds trust."


def test_a_device_reply_to_a_missed_visit_is_replaced(make_coach, fake):
    conversation = Conversation.from_text(
        "Customer: The engineer was booked to fix our boiler between 8 and 12 today and nobody "
        "came. I took the day off work. Booking ref BK-20931."
    )
    honest = "I'm sorry nobody came. I'll find out why and book the first slot that suits you."
    fake.default = Reply.suggestions(
        [
            {"text": "Could you tell me what happens when you try to use it?", "why": WHY},
            {"text": honest, "why": WHY},
            {"text": "I'll set up a replacement and explain how the return works.", "why": WHY},
        ]
    )
    first, second, third = make_coach().coach(conversation).suggestions
    assert first.replaced.startswith("presumes product, which the conversation does not state")
    assert third.replaced and "product" in third.replaced
    assert second.text == honest and second.replaced is None
    for stand_in in (first, third):
        assert stand_in.source == "offline"
        assert premise_violations(stand_in.text, conversation) == []
        assert "replacement" not in stand_in.text
