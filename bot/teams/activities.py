"""Reading Teams activities: clean text, the command, where a message was posted, who sent it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from botbuilder.schema import Activity

COMMAND = "mot-tip"
_MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</?p\b[^>]*>|</?div\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_COMMAND = re.compile(rf"^\s*/?{COMMAND}\b[:\s]*", re.IGNORECASE)


def plain_text(activity: Activity) -> str:
    """The message text without bot mentions or HTML, line breaks kept."""
    raw = _MENTION.sub(" ", activity.text or "")
    raw = _TAG.sub("", _BREAK.sub("\n", raw))
    lines = (" ".join(line.split()) for line in html.unescape(raw).splitlines())
    return "\n".join(line for line in lines if line).strip()


def command_argument(text: str) -> str | None:
    """The text after `mot-tip`, or None when the message is not the command."""
    match = _COMMAND.match(text)
    return text[match.end() :].strip() if match else None


def mentions_bot(activity: Activity) -> bool:
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if entity.type == "mention" and bot_id and mentioned.get("id") == bot_id:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Place:
    """Where an activity happened: the scope, the reply chain, the channel and the tenant."""

    scope: str  # personal | channel | groupChat
    chain: str  # the conversation id; for a channel, includes ;messageid= of the chain's root
    channel: str | None
    team: str | None
    tenant: str | None

    @property
    def is_personal(self) -> bool:
        return self.scope == "personal"


def place_of(activity: Activity) -> Place:
    conversation = activity.conversation
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    scope = (conversation.conversation_type if conversation else None) or "personal"
    channel = (data.get("channel") or {}).get("id") or data.get("teamsChannelId")
    if channel is None and scope != "personal" and conversation:
        channel = conversation.id.split(";")[0]
    tenant = (data.get("tenant") or {}).get("id") or (
        conversation.tenant_id if conversation else None
    )
    team = (data.get("team") or {}).get("id") or data.get("teamsTeamId")
    return Place(scope, conversation.id if conversation else "unknown", channel, team, tenant)


def sender_ids(activity: Activity) -> set[str]:
    """Every id the sender is known by: the Teams user id and the Entra object id."""
    sender = activity.from_property
    if sender is None:
        return set()
    ids = {sender.id, getattr(sender, "aad_object_id", None)}
    return {i for i in ids if i}
