"""The guard holds model output to the coaching bar: no claimed actions, no invented premises."""

from __future__ import annotations

from bot.core.conversation import Conversation
from bot.core.reply_checks import claimed_actions, premise_violations
from tests.llm.fake_openai import GOOD_SUGGESTIONS, Reply

WHY = "Owning it with a date builds trust."


def _answer(fake, *texts: str) -> None:
    fake.default = Reply.suggestions([{"text": text, "why": WHY} for text in texts])


def test_a_claimed_refund_is_replaced_and_says_why(make_coach, dispute, fake):
    honest = GOOD_SUGGESTIONS[2]["text"]
    _answer(
        fake,
        "I'm sorry you were charged twice. I've refunded the duplicate payment today.",
        honest,
        "Thanks for flagging this; the extra charge has been reversed and I'll email you today.",
    )
    result = make_coach().coach(dispute)
    first, second, third = result.suggestions
    assert "claims a finished action" in first.replaced and "I've refunded" in first.replaced
    assert first.source == "offline"
    assert second.text == honest and second.replaced is None and second.source == "openai"
    assert "'has been reversed'" in third.replaced
    # the stand-in is the offline composer's honest suggestion, when it has one
    assert (
        claimed_actions(first.text, dispute) == [] and premise_violations(first.text, dispute) == []
    )


def test_thanks_for_photos_nobody_sent_is_replaced(make_coach, dispute, fake):
    honest = [s["text"] for s in GOOD_SUGGESTIONS]
    _answer(fake, "Thanks for the photos. " + honest[0], honest[1], honest[2])
    result = make_coach().coach(dispute)
    assert result.suggestions[0].replaced == (
        "presumes photos, which the conversation does not state"
    )
    assert premise_violations(result.suggestions[0].text, dispute) == []
    assert [s.text for s in result.suggestions[1:]] == honest[1:]


def test_the_same_reply_passes_when_the_conversation_supports_it(make_coach, fake):
    conversation = Conversation.from_text(
        "Customer: I was charged twice for order 55123, I attached photos of my statement.\n"
        "Agent: I've refunded the duplicate payment this morning.\n"
        "Customer: Thanks, but when will I see it? I want my money back before rent."
    )
    texts = [
        "I'm sorry for the wait, and thanks for the photos. I've refunded the duplicate payment, "
        "so you'll see it within "
        f"3 business days ({n})."
        for n in range(3)
    ]
    _answer(fake, *texts)
    result = make_coach().coach(conversation)
    assert result.assessment.playbook.id == "billing-dispute"
    assert [s.text for s in result.suggestions] == texts
    assert all(s.replaced is None for s in result.suggestions)


def test_honest_suggestions_pass_untouched(make_coach, dispute, fake):
    result = make_coach().coach(dispute)
    assert [s.text for s in result.suggestions] == [s["text"] for s in GOOD_SUGGESTIONS]
    assert all(s.replaced is None and s.source == "openai" for s in result.suggestions)
