import pytest

from bot.core.conversation import Conversation, Message


def test_transcript_lines_become_messages_with_roles():
    conversation = Conversation.from_text(
        "Customer: my order is late\nAgent: sorry!\nCustomer: still nothing\nsecond line"
    )
    assert [m.role for m in conversation.messages] == ["customer", "agent", "customer"]
    assert conversation.messages[2].text == "still nothing\nsecond line"


def test_plain_text_is_one_customer_message():
    conversation = Conversation.from_text("Where is my parcel? It: was due Monday")
    assert conversation.messages == [
        Message(role="customer", text="Where is my parcel? It: was due Monday")
    ]


def test_other_speaker_names_map_to_roles():
    conversation = Conversation.from_text("Client: hello\nSupport: hi there")
    assert [m.role for m in conversation.messages] == ["customer", "agent"]


def test_from_dicts_names_the_bad_item():
    with pytest.raises(ValueError, match=r"messages\[1\]\.role"):
        Conversation.from_dicts([{"role": "customer", "text": "a"}, {"role": "bot", "text": "b"}])
    with pytest.raises(ValueError, match=r"messages\[0\]\.text"):
        Conversation.from_dicts([{"role": "customer"}])


def test_message_rejects_unknown_role():
    with pytest.raises(ValueError):
        Message(role="robot", text="x")


def test_last_agent_is_the_most_recent_named_agent():
    conversation = Conversation()
    conversation.add("agent", "hi", author="U1").add("customer", "x").add("agent", "y", author="U2")
    assert conversation.last_agent == "U2"
