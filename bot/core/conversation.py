"""Messages and conversations: the one shape every channel turns its events into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.core import prebuilt

Role = Literal["customer", "agent"]
ROLES: tuple[str, ...] = ("customer", "agent")

# "Customer: text" / "Agent: text" transcript lines; other speaker names map by the table below.
_SPEAKER_LINE = prebuilt.compile(r"^\s*([A-Za-z][\w .'-]{0,40}?)\s*:\s?(.*)$")
_SPEAKER_ROLES = {
    "customer": "customer",
    "client": "customer",
    "user": "customer",
    "caller": "customer",
    "agent": "agent",
    "support": "agent",
    "rep": "agent",
    "advisor": "agent",
    "assistant": "agent",
}


@dataclass(frozen=True, slots=True)
class Message:
    role: Role
    text: str
    ts: float | None = None  # seconds since the epoch, when the channel knows it
    author: str | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")


@dataclass(slots=True)
class Conversation:
    id: str = "adhoc"
    messages: list[Message] = field(default_factory=list)

    def add(self, role: Role, text: str, ts: float | None = None, author: str | None = None):
        self.messages.append(Message(role=role, text=text, ts=ts, author=author))
        return self

    @property
    def customer_messages(self) -> list[Message]:
        return [m for m in self.messages if m.role == "customer"]

    @property
    def last_agent(self) -> str | None:
        for message in reversed(self.messages):
            if message.role == "agent" and message.author:
                return message.author
        return None

    def is_empty(self) -> bool:
        return not any(m.text.strip() for m in self.messages)

    @classmethod
    def from_text(cls, text: str, id: str = "adhoc") -> Conversation:
        """A single message, or a transcript of `Customer: ...` / `Agent: ...` lines.

        Lines without a known speaker continue the previous message; a text with no speaker
        lines at all is one customer message.
        """
        conversation = cls(id=id)
        role: Role | None = None
        buffer: list[str] = []

        def flush() -> None:
            if role is not None and any(line.strip() for line in buffer):
                conversation.add(role, "\n".join(buffer).strip())

        for line in text.splitlines():
            match = _SPEAKER_LINE.match(line)
            speaker = _SPEAKER_ROLES.get(match.group(1).strip().lower()) if match else None
            if speaker:
                flush()
                role, buffer = speaker, [match.group(2)]
            elif role is not None:
                buffer.append(line)
        flush()
        if not conversation.messages and text.strip():
            conversation.add("customer", text.strip())
        return conversation

    @classmethod
    def from_dicts(cls, messages: list[dict], id: str = "adhoc") -> Conversation:
        """From `[{"role": ..., "text": ...}]`; raises ValueError naming the bad item."""
        conversation = cls(id=id)
        if not isinstance(messages, list):
            raise ValueError("messages must be a list")
        for index, item in enumerate(messages):
            if not isinstance(item, dict):
                raise ValueError(f"messages[{index}] must be an object")
            role, text = item.get("role", "customer"), item.get("text")
            if not isinstance(text, str):
                raise ValueError(f"messages[{index}].text must be a string")
            if role not in ROLES:
                raise ValueError(f"messages[{index}].role must be customer or agent, not {role!r}")
            ts = item.get("ts")
            conversation.add(
                role, text, ts=float(ts) if ts is not None else None, author=item.get("author")
            )
        return conversation
