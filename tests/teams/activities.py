"""Bot Framework activities as Teams sends them (JSON), for the tests."""

from __future__ import annotations

import itertools

BOT_ID = "28:bot-app-id"
TENANT = "tenant-1"
CHANNEL = "19:support@thread.tacv2"
TEAM = "19:team@thread.tacv2"
_ids = itertools.count(1_700_000_000_000)


def _base(service_url: str, conversation: dict, sender: dict, channel_data: dict) -> dict:
    return {
        "type": "message",
        "id": str(next(_ids)),
        "timestamp": "2026-11-23T10:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": sender,
        "conversation": conversation,
        "recipient": {"id": BOT_ID, "name": "mot-coach"},
        "textFormat": "plain",
        "locale": "en-US",
        "channelData": channel_data,
    }


def user(user_id: str, name: str) -> dict:
    return {"id": user_id, "name": name, "aadObjectId": f"aad-{user_id}"}


def personal(service_url: str, text: str, sender: dict | None = None) -> dict:
    sender = sender or user("29:ana", "Ana Agent")
    activity = _base(
        service_url,
        {"conversationType": "personal", "tenantId": TENANT, "id": "a:personal-ana"},
        sender,
        {"tenant": {"id": TENANT}},
    )
    activity["text"] = text
    return activity


def channel_message(
    service_url: str, root: str, text: str, sender: dict, mention: bool = False
) -> dict:
    conversation = {
        "isGroup": True,
        "conversationType": "channel",
        "tenantId": TENANT,
        "id": f"{CHANNEL};messageid={root}",
    }
    data = {
        "teamsChannelId": CHANNEL,
        "teamsTeamId": TEAM,
        "channel": {"id": CHANNEL},
        "team": {"id": TEAM},
        "tenant": {"id": TENANT},
    }
    activity = _base(service_url, conversation, sender, data)
    activity["textFormat"] = "xml"
    if mention:
        activity["text"] = f"<at>mot-coach</at> {text}"
        activity["entities"] = [
            {
                "type": "mention",
                "text": "<at>mot-coach</at>",
                "mentioned": {"id": BOT_ID, "name": "mot-coach"},
            }
        ]
    else:
        activity["text"] = f"<p>{text}</p>"
    return activity


def card_action(service_url: str, verb: str, data: dict, sender: dict | None = None) -> dict:
    activity = personal(service_url, "", sender)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        value={"action": {"type": "Action.Execute", "verb": verb, "data": data}},
    )
    activity.pop("text")
    return activity


def installed(service_url: str) -> dict:
    activity = personal(service_url, "")
    activity.pop("text")
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT_ID}, {"id": "29:ana"}])
    return activity
