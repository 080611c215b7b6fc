"""Support threads tracked from message events, and the tips shown in them.

Each thread is a Conversation built as its messages arrive, so that coaching needs no
`conversations.replies` call. The newest threads and messages are kept in memory; with a log
(`bot.store.tracking.ThreadLog`) every message is also written to the log's database (as
MOT_LOG_CONTENT allows). The tips shown are kept in memory as a front: the buttons carry what a
click needs, and the log holds every tip, so nothing depends on one process's memory.

With a log, the database is the truth: replicas behind a load balancer each receive only some
of a thread's messages, so the Slack listeners use the async face (`add_async`, `get_async`,
`latest_for_async`), which after each write, and before coaching, merges into memory the
messages the log holds that this replica has not seen (by ts, which names a message). Their
database work runs in a worker thread, never on the event loop; memory changes stay on the loop
(cheap, and without an await between reading and changing a thread, so concurrent adds to one
thread are consistent). When the database is down, memory alone answers (ThreadLog warns once
and backs off). The sync `get` (tests, scripts) reads memory, and the log only on a miss.
"""

from __future__ import annotations

import asyncio
import time
from bisect import insort
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.conversation import Conversation, Message, Role

if TYPE_CHECKING:
    from bot.store.tracking import StoredThread, ThreadLog

# Memory is a front for the log (the truth), so it keeps only the recently active: at most
# MAX_THREADS threads of MAX_MESSAGES messages and MAX_CHARS characters of text in all, and
# MAX_TIPS tips (their conversations within MAX_TIP_CHARS); the least recently used go first.
# A soak (bench/soak.py) showed the old 5,000 threads growing ~1 KiB per event for 25,000 events.
MAX_THREADS = 1000
MAX_MESSAGES = 50
MAX_CHARS = 2_000_000
MAX_TIPS = 1000
MAX_TIP_CHARS = 2_000_000


def _ts(message: Message) -> float:
    return message.ts or 0.0


def _chars(conversation: Conversation | None) -> int:
    return sum(len(m.text) for m in conversation.messages) if conversation else 0


@dataclass
class Tip:
    """A tip shown to someone: what the buttons and the acceptance inference need."""

    log_id: str
    channel: str | None
    thread_ts: str | None
    user: str | None
    suggestions: list[str]
    avoid: list[str] = field(default_factory=list)
    variant: int = 0
    conversation: Conversation | None = None


@dataclass
class Thread:
    channel: str
    thread_ts: str
    conversation: Conversation
    level: str = "none"
    participants: set[str] = field(default_factory=set)
    updated: float = field(default_factory=time.monotonic)
    pending: list[Tip] = field(default_factory=list)  # tips awaiting the agent's next message

    @property
    def key(self) -> str:
        return f"slack:{self.channel}:{self.thread_ts}"


def log_key(channel: str, thread_ts: str) -> str:
    """The thread's key in the log's tracked messages."""
    return f"{channel}:{thread_ts}"


