"""Tracked threads with the database as the truth, and off the event loop: two replicas that
each receive some of a thread's messages both coach on the whole thread; a slow database does
not hold up other requests; a database that is down leaves tracking in memory."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import urllib.request

import pytest

from bot.coach import Coach
from bot.llm.offline import OfflineBackend
from bot.services import build_sink, playbooks_from
from bot.store import Store
from tests.slack.conftest import SUPPORT, slack_settings
from tests.store_helpers import database_with_outage

OPENING = "I was charged twice for my order."
CHECKING = "Let me check that for you."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)


class RecordingCoach(Coach):
    """The offline coach, keeping each conversation it coached on, by trigger."""

    def __init__(self, settings):
        super().__init__(playbooks_from(settings), OfflineBackend(), build_sink(settings))
        self.coached: list[tuple[str, list]] = []

    def coach(self, conversation, trigger="command", *args, **kwargs):
        self.coached.append((trigger, list(conversation.messages)))
        return super().coach(conversation, trigger, *args, **kwargs)

    def on(self, trigger: str) -> list[tuple[str, str]]:
        """(role, text) of the last conversation coached on with `trigger`."""
        found = [messages for kind, messages in self.coached if kind == trigger]
        assert found, f"never coached on a {trigger}: {[kind for kind, _ in self.coached]}"
        return [(m.role, m.text) for m in found[-1]]


async def replica(slack_server, mock_slack, tmp_path, url: str, name: str):
    settings = slack_settings(
        mock_slack, tmp_path, mot_database_url=url, mot_spool_path=tmp_path / f"{name}.jsonl"
    )
    coach = RecordingCoach(settings)
    server = await slack_server(
        coach=coach, mot_database_url=url, mot_spool_path=settings.mot_spool_path
    )
    return server, coach


async def logged_messages(server, root: float, count: int) -> None:
    """Until the log's database holds `count` messages of the thread (written after the ack)."""
    store = server.mot.store
    await asyncio.to_thread(store.ensure_schema)  # the app may not have made it yet
    for _ in range(300):
        rows = await asyncio.to_thread(store.tracked_thread, "slack", f"{SUPPORT}:{root:.6f}")
        if len(rows) >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"the log never held {count} message(s) of {root}")


async def quiet(server) -> None:
    """Until no message waits to be written back and no thread waits for the database."""
    listening = server.mot.listening
    for _ in range(500):
        if not (listening.waiting or listening.tracker.unsaved or listening.deciding):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{listening.waiting} waiting, {listening.tracker.unsaved} unsaved")


async def waiting_threads(server, count: int) -> None:
    """Until `count` threads wait for the database before their nudge is decided."""
    for _ in range(500):
        if server.mot.listening.waiting >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{server.mot.listening.waiting} thread(s) wait, not {count}")


def nudges(mock):
    return [c for c in mock.of("chat.postEphemeral") if "went from" in str(c.args.get("blocks"))]


async def test_replicas_coach_on_the_whole_thread(database_url, slack_server, mock_slack, tmp_path):
    """Messages of one thread alternate between two replicas on one database: the nudge, the
    `/mot-tip` and the @mention on either one see every message, not just the ones it got."""
    a, coach_a = await replica(slack_server, mock_slack, tmp_path, database_url, "a")
    b, coach_b = await replica(slack_server, mock_slack, tmp_path, database_url, "b")
    root = time.time()
    await a.say("U_CUST", OPENING, root)
    await logged_messages(a, root, 1)
    await b.say("U_AGENT", CHECKING, root + 1, thread=root)
    await logged_messages(b, root, 2)
    await a.say("U_CUST", ANGRY, root + 2, thread=root)  # a never received the agent's reply
    await mock_slack.wait_for("chat.postEphemeral")
    (nudge,) = nudges(mock_slack)
    assert nudge.args["user"] == "U_AGENT"  # the agent who replied on b, not the on-call
    whole = [("customer", OPENING), ("agent", CHECKING), ("customer", ANGRY)]
    assert coach_a.on("nudge") == whole
    assert "threatens legal action" in str(nudge.args["blocks"])

    await logged_messages(a, root, 3)
    await b.command("", user="U_AGENT")  # b never received the angry message
    await mock_slack.wait_for("response_url")
    assert coach_b.on("command") == whole

    await a.say("U_CUST", "Hello??", root + 3, thread=root)
    await logged_messages(a, root, 4)
    await b.event(
        {
            "type": "app_mention",
            "user": "U_AGENT",
            "text": "<@UBOT> help?",
            "channel": SUPPORT,
            "ts": f"{root + 4:.6f}",
            "thread_ts": f"{root:.6f}",
        }
    )
    for _ in range(300):
        if any(kind == "mention" for kind, _ in coach_b.coached):
            break
        await asyncio.sleep(0.01)
    assert coach_b.on("mention") == [*whole, ("customer", "Hello??")]
    assert not mock_slack.of("conversations.replies")  # the log had it all


