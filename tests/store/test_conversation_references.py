"""Stored Bot Framework conversation references (proactive messages), on SQLite and PostgreSQL."""

import logging

from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference
from sqlalchemy import func, select

from bot.store import Store
from bot.store.models import conversation_references
from bot.teams.references import ReferenceBook


def _reference(conversation: str, service_url: str = "https://smba.example/amer/") -> dict:
    return ConversationReference(
        channel_id="msteams",
        service_url=service_url,
        conversation=ConversationAccount(id=conversation, conversation_type="personal"),
        bot=ChannelAccount(id="28:bot"),
        user=ChannelAccount(id="29:ana", name="Ana"),
    ).serialize()


def _count(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(conversation_references)
        ).scalar()


def test_save_then_get_round_trips_the_reference(store):
    assert store.conversation_reference("teams", "29:ana") is None
    store.save_conversation_reference(
        "teams", "29:ana", _reference("a:1"), tenant="t1", service_url="https://smba.example/amer/"
    )
    row = store.conversation_reference("teams", "29:ana")
    assert (row["key"], row["tenant"], row["service_url"]) == (
        "29:ana",
        "t1",
        "https://smba.example/amer/",
    )
    reference = ConversationReference().deserialize(row["reference"])
    assert reference.conversation.id == "a:1" and reference.user.id == "29:ana"
    assert store.conversation_reference("slack", "29:ana") is None  # per channel kind


def test_save_is_an_upsert_on_channel_kind_and_key(store):
    store.save_conversation_reference("teams", "29:ana", _reference("a:1"), tenant="t1")
    first = store.conversation_reference("teams", "29:ana")["updated_at"]
    store.save_conversation_reference(
        "teams", "29:ana", _reference("a:2", "https://smba.example/emea/"), tenant="t2"
    )
    store.save_conversation_reference("teams", "29:ben", _reference("a:3"), tenant="t1")
    assert _count(store) == 2
    row = store.conversation_reference("teams", "29:ana")
    assert row["reference"]["conversation"]["id"] == "a:2" and row["tenant"] == "t2"
    assert row["reference"]["serviceUrl"] == "https://smba.example/emea/"
    assert row["updated_at"] >= first


async def test_reference_book_saves_under_each_key_and_reads_back(store):
    book = ReferenceBook(store)
    reference = ConversationReference().deserialize(_reference("a:personal-ana"))
    await book.save(["29:ana", "aad-ana", None, "29:ana"], reference, "t1")
    assert _count(store) == 2
    found = await book.get("aad-ana")
    assert isinstance(found, ConversationReference)
    assert found.conversation.id == "a:personal-ana"
    assert await book.get("29:nobody") is None and await book.get(None) is None


async def test_reference_book_degrades_to_nothing_when_the_database_is_down(tmp_path, caplog):
    down = Store(f"sqlite:///{tmp_path}/missing/dir/log.db")
    book = ReferenceBook(down)
    reference = ConversationReference().deserialize(_reference("a:1"))
    with caplog.at_level(logging.WARNING, logger="bot.teams.references"):
        await book.save(["29:ana"], reference, "t1")
        assert await book.get("29:ana") is None
    assert sum("conversation references" in r.getMessage() for r in caplog.records) == 1
    down.close()
