"""Fills reply-template slots from the conversation, or leaves a clear placeholder."""

from __future__ import annotations

import re

from bot.core.conversation import Conversation

PLACEHOLDERS = {
    "customer_name": "[customer name]",
    "reference": "[reference]",
    "timeframe": "[timeframe]",
    "agent_name": "[your name]",
}
_NAME = r"([A-Z][a-z]{1,20}(?:[ -][A-Z][a-z]{1,20})?)"
_NAME_PATTERNS = [
    re.compile(r"\b(?:[Mm]y name is|[Tt]his is|[Ii] am|[Ii]'m|[Nn]ame's)\s+" + _NAME + r"\b"),
    re.compile(
        r"(?:^|\n)\s*(?:[Tt]hanks|[Rr]egards|[Cc]heers|[Bb]est|[Tt]hank you),?\s*\n?\s*"
        + _NAME
        + r"\s*$"
    ),
    re.compile(r"(?:^|\n)\s*[-–—~]\s*" + _NAME + r"\s*$"),
]
_NOT_NAMES = frozenset(
    [
        "Sorry",
        "Still",
        "Not",
        "Very",
        "So",
        "Really",
        "Just",
        "Calling",
        "Writing",
        "Trying",
        "Here",
        "Done",
        "Fed",
        "Tired",
        "Angry",
        "Happy",
        "Going",
        "Looking",
        "Waiting",
        "Sure",
        "Good",
        "Fine",
        "Okay",
        "Ok",
        "Please",
        "The",
        "This",
        "That",
    ]
)
_REFERENCE = re.compile(
    r"\b(?:order|ticket|case|invoice|reference|ref|booking|claim|policy|account|tracking|"
    r"confirmation|reservation)\s*(?:number|no\.?|num|id|#)?\s*[:#]?\s*"
    r"(#?[A-Z0-9][A-Z0-9-]{3,}[0-9][A-Z0-9-]*)",
    re.IGNORECASE,
)
_HASH_REFERENCE = re.compile(r"(?<![\w&])#([A-Z0-9-]*\d[A-Z0-9-]{2,})\b", re.IGNORECASE)


def customer_name(conversation: Conversation) -> str | None:
    for message in reversed(conversation.customer_messages):
        for pattern in _NAME_PATTERNS:
            match = pattern.search(message.text)
            if match and match.group(1).split()[0] not in _NOT_NAMES:
                return match.group(1)
    return None


def reference(conversation: Conversation) -> str | None:
    for message in reversed(conversation.messages):
        match = _REFERENCE.search(message.text) or _HASH_REFERENCE.search(message.text)
        if match:
            return match.group(1).lstrip("#")
    return None


def fill_slots(conversation: Conversation, agent_name: str | None = None) -> dict[str, str]:
    """Slot values for reply templates; unknown ones are a bracketed placeholder."""
    found = {
        "customer_name": customer_name(conversation),
        "reference": reference(conversation),
        "agent_name": agent_name or conversation.last_agent,
    }
    return {slot: found.get(slot) or placeholder for slot, placeholder in PLACEHOLDERS.items()}