async def test_none_content_merges_authors_but_no_empty_messages(
    slack_server, mock_slack, tmp_path
):
    """MOT_LOG_CONTENT=none: the log has who wrote, not what; a replica learns the participants
    and keeps only the texts it received itself."""
    a = await slack_server(mot_log_content="none")
    b = await slack_server(mot_log_content="none")
    root = time.time()
    await a.say("U_CUST", OPENING, root)
    await logged_messages(a, root, 1)
    await b.say("U_AGENT", CHECKING, root + 1, thread=root)
    await logged_messages(b, root, 2)
    thread = b.mot.tracker.cached(SUPPORT, f"{root:.6f}")
    assert [(m.role, m.text) for m in thread.conversation.messages] == [("agent", CHECKING)]
    assert thread.participants == {"U_CUST", "U_AGENT"}


class HeldStore:
    """The log's store, each tracked-message call held (in its worker thread) until `gate` is
    set, so that "the loop is free while the database is busy" is shown by events, not times."""

    def __init__(self, store: Store):
        self.store = store
        self.calls: list[str] = []
        self.started, self.gate = threading.Event(), threading.Event()

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def _held(self, name: str, *args, **kwargs):
        self.started.set()
        if not self.gate.wait(timeout=30):
            raise TimeoutError("the test never let the database answer")
        try:
            return getattr(self.store, name)(*args, **kwargs)
        finally:
            self.calls.append(name)

    def add_tracked_message(self, *args, **kwargs):
        return self._held("add_tracked_message", *args, **kwargs)

    def tracked_thread(self, *args, **kwargs):
        return self._held("tracked_thread", *args, **kwargs)


def get_status(url: str) -> int:
    """GET from its own thread, since the test shares the server's event loop."""
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status


async def test_a_slow_database_does_not_block_the_event_loop(slack_server):
    """While message events wait on database calls in a worker thread, /healthz answers; two
    concurrent messages of one thread are both kept, once each, in order."""
    server = await slack_server(mot_lead_alerts=False)
    held = HeldStore(server.mot.tracker.log.store)
    server.mot.tracker.log.store = held
    healthz = server.url.replace("/slack/events", "/healthz")
    root = time.time()
    saying = asyncio.gather(
        server.say("U_CUST", OPENING, root),
        server.say("U_AGENT", CHECKING, root + 1, thread=root),
    )
    assert await asyncio.to_thread(held.started.wait, 10)
    assert await asyncio.to_thread(get_status, healthz) == 200
    assert not held.calls  # answered while every database call was still held
    held.gate.set()
    await saying
    thread_key = (SUPPORT, f"{root:.6f}")
    deadline = time.monotonic() + 10
    # two writes, two reads (and maybe the reply's starter), then both messages merged
    while len(held.calls) < 4 or len(messages_of(server.mot.tracker.cached(*thread_key))) < 2:
        assert time.monotonic() < deadline, f"only {held.calls} reached the database"
        await asyncio.sleep(0.02)
    assert set(held.calls) == {"add_tracked_message", "tracked_thread"}
    assert messages_of(server.mot.tracker.cached(*thread_key)) == [
        ("customer", OPENING),
        ("agent", CHECKING),
    ]


def messages_of(thread) -> list[tuple[str, str]]:
    return [(m.role, m.text) for m in thread.conversation.messages] if thread else []


@pytest.fixture(params=["sqlite", "postgresql"])
def outage(request, tmp_path):
    """(URL, take_down, bring_back): PostgreSQL behind a proxy the test cuts; on SQLite (where
    a lock only makes writers wait) the tracking log's file becomes one that cannot be opened."""
    with database_with_outage(request.param, tmp_path) as (url, take_down, bring_back):
        yield request.param, url, take_down, bring_back


async def test_database_down_tracks_in_memory(outage, slack_server, tmp_path, caplog):
    kind, url, take_down, bring_back = outage
    server = await slack_server(mot_database_url=url, mot_spool_path=tmp_path / "spool.jsonl")
    thread_log = server.mot.tracker.log
    if kind == "sqlite":
        working = thread_log.store
        unopenable = Store(f"sqlite:///{tmp_path}/gone/log.db")

        def take_down():
            thread_log.store = unopenable

        def bring_back():
            thread_log.store = working

    root = time.time()
    await server.say("U_CUST", OPENING, root)
    await server.say("U_AGENT", CHECKING, root + 1, thread=root)
    await logged_messages(server, root, 2)
    take_down()
    caplog.set_level(logging.WARNING)
    await server.say("U_CUST", ANGRY, root + 2, thread=root)
    await server.wait_thread(root, 3)
    await waiting_threads(server, 1)  # not decided on this replica's memory alone
    assert not nudges(server.mock)
    thread = server.mot.tracker.cached(SUPPORT, f"{root:.6f}")
    assert [m.text for m in thread.conversation.messages] == [OPENING, CHECKING, ANGRY]
    await server.command("", user="U_AGENT")  # the latest thread, from memory
    (answer,) = await server.mock.wait_for("response_url", timeout=10)
    assert "threatens legal action" in answer.args["blocks"][0]["text"]["text"]  # all 3
    assert "tracking in memory only" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    bring_back()  # the message is written back, then the thread decided: one nudge
    (nudge,) = await server.mock.wait_for("chat.postEphemeral", timeout=10)
    assert nudge.args["user"] == "U_AGENT" and "went from" in str(nudge.args["blocks"])
    await logged_messages(server, root, 3)
    await quiet(server)  # nothing left to write back, no thread waiting
    assert len(nudges(server.mock)) == 1
    if kind == "sqlite":
        unopenable.close()
