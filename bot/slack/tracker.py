"""Support threads tracked from message events, and the tips shown in them.

Each thread is a Conversation built as its messages arrive, so that coaching needs no
`conversations.replies` call. The newest threads and messages are kept in memory; with a log
(`bot.store.tracking.ThreadLog`) every message is also written to the log's database (as
MOT_LOG_CONTENT allows), and a thread missing from memory, after a restart or on another
replica, is read back from it. Tips stay in memory only.
"""

from __future__ import annotations

import time
from bisect import insort
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.conversation import Conversation, Message, Role

if TYPE_CHECKING:
    from bot.store.tracking import ThreadLog

MAX_THREADS = 5000
MAX_MESSAGES = 50
MAX_TIPS = 5000


def _ts(message: Message) -> float:
    return message.ts or 0.0


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
    ):
        self.max_threads, self.max_messages = max_threads, max_messages
        self.log = log
        self._threads: OrderedDict[tuple[str, str], Thread] = OrderedDict()
        self._tips: OrderedDict[str, Tip] = OrderedDict()

    def _keep(self, found: Thread) -> Thread:
        self._threads[(found.channel, found.thread_ts)] = found
        while len(self._threads) > self.max_threads:
            self._threads.popitem(last=False)
        return found

    def _restore(self, channel: str, thread_ts: str) -> Thread | None:
        """The thread from the log, when memory does not have it (kept in memory again)."""
        if self.log is None:
            return None
        stored = self.log.load(log_key(channel, thread_ts), self.max_messages)
        if stored is None:
            return None
        conversation = Conversation(id=f"slack:{channel}:{thread_ts}", messages=stored.messages)
        conversation.messages.sort(key=_ts)
        return self._keep(Thread(channel, thread_ts, conversation, participants=stored.authors))

    def get(self, channel: str, thread_ts: str) -> Thread | None:
        found = self._threads.get((channel, thread_ts))
        return found if found is not None else self._restore(channel, thread_ts)

    def thread(self, channel: str, thread_ts: str) -> Thread:
        key = (channel, thread_ts)
        found = self.get(channel, thread_ts)
        if found is None:
            found = self._keep(
                Thread(channel, thread_ts, Conversation(id=f"slack:{channel}:{thread_ts}"))
            )
        self._threads.move_to_end(key)
        found.updated = time.monotonic()
        return found

    def add(
        self,
        channel: str,
        thread_ts: str,
        role: Role,
        text: str,
        ts: float,
        author: str | None,
        workspace: str | None = None,
    ) -> Thread:
        found = self.thread(channel, thread_ts)
        messages = found.conversation.messages
        message = Message(role=role, text=text, ts=ts, author=author)
        if all(m.ts != ts for m in messages):  # a ts names one message: restored, or repeated
            insort(messages, message, key=_ts)
            del messages[: -self.max_messages]  # events may arrive out of order: kept by ts
        if author:
            found.participants.add(author)
        if self.log is not None:
            self.log.add(
                log_key(channel, thread_ts),
                message,
                f"{ts:.6f}",
                workspace=workspace,
                channel=channel,
            )
        return found

    def latest_for(self, channel: str, user: str) -> Thread | None:
        """The most recently active thread in `channel` that `user` took part in."""
        for (thread_channel, _), found in reversed(self._threads.items()):
            if thread_channel == channel and user in found.participants:
                return found
        key = self.log.latest_thread(channel, user) if self.log is not None else None
        if key is None or not key.startswith(f"{channel}:"):
            return None
        return self.get(channel, key.removeprefix(f"{channel}:"))

    def remember_tip(self, tip: Tip) -> None:
        self._tips[tip.log_id] = tip
        while len(self._tips) > MAX_TIPS:
            self._tips.popitem(last=False)
        if tip.channel and tip.thread_ts and tip.suggestions:
            found = self.get(tip.channel, tip.thread_ts)
            if found is not None:
                found.pending = [*[t for t in found.pending if t.user != tip.user][-4:], tip]

    def tip(self, log_id: str) -> Tip | None:
        return self._tips.get(log_id)
