"""Reply chains the bot has seen in channels, as Conversations. Bounded in memory, and kept in
the log's database too when there is one.

With resource-specific consent Teams sends the bot every channel message. Each reply chain keeps
its latest messages; the least recently active chains are forgotten first. With a log
(`bot.store.tracking.ThreadLog`) every message is also written to the database (as
MOT_LOG_CONTENT allows), and a chain missing from memory, after a restart or on another replica,
is read back from it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from bot.core.conversation import Conversation, Message

if TYPE_CHECKING:
    from bot.store.tracking import ThreadLog

MAX_CHAINS = 2000
MAX_MESSAGES = 50


class ReplyChains:
    def __init__(
        self,
        max_chains: int = MAX_CHAINS,
        max_messages: int = MAX_MESSAGES,
        log: ThreadLog | None = None,
    ):
        self.max_chains, self.max_messages = max_chains, max_messages
        self.log = log
        self._chains: OrderedDict[str, list[Message]] = OrderedDict()
        self._lock = threading.Lock()

    def _stored(self, chain: str) -> list[Message] | None:
        """The chain's messages from the log, when memory does not have the chain."""
        with self._lock:
            if chain in self._chains or self.log is None:
                return None
        stored = self.log.load(chain, self.max_messages)
        return stored.messages if stored is not None else None

    def _keep(self, chain: str, messages: list[Message]) -> None:
        self._chains[chain] = messages
        while len(self._chains) > self.max_chains:
            self._chains.popitem(last=False)

    def add(
        self,
        chain: str,
        message: Message,
        *,
        message_id: str | None = None,
        tenant: str | None = None,
        channel: str | None = None,
    ) -> Conversation:
        """Append a message; returns the chain as it is now. `message_id` (the activity id)
        keeps a redelivered message from being stored twice."""
        stored = self._stored(chain)
        with self._lock:
            messages = self._chains.pop(chain, None)
            if messages is None:
                messages = stored or []
            messages = [*messages, message][-self.max_messages :]
            self._keep(chain, messages)
            conversation = Conversation(id=chain, messages=list(messages))
        if self.log is not None:
            self.log.add(chain, message, message_id, workspace=tenant, channel=channel)
        return conversation

    def get(self, chain: str) -> Conversation:
        stored = self._stored(chain)
        with self._lock:
            messages = self._chains.get(chain)
            if messages is None and stored:
                messages = stored
                self._keep(chain, messages)
            return Conversation(id=chain, messages=list(messages or []))

    def __len__(self) -> int:
        return len(self._chains)
