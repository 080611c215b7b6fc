"""Tracked thread messages in the log's database, shared by Slack threads and Teams reply chains.

The channels keep their recent threads in memory as a front; every message they track is also
written here, and a thread missing from memory (after a restart, or on another replica) is read
back from here. The text follows MOT_LOG_CONTENT: as is (`full`), with PII replaced (`redacted`,
so the coach works on the redacted text after a restart), or not at all (`none`: only who wrote
what when is kept, so a restored thread knows its participants but has no messages to coach on).

A database outage never fails a request: tracking falls back to memory only (with a warning)
and the database is tried again after `retry_after` seconds.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from bot.core.conversation import Message
from bot.core.redact import redact
from bot.store.outage import RETRY_AFTER, OutageGuard

log = logging.getLogger(__name__)


def stored_text(text: str, content_mode: str) -> str | None:
    """The text to store for a tracked message under MOT_LOG_CONTENT `content_mode`."""
    if content_mode == "full":
        return text
    if content_mode == "none":
        return None
    return redact(text).text


_DOWN = object()  # what the guard answers while the database is down


class TrackingUnavailable(Exception):
    """The database cannot take tracked messages now (down, or backing off after a failure)."""


@dataclass
class StoredThread:
    """A thread as the database has it: the messages with text (oldest first) and every author."""

    messages: list[Message] = field(default_factory=list)
    authors: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.messages or self.authors)


class ThreadLog:
    """Write-through and read-back of tracked messages for one channel kind (slack | teams)."""

    def __init__(
        self,
        store: Any,
        channel_kind: str,
        content_mode: str = "redacted",
        retry_after: float = RETRY_AFTER,
    ):
        self.store, self.channel_kind, self.content_mode = store, channel_kind, content_mode
        self.retry_after = retry_after
        self.guard = OutageGuard(
            store, log, f"tracked {channel_kind} messages", "tracking in memory only", retry_after
        )

    def add(
        self,
        thread_key: str,
        message: Message,
        message_id: str | None = None,
        *,
        workspace: str | None = None,
        channel: str | None = None,
    ) -> bool:
        """Store `message` (once per message id); False if it was not stored, for any reason."""
        try:
            return self.write(thread_key, message, message_id, workspace=workspace, channel=channel)
        except TrackingUnavailable:
            return False

    def write(
        self,
        thread_key: str,
        message: Message,
        message_id: str | None = None,
        *,
        workspace: str | None = None,
        channel: str | None = None,
    ) -> bool:
        """`add`, telling an outage apart: True if stored now, False if it was already stored
        (a redelivery); raises TrackingUnavailable while the database is down, so that the
        caller can keep the message and write it back later."""
        stored = self.guard.run(
            "store_tracked_message",
            lambda: self.store.add_tracked_message(
                self.channel_kind,
                thread_key,
                message_id or uuid.uuid4().hex,
                message.role,
                stored_text(message.text, self.content_mode),
                workspace=workspace,
                channel=channel,
                ts=message.ts,
                author=message.author,
            ),
            default=_DOWN,
        )
        if stored is _DOWN:
            raise TrackingUnavailable(self.channel_kind)
        return bool(stored)

    def available(self) -> bool:
        """False while backing off after a failure (no database call is tried then)."""
        return self.guard.available()

    def load(self, thread_key: str, limit: int) -> StoredThread | None:
        """The thread's last `limit` messages; None if the database has none or is down."""
        rows = self.guard.run(
            "read_tracked_thread", self.store.tracked_thread, self.channel_kind, thread_key, limit
        )
        if rows is None:
            return None
        found = StoredThread()
        for row in rows:
            if row["author"]:
                found.authors.add(row["author"])
            if row["text"] is not None and row["role"] in ("customer", "agent"):
                found.messages.append(
                    Message(role=row["role"], text=row["text"], ts=row["ts"], author=row["author"])
                )
        return found or None

    def latest_thread(self, channel: str, author: str) -> str | None:
        """The key of the most recently active thread in `channel` that `author` wrote in."""
        return self.guard.run(
            "read_latest_thread",
            self.store.latest_tracked_thread,
            self.channel_kind,
            channel,
            author,
        )