class ThreadTracker:
    def __init__(
        self,
        max_threads: int = MAX_THREADS,
        max_messages: int = MAX_MESSAGES,
        log: ThreadLog | None = None,
        max_chars: int = MAX_CHARS,
        max_tips: int = MAX_TIPS,
        max_tip_chars: int = MAX_TIP_CHARS,
    ):
        self.max_threads, self.max_messages, self.max_chars = max_threads, max_messages, max_chars
        self.max_tips, self.max_tip_chars = max_tips, max_tip_chars
        self.log = log
        self._threads: OrderedDict[tuple[str, str], Thread] = OrderedDict()
        self._tips: OrderedDict[str, Tip] = OrderedDict()
        self._tip_sizes: dict[str, int] = {}
        self.chars = self.tip_chars = 0  # text held in memory by the threads, by the tips

    def _keep(self, found: Thread) -> Thread:
        key = (found.channel, found.thread_ts)
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
            if self._threads.get((found.channel, found.thread_ts)) is found:
                self.chars += _chars(found.conversation) - before
                self._evict()

    def _merge(self, found: Thread, stored: StoredThread | None) -> Thread:
        """The log's messages and authors added to the thread in memory (kept there again if it
        was dropped meanwhile). Under MOT_LOG_CONTENT=none the log has authors but no texts."""
        if (found.channel, found.thread_ts) not in self._threads:
            self._keep(found)
        if stored:
            for message in stored.messages:
                self._insert(found, message)
            found.participants |= stored.authors
        return found

    def _new(self, channel: str, thread_ts: str) -> Thread:
        conversation = Conversation(id=f"slack:{channel}:{thread_ts}")
        return self._keep(Thread(channel, thread_ts, conversation))

    def _remember(self, channel: str, thread_ts: str, message: Message) -> Thread:
        """The message in memory, its thread made the most recently active (no I/O)."""
        key = (channel, thread_ts)
        found = self._threads.get(key) or self._new(channel, thread_ts)
        self._threads.move_to_end(key)
        found.updated = time.monotonic()
        self._insert(found, message)
        if message.author:
            found.participants.add(message.author)
        return found

    def _load(self, channel: str, thread_ts: str) -> StoredThread | None:
        if self.log is None:
            return None
        return self.log.load(log_key(channel, thread_ts), self.max_messages)

    def _write(self, channel: str, thread_ts: str, message: Message, workspace: str | None):
        if self.log is not None:
            self.log.add(
                log_key(channel, thread_ts),
                message,
                f"{message.ts:.6f}",
                workspace=workspace,
                channel=channel,
            )

    def _write_and_load(
        self, channel: str, thread_ts: str, message: Message, workspace: str | None
    ) -> StoredThread | None:
        """One worker-thread trip: the message stored, then the thread as the log has it."""
        self._write(channel, thread_ts, message, workspace)
        return self._load(channel, thread_ts)

    def _restore(self, channel: str, thread_ts: str) -> Thread | None:
        """The thread from the log, when memory does not have it (kept in memory again)."""
        stored = self._load(channel, thread_ts)
        if stored is None:
            return None
        return self._merge(self._new(channel, thread_ts), stored)

    def _latest_in_memory(self, channel: str, user: str) -> Thread | None:
        for (thread_channel, _), found in reversed(self._threads.items()):
            if thread_channel == channel and user in found.participants:
                return found
        return None

    def cached(self, channel: str, thread_ts: str) -> Thread | None:
        """The thread as this replica's memory has it: no I/O, safe on the event loop."""
        return self._threads.get((channel, thread_ts))

    # --- sync: memory first, the log on a miss (blocking; for tests and scripts) ---

    def get(self, channel: str, thread_ts: str) -> Thread | None:
        found = self._threads.get((channel, thread_ts))
        return found if found is not None else self._restore(channel, thread_ts)

    # --- async, for the event loop: the log is the truth; its I/O runs in a worker thread ---

    async def add_async(
        self,
        channel: str,
        thread_ts: str,
        role: Role,
        text: str,
        ts: float,
        author: str | None,
        workspace: str | None = None,
    ) -> Thread:
        """The message added to its thread, in memory and in the log, and the thread refreshed
        from the log: another replica may have tracked messages of it that this one never
        received."""
        message = Message(role=role, text=text, ts=ts, author=author)
        found = self._remember(channel, thread_ts, message)
        if self.log is None:
            return found
        stored = await asyncio.to_thread(
            self._write_and_load, channel, thread_ts, message, workspace
        )
        return self._merge(found, stored)

    async def get_async(self, channel: str, thread_ts: str) -> Thread | None:
        """The thread as the log has it, merged into memory; memory alone if the log is down."""
        if self.log is None:
            return self._threads.get((channel, thread_ts))
        stored = await asyncio.to_thread(self._load, channel, thread_ts)
        found = self._threads.get((channel, thread_ts))
        if stored is None:
            return found
        return self._merge(found or self._new(channel, thread_ts), stored)

    async def latest_for_async(self, channel: str, user: str) -> Thread | None:
        """The most recently active thread in `channel` that `user` took part in, across
        replicas: the log's answer first (the user may have written last
        through another replica), memory's when the log has none or is down."""
        key = None
        if self.log is not None:
            key = await asyncio.to_thread(self.log.latest_thread, channel, user)
        if key is not None and key.startswith(f"{channel}:"):
            found = await self.get_async(channel, key.removeprefix(f"{channel}:"))
            if found is not None:
                return found
        return self._latest_in_memory(channel, user)

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
        if tip.channel and tip.thread_ts and tip.suggestions:
            found = self.cached(tip.channel, tip.thread_ts)  # on the event loop: no I/O
            if found is not None:
                found.pending = [*[t for t in found.pending if t.user != tip.user][-4:], tip]

    def tip(self, log_id: str) -> Tip | None:
        return self._tips.get(log_id)
