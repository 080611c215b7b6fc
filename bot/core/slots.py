"""Fills reply-template slots from the conversation, or leaves a clear placeholder."""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.names import is_organisation
from bot.core.signature import signature_lines

PLACEHOLDERS = {
    "customer_name": "[customer name]",
    "reference": "[reference]",
    "timeframe": "[timeframe]",
    "agent_name": "[your name]",
}
_NAME = r"([A-Z][a-z]{1,20}(?:[ -][A-Z][a-z]{1,20})?)"
_NAME_PATTERNS = [
    prebuilt.compile(r"\b(?:[Mm]y name is|[Tt]his is|[Ii] am|[Ii]'m|[Nn]ame's)\s+" + _NAME + r"\b"),
    prebuilt.compile(
        r"(?:^|\n|[.!?]\s+)\s*(?:[Tt]hanks|[Rr]egards|[Cc]heers|[Bb]est|[Tt]hank you),?\s*\n?\s*"
        + _NAME
        + r"\s*$"
    ),
    prebuilt.compile(r"(?:^|\n)\s*[-–—~]\s*" + _NAME + r"\s*$"),
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
# "order 44120", "Ref GYM-44721", "Her student number is 2219834", "your account, number 88120045"
_REFERENCE = prebuilt.compile(
    r"\b(?:order|ticket|case|invoice|reference|ref|booking|claim|policy|account|tracking|"
    r"confirmation|reservation|student|membership|member|customer|agreement|repair|file|"
    r"transaction|contract|application|permit|licence|license|tenancy|loan|meter|serial)"
    r"(?:,?\s*(?:number|no\.?|num|id|ref\.?|reference|#))?(?:\s+is)?\s*[:#]?\s*"
    r"(#?[A-Z0-9][A-Z0-9-]{3,}[0-9][A-Z0-9-]*)",
    re.IGNORECASE,
)
_HASH_REFERENCE = prebuilt.compile(r"(?<![\w&])#([A-Z0-9-]*\d[A-Z0-9-]{2,})\b", re.IGNORECASE)
# A bare code in capitals with its number: "It's WA-339021", "booking LX4471902".
_CODE_REFERENCE = prebuilt.compile(r"(?<![\w-])([A-Z]{2,4}-?\d{5,})(?![\w-])")


# How one side addresses the other: "Hi Sarah,", "Thanks, Sarah", "@sarah_j Hi Sarah" (Twitter).
_ADDRESSED = prebuilt.compile(
    r"(?:^|\n|[.!?]\s)\s*(?:@\w+\s+)*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|"
    r"[Ss]orry|[Gg]ood (?:morning|afternoon|evening))(?: so much| again| for \w+(?: \w+)?)?,?\s+"
    + r"((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? )?[A-Z][a-z]{1,20})"
    + r"\s*[,.!:\n-]"
)
_GREETED = prebuilt.compile(
    r"(?:^|\n)\s*(?:@\w+\s+)*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|"
    r"[Gg]ood (?:morning|afternoon|evening)),?\s+([A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20})?)\b"
)
# A sign-off alone on the last line: "Priya", "- Tom", "^JS" is initials, not a name.
_SIGNED = prebuilt.compile(r"\n\s*[-–—~]?\s*" + _NAME + r"\s*$")
_NOT_NAMES |= {"There", "All", "Team", "Everyone", "Again", "Guys", "Folks", "Support", "Both"}


def _name(match: re.Match | None, others: frozenset[str] = frozenset()) -> str | None:
    """A person's name: not a stop word, not an organisation ("Thanks, British Gas"), and not
    someone the writer greeted (the other side: "Hi Sarah, ... Thanks, Sarah")."""
    if not match:
        return None
    name = match.group(1)
    if name.split()[0] in _NOT_NAMES or is_organisation(name) or name in others:
        return None
    return name


def _greeted(messages) -> frozenset[str]:
    """The names a side greets at the start of its turns ("Hi Sarah,", "Hello British Gas")."""
    return frozenset(
        word
        for message in messages
        for match in _GREETED.finditer(message.text)
        for word in (match.group(1), *match.group(1).split())
    )


def _introduced_or_signed(messages) -> str | None:
    others = _greeted(messages)
    for message in reversed(messages):
        for pattern in (*_NAME_PATTERNS, _SIGNED):
            name = _name(pattern.search(message.text), others)
            if name:
                return name
        signed = signature_lines(message.text)  # "Thanks,\nDana Whitfield\nIT Manager"
        name = _name(_SIGNED.search(f"\n{signed[0]}"), others) if signed else None
        if name:
            return name.split()[0]  # greeted by their first name
    return None


def _addressed(messages) -> str | None:
    for message in reversed(messages):
        name = _name(_ADDRESSED.search(message.text))
        if name:
            return name
    return None


def customer_name(conversation: Conversation) -> str | None:
    """From the customer's own turns (introductions, sign-offs), else how the agent greets them."""
    agents = [m for m in conversation.messages if m.role == "agent"]
    return _introduced_or_signed(conversation.customer_messages) or _addressed(agents)


def agent_name_in(conversation: Conversation) -> str | None:
    """The agent's chat name, else how they introduce or sign themselves, else how the
    customer addresses them."""
    agents = [m for m in conversation.messages if m.role == "agent"]
    return (
        conversation.last_agent
        or _introduced_or_signed(agents)
        or _addressed(conversation.customer_messages)
    )


def labelled_references(conversation: Conversation) -> dict[str, str | None]:
    """Every order, ticket, case ... reference in the thread, in order of appearance, with the
    word that named it ("claim" for "claim CLM-20931"; None for a bare code or "#A77120")."""
    found: dict[str, str | None] = {}
    for message in conversation.messages:
        for pattern in (_REFERENCE, _HASH_REFERENCE, _CODE_REFERENCE):
            for match in pattern.finditer(message.text):
                named = pattern is _REFERENCE  # "Account, number 4410923" -> "account"
                label = re.match(r"\w+", match.group(0)).group(0).lower() if named else None
                found.setdefault(match.group(1).lstrip("#"), label)
    return found


def references(conversation: Conversation) -> list[str]:
    """Every order, ticket, case ... reference in the thread, in order of appearance."""
    return list(labelled_references(conversation))


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
        "agent_name": agent_name or agent_name_in(conversation),
    }
    return {slot: found.get(slot) or placeholder for slot, placeholder in PLACEHOLDERS.items()}
