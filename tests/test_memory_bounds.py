"""Every in-process cache and tracker keeps to its documented bound (README, Bounded memory)."""

import pytest
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.llm.resilience import ResponseCache
from bot.slack.people import People
from bot.store import Store
from bot.store.deliveries import MEMORY_LIMIT, Deliveries
from bot.teams.references import ReferenceBook
from tests.slack.mock_slack import MockSlack


@pytest.fixture
async def slack_client():
    mock = await MockSlack().start()
    mock.channel_names = {f"C{n}": f"chatter-{n}" for n in range(40)}
    yield mock, AsyncWebClient(token="xoxb-test", base_url=mock.url + "/api/")
    await mock.stop()


async def test_faces_stay_within_their_bound_and_recent_ones_are_kept(slack_client):
    mock, client = slack_client
    people = People(Settings(), max_faces=20)
    for n in range(50):
        assert (await people.face(client, f"U{n}")).name == f"Agent U{n}"
    assert len(people._faces) == 20
    await people.face(client, "U49")  # still remembered: no second users.info
    assert len(mock.of("users.info")) == 50


async def test_channel_names_stay_within_their_bound(slack_client):
    mock, client = slack_client
    people = People(Settings(mot_support_channels=["support-billing"]), max_channel_names=10)
    for n in range(40):
        assert not await people.listens_to(client, f"C{n}")
    assert len(people._channel_names) == 10
    assert not await people.listens_to(client, "C39")
    assert len(mock.of("conversations.info")) == 40


async def test_remembered_teams_references_stay_within_their_bound(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'log.db'}")
    store.ensure_schema()
    book = ReferenceBook(store, remembered=5)
    for n in range(20):
        reference = ConversationReference(
            channel_id="msteams",
            service_url="https://smba.example/amer/",
            conversation=ConversationAccount(id=f"a:{n}", conversation_type="personal"),
            bot=ChannelAccount(id="28:bot"),
            user=ChannelAccount(id=f"29:{n}"),
        )
        await book.save([f"29:{n}"], reference, "t1")
    assert len(book._saved) == 5
    assert (await book.get("29:0")).conversation.id == "a:0"  # the database keeps them all
    store.close()


async def test_nudge_cooldowns_kept_in_memory_stay_within_their_bound():
    deliveries = Deliveries(None, "slack")  # no log: the cooldown lives in memory
    for n in range(MEMORY_LIMIT + 50):
        assert await deliveries.allow_nudge(f"thread-{n}", "escalate", cooldown=900)
    assert len(deliveries._nudged) == MEMORY_LIMIT
    assert not await deliveries.allow_nudge(f"thread-{MEMORY_LIMIT + 49}", "escalate", 900)


def test_response_cache_keeps_to_its_size_and_age():
    now = [0.0]
    cache = ResponseCache(ttl=60, max_entries=8, clock=lambda: now[0])
    for n in range(30):
        cache.put(f"k{n}", n)
    assert len(cache._entries) == 8 and cache.get("k0") is None and cache.get("k29") == 29
    now[0] = 61
    assert cache.get("k29") is None
