"""Tracked conversations of every chat channel (Slack threads, Teams reply chains), with the
database as the source of truth.

Each thread is a Conversation built as its messages arrive, so that coaching needs no call back
to the channel. The newest threads and messages are kept in memory as a front; with a log
(`bot.store.tracking.ThreadLog`) every message is also written to the database (as
MOT_LOG_CONTENT allows), and after each write, and before coaching, the messages the database
holds that this replica has not seen are merged in (by ts, which names a message): replicas
behind a load balancer each receive only some of a thread's messages. Database work runs in a
worker thread, never on the event loop; memory changes stay on the loop (without an await
between reading and changing a thread, so concurrent adds to one thread are consistent).

While the database is down, memory answers, and each message it could not take is kept (at most
MAX_UNSAVED, oldest dropped first with a warning) and written back, in order, before the next
write that succeeds (`flush`), so that every replica sees the whole thread again. A thread
whose latest state was not read from the database says so (`Thread.synced` is False): the
nudge policy waits for the database before deciding on it (bot/channels/listening.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from bisect import insort
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.conversation import Conversation, Message, Role
from bot.store.tracking import TrackingUnavailable

if TYPE_CHECKING:
    from bot.channels.runtime import Runtime
    from bot.store.tracking import StoredThread, ThreadLog

log = logging.getLogger(__name__)

# Memory is a front for the log (the truth), so it keeps only the recently active: at most
# MAX_THREADS threads of MAX_MESSAGES messages and MAX_CHARS characters of text in all, and
# MAX_TIPS tips (their conversations within MAX_TIP_CHARS); the least recently used go first.
# A soak (bench/soak.py) showed the old 5,000 threads growing ~1 KiB per event for 25,000 events.
MAX_THREADS = 1000
MAX_MESSAGES = 50
MAX_CHARS = 2_000_000
MAX_TIPS = 1000
MAX_TIP_CHARS = 2_000_000
MAX_UNSAVED = 10_000  # messages kept for writing back while the database is down
# Seconds between database attempts for tracking while it is down: short, so that replicas
# read each other's messages again as soon as it is back.
TRACKING_RETRY_SECONDS = 1.0


def _ts(message: Message) -> float:
    return message.ts or 0.0


def _chars(conversation: Conversation | None) -> int:
    return sum(len(m.text) for m in conversation.messages) if conversation else 0


@dataclass
class Tip:
    """A tip shown to someone: what the buttons and the acceptance inference need."""

    log_id: str
    channel: str | None
    thread_id: str | None
    user: str | None
    suggestions: list[str]
    avoid: list[str] = field(default_factory=list)
    variant: int = 0
    conversation: Conversation | None = None


@dataclass
class Thread:
    """A tracked thread: `channel` is where it is (a Slack channel, a Teams channel or group
    chat), `thread_id` names it there (a Slack thread_ts, a Teams reply chain id)."""

    kind: str
    channel: str
    thread_id: str
    key: str  # unique across channels: "slack:C0123:1700000000.000100", "teams:19:...;messageid=1"
    conversation: Conversation
    level: str = "none"  # as last decided (bot/channels/listening.py)
    cared: bool = False  # the customer was last found to need care
    assessed_on: int = 0  # messages the thread had when its level was last assessed
    decided_on: int = 0  # ... and when a decision (and its nudge) was last done with
    participants: set[str] = field(default_factory=set)
    updated: float = field(default_factory=time.monotonic)
    pending: list[Tip] = field(default_factory=list)  # tips awaiting the agent's next message
    synced: bool = True  # False: the database could not be read for its latest state
    workspace: str | None = None


@dataclass(frozen=True, slots=True)
class Unsaved:
    """A message the database could not take, kept to be written back."""

    channel: str
    thread_id: str
    message: Message
    message_id: str
    workspace: str | None


def slack_log_key(channel: str, thread_id: str) -> str:
    """A Slack thread's key in the log's tracked messages: its thread_ts names it per channel."""
    return f"{channel}:{thread_id}"


class ThreadTracker:
    """The threads of one channel kind (`slack`, `teams`); `log_key` names a thread in the
    log's tracked messages (kept as each channel has always stored them)."""

    def __init__(
        self,
        kind: str = "slack",
        log: ThreadLog | None = None,
        log_key: Callable[[str, str], str] = slack_log_key,
        max_threads: int = MAX_THREADS,
        max_messages: int = MAX_MESSAGES,
        max_chars: int = MAX_CHARS,
        max_tips: int = MAX_TIPS,
        max_tip_chars: int = MAX_TIP_CHARS,
        max_unsaved: int = MAX_UNSAVED,
    ):
        self.kind, self.log, self.log_key = kind, log, log_key
        self.max_threads, self.max_messages, self.max_chars = max_threads, max_messages, max_chars
        self.max_tips, self.max_tip_chars = max_tips, max_tip_chars
        self._threads: OrderedDict[tuple[str, str], Thread] = OrderedDict()
        self._tips: OrderedDict[str, Tip] = OrderedDict()
        self._tip_sizes: dict[str, int] = {}
        self.chars = self.tip_chars = 0  # text held in memory by the threads, by the tips
        self._unsaved: deque[Unsaved] = deque(maxlen=max_unsaved)
        self.unsaved_dropped = 0  # messages lost because the outage outlasted MAX_UNSAVED

    # --- memory ---

    def _keep(self, found: Thread) -> Thread:
        key = (found.channel, found.thread_id)
        if self._threads.get(key) is not found:
            dropped = self._threads.pop(key, None)
            self.chars += _chars(found.conversation) - _chars(dropped and dropped.conversation)
            self._threads[key] = found
        self._evict()
        return found

    def _evict(self) -> None:
        """The least recently active threads out, down to the bounds (the newest stays)."""
        while len(self._threads) > self.max_threads or (
            self.chars > self.max_chars and len(self._threads) > 1
        ):
            _, dropped = self._threads.popitem(last=False)
            self.chars -= _chars(dropped.conversation)

    def _insert(self, found: Thread, message: Message) -> None:
        """Into the thread by ts, once: a ts names one message (restored, repeated, or merged)."""
        messages = found.conversation.messages
        if all(m.ts != message.ts for m in messages):
            before = _chars(found.conversation)
            insort(messages, message, key=_ts)
            del messages[: -self.max_messages]  # events may arrive out of order: kept by ts
            if self._threads.get((found.channel, found.thread_id)) is found:
                self.chars += _chars(found.conversation) - before
                self._evict()

    def _merge(self, found: Thread, stored: StoredThread | None) -> Thread:
        """The log's messages and authors added to the thread in memory (kept there again if it
        was dropped meanwhile). Under MOT_LOG_CONTENT=none the log has authors but no texts."""
        if (found.channel, found.thread_id) not in self._threads:
            self._keep(found)
        if stored:
            for message in stored.messages:
                self._insert(found, message)
            found.participants |= stored.authors
        return found

    def _new(self, channel: str, thread_id: str) -> Thread:
        key = f"{self.kind}:{self.log_key(channel, thread_id)}"
        found = Thread(self.kind, channel, thread_id, key, Conversation(id=key))
        return self._keep(found)

    def _remember(self, channel: str, thread_id: str, message: Message) -> Thread:
        """The message in memory, its thread made the most recently active (no I/O)."""
        key = (channel, thread_id)
        found = self._threads.get(key) or self._new(channel, thread_id)
        self._threads.move_to_end(key)
        found.updated = time.monotonic()
        self._insert(found, message)
        if message.author:
            found.participants.add(message.author)
        return found

    def _latest_in_memory(self, channel: str, user: str) -> Thread | None:
        for (thread_channel, _), found in reversed(self._threads.items()):
            if thread_channel == channel and user in found.participants:
                return found
        return None

    def cached(self, channel: str, thread_id: str) -> Thread | None:
        """The thread as this replica's memory has it: no I/O, safe on the event loop."""
        return self._threads.get((channel, thread_id))

    def __len__(self) -> int:
        return len(self._threads)

    # --- the log (in a worker thread) ---

    def _load(self, channel: str, thread_id: str) -> StoredThread | None:
        if self.log is None:
            return None
        return self.log.load(self.log_key(channel, thread_id), self.max_messages)

    def _write(self, item: Unsaved) -> None:
        """Raises TrackingUnavailable while the database is down."""
        self.log.write(
            self.log_key(item.channel, item.thread_id),
            item.message,
            item.message_id,
            workspace=item.workspace,
            channel=item.channel,
        )

    def _write_back(self) -> list[tuple[str, str]]:
        """The kept messages written, oldest first, until the database refuses one (it stays
        first in line); returns the threads that got messages back."""
        written: list[tuple[str, str]] = []
        while self._unsaved:
            item = self._unsaved[0]
            self._write(item)
            self._unsaved.popleft()
            if (item.channel, item.thread_id) not in written:
                written.append((item.channel, item.thread_id))
        if written:
            log.info(
                "%s: wrote back messages of %d thread(s) seen while the database was down",
                self.kind,
                len(written),
            )
        return written

    def _keep_unsaved(self, item: Unsaved) -> None:
        if len(self._unsaved) == self._unsaved.maxlen:
            self.unsaved_dropped += 1
            log.warning(
                "%s: the database has been down for %d messages; the oldest kept message of "
                "%s is dropped",
                self.kind,
                self._unsaved.maxlen,
                self._unsaved[0].thread_id,
            )
        self._unsaved.append(item)

    def _write_and_load(self, item: Unsaved) -> StoredThread | None:
        """One worker-thread trip: older kept messages and this one stored, then the thread as
        the log has it; None (and the message kept) while the database is down."""
        try:
            self._write_back()
            self._write(item)
        except TrackingUnavailable:
            self._keep_unsaved(item)
            return None
        return self._load(item.channel, item.thread_id)

    def _restore(self, channel: str, thread_id: str) -> Thread | None:
        """The thread from the log, when memory does not have it (kept in memory again)."""
        stored = self._load(channel, thread_id)
        if stored is None:
            return None
        return self._merge(self._new(channel, thread_id), stored)

    @property
    def unsaved(self) -> int:
        """Messages waiting to be written back."""
        return len(self._unsaved)

    # --- sync: memory first, the log on a miss (blocking; for tests and scripts) ---

    def get(self, channel: str, thread_id: str) -> Thread | None:
        found = self._threads.get((channel, thread_id))
        return found if found is not None else self._restore(channel, thread_id)

    # --- async, for the event loop: the log is the truth; its I/O runs in a worker thread ---

    async def add_async(
        self,
        channel: str,
        thread_id: str,
        role: Role,
        text: str,
        ts: float,
        author: str | None,
        workspace: str | None = None,
        message_id: str | None = None,
    ) -> Thread:
        """The message added to its thread, in memory and in the log, and the thread refreshed
        from the log: another replica may have tracked messages of it that this one never
        received. `message_id` names the message for the log (default: its ts)."""
        message = Message(role=role, text=text, ts=ts, author=author)
        found = self._remember(channel, thread_id, message)
        found.workspace = workspace or found.workspace
        if self.log is None:
            return found
        item = Unsaved(channel, thread_id, message, message_id or f"{ts:.6f}", workspace)
        stored = await asyncio.to_thread(self._write_and_load, item)
        found.synced = stored is not None
        return self._merge(found, stored)

    async def get_async(self, channel: str, thread_id: str) -> Thread | None:
        """The thread as the log has it, merged into memory; memory alone if the log is down."""
        if self.log is None:
            return self._threads.get((channel, thread_id))
        stored = await asyncio.to_thread(self._load, channel, thread_id)
        found = self._threads.get((channel, thread_id))
        if stored is None:
            if found is not None:
                found.synced = self.log.available()
            return found
        found = self._merge(found or self._new(channel, thread_id), stored)
        found.synced = True
        return found

    async def flush(self) -> list[Thread]:
        """Write back the messages kept while the database was down; returns their threads as
        the database now has them (empty while it is still down)."""
        if self.log is None or not self._unsaved:
            return []
        try:
            written = await asyncio.to_thread(self._write_back)
        except TrackingUnavailable:
            return []
        threads = [await self.get_async(channel, thread_id) for channel, thread_id in written]
        return [found for found in threads if found is not None and found.synced]

    async def latest_for_async(self, channel: str, user: str) -> Thread | None:
        """The most recently active thread in `channel` that `user` took part in, across
        replicas: the log's answer first (the user may have written last
        through another replica), memory's when the log has none or is down."""
        key = None
        if self.log is not None:
            key = await asyncio.to_thread(self.log.latest_thread, channel, user)
        prefix = self.log_key(channel, "")
        if key is not None and key.startswith(prefix):
            found = await self.get_async(channel, key.removeprefix(prefix))
            if found is not None:
                return found
        return self._latest_in_memory(channel, user)

    # --- tips shown (Slack's buttons and acceptance) ---

    def remember_tip(self, tip: Tip) -> None:
        # Sized once, as remembered: a nudge's conversation may be the thread's, still growing.
        self.tip_chars -= self._tip_sizes.pop(tip.log_id, 0)
        self._tips.pop(tip.log_id, None)
        self._tips[tip.log_id] = tip
        self._tip_sizes[tip.log_id] = _chars(tip.conversation)
        self.tip_chars += self._tip_sizes[tip.log_id]
        while len(self._tips) > self.max_tips or (
            self.tip_chars > self.max_tip_chars and len(self._tips) > 1
        ):
            dropped, _ = self._tips.popitem(last=False)
            self.tip_chars -= self._tip_sizes.pop(dropped)
        if tip.channel and tip.thread_id and tip.suggestions:
            found = self.cached(tip.channel, tip.thread_id)  # on the event loop: no I/O
            if found is not None:
                found.pending = [*[t for t in found.pending if t.user != tip.user][-4:], tip]

    def tip(self, log_id: str) -> Tip | None:
        return self._tips.get(log_id)


def tracker_for(
    runtime: Runtime, kind: str, log_key: Callable[[str, str], str] = slack_log_key
) -> ThreadTracker:
    """The channel's tracker, writing through to the runtime's log."""
    from bot.store.tracking import ThreadLog

    thread_log = ThreadLog(
        runtime.store, kind, runtime.settings.mot_log_content, TRACKING_RETRY_SECONDS
    )
    return ThreadTracker(kind, thread_log, log_key)
