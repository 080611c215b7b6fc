"""Reply chains the bot has seen in channels, as Conversations. Bounded, in this process.

With resource-specific consent Teams sends the bot every channel message. Each reply chain keeps
its latest messages; the least recently active chains are forgotten first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from bot.core.conversation import Conversation, Message

MAX_CHAINS = 2000
MAX_MESSAGES = 50


class ReplyChains:
    def __init__(self, max_chains: int = MAX_CHAINS, max_messages: int = MAX_MESSAGES):
        self.max_chains, self.max_messages = max_chains, max_messages
        self._chains: OrderedDict[str, list[Message]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, chain: str, message: Message) -> Conversation:
        """Append a message; returns the chain as it is now."""
        with self._lock:
            messages = self._chains.pop(chain, [])
            messages = [*messages, message][-self.max_messages :]
            self._chains[chain] = messages
            while len(self._chains) > self.max_chains:
                self._chains.popitem(last=False)
            return Conversation(id=chain, messages=list(messages))

    def get(self, chain: str) -> Conversation:
        with self._lock:
            return Conversation(id=chain, messages=list(self._chains.get(chain, [])))

    def __len__(self) -> int:
        return len(self._chains)
