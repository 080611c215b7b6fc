"""Every in-process cache and tracker keeps to its documented bound (docs/operations.md)."""

import pytest
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.tracker import ThreadTracker, Tip
from bot.config import Settings
from bot.core import escalation
from bot.core.conversation import Conversation
from bot.core.escalation import assess as assess_escalation
from bot.core.signals import CACHED_WORDS, SignalIndex
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


async def test_tracked_threads_keep_to_their_count_and_characters():
    tracker = ThreadTracker(max_threads=50, max_messages=5, max_chars=2000)
    for n in range(400):
        text = f"message {n} " + "x" * (n % 7) * 10
        await tracker.add_async("C", f"t{n % 120}", "customer", text, float(n), f"U{n}")
        held = list(tracker._threads.values())
        assert len(held) <= 50 and max(len(t.conversation.messages) for t in held) <= 5
        assert tracker.chars == sum(len(m.text) for t in held for m in t.conversation.messages)
        assert tracker.chars <= 2000
    latest = tracker.cached("C", "t39")  # message 399 went to thread t39
    assert latest is not None and latest.conversation.messages[-1].text.startswith("message 399")


async def test_one_huge_message_keeps_only_its_own_thread():
    tracker = ThreadTracker(max_chars=1000)
    await tracker.add_async("C", "small", "customer", "hello", 1.0, "U1")
    await tracker.add_async("C", "huge", "customer", "y" * 5000, 2.0, "U2")
    assert list(tracker._threads) == [("C", "huge")] and tracker.chars == 5000


def test_remembered_tips_keep_to_their_count_and_characters():
    tracker = ThreadTracker(max_tips=30, max_tip_chars=3000)
    for n in range(200):
        conversation = Conversation.from_text("Customer: " + "z" * (n % 5) * 100)
        tracker.remember_tip(Tip(f"L{n}", "C", None, "U", ["a reply"], conversation=conversation))
        assert len(tracker._tips) <= 30 and tracker.tip_chars <= 3000
        assert tracker.tip_chars == sum(
            len(m.text) for t in tracker._tips.values() for m in t.conversation.messages
        )
    assert tracker.tip("L199") is not None and tracker.tip("L0") is None


async def test_teams_reply_chains_are_tracked_within_the_same_bounds():
    """Teams chains are kept by the one tracker (bot/channels/tracker.py), keyed by chain."""
    from bot.teams.listening import chain_log_key

    tracker = ThreadTracker("teams", log_key=chain_log_key, max_threads=10, max_messages=4)
    for n in range(50):
        await tracker.add_async("19:c", f"chain-{n % 5}", "customer", f"m{n}", float(n), "U")
    assert [len(t.conversation.messages) for t in tracker._threads.values()] == [4] * 5
    for n in range(50, 100):
        await tracker.add_async("19:c", f"chain-{n}", "customer", f"m{n}", float(n), "U")
    assert [key for _, key in tracker._threads] == [f"chain-{n}" for n in range(90, 100)]
    assert tracker.cached("19:c", "chain-99").key == "teams:chain-99"


def test_long_texts_and_words_stay_out_of_the_core_caches():
    escalation._read_cached.cache_clear()
    long_text = "I am furious, " + "really " * 400
    assert len(long_text) > escalation.CACHED_CHARS
    assessed = assess_escalation(Conversation.from_text(f"Customer: {long_text}"))
    assert assessed.score > 0 and escalation._read_cached.cache_info().currsize == 0
    assess_escalation(Conversation.from_text("Customer: I am furious"))
    assert escalation._read_cached.cache_info().currsize == 1
    index = SignalIndex([("p", r"charged twice", 1.0)])
    junk = "q" * 500
    assert index.fired(f"{junk} charged twice") == [("p", 1.0, "charged twice")]


def test_long_words_and_texts_stay_out_of_the_word_caches():
    from bot.core import matcher, text

    matcher._cached_stem.cache_clear()
    matcher.terms("charges " + "x" * 500)
    stems = matcher._cached_stem.cache_info()
    assert stems.currsize == 1 and stems.maxsize == CACHED_WORDS  # "charges" only
    text._cached_words_and_breaks.cache_clear()
    long_text = "charged twice " * 200
    assert len(long_text) > text.CACHED_TEXT_CHARS
    assert text.words(long_text)[:2] == ["charged", "twice"]
    assert text._cached_words_and_breaks.cache_info().currsize == 0
    assert text.normalise("Charged twice!") == "charged twice !"
    split = text._cached_words_and_breaks.cache_info()
    assert split.currsize == 1 and split.maxsize == text.CACHED_TEXTS
