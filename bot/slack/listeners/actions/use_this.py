"""Use this: records the choice and opens a modal holding the reply, to copy, or to post to the
thread when MOT_SLACK_POST_REPLIES allows."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.slack.blocks import split_text
from bot.slack.home_updates import publish_home, team_of
from bot.slack.listeners.actions.values import button_value
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching

USE = re.compile(r"^mot_use_\d+$")
POST_CALLBACK = "mot_post_reply"
INPUT_LIMIT = 3000  # plain_text_input's initial_value
METADATA_LIMIT = 3000  # a view's private_metadata


@dataclass
class ChosenReply:
    log_id: str
    index: int
    text: str
    channel: str | None
    thread_ts: str | None


def chosen_reply(mot: SlackCoaching, value: dict) -> ChosenReply | None:
    """The reply a Use this button stands for: from its value (which carries the text), or
    from this process's memory when the text was too long for the value."""
    log_id, index = value.get("l"), value.get("i")
    if not log_id or not isinstance(index, int) or index < 0:
        return None
    if isinstance(value.get("x"), str):
        return ChosenReply(log_id, index, value["x"], value.get("c"), value.get("t"))
    tip = mot.tracker.tip(log_id)
    if tip is None or index >= len(tip.suggestions):
        return None
    return ChosenReply(log_id, index, tip.suggestions[index], tip.channel, tip.thread_id)


def reply_modal(text: str, can_post: bool, metadata: dict) -> dict:
    """The reply, editable and ready to post, or as text to copy. The metadata carries the
    original text, for the edit ratio, when it fits Slack's 3,000 characters."""
    packed = json.dumps(metadata, separators=(",", ":"))
    if len(packed) > METADATA_LIMIT:
        packed = json.dumps({k: v for k, v in metadata.items() if k != "x"}, separators=(",", ":"))
    view = {
        "type": "modal",
        "callback_id": POST_CALLBACK,
        "title": {"type": "plain_text", "text": "Your reply"},
        "close": {"type": "plain_text", "text": "Done"},
        "private_metadata": packed,
    }
    if can_post and len(text) <= INPUT_LIMIT:
        view["submit"] = {"type": "plain_text", "text": "Post to thread"}
        view["blocks"] = [
            {
                "type": "input",
                "block_id": "reply",
                "label": {"type": "plain_text", "text": "Edit it if you like, then post it"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "initial_value": text,
                },
            }
        ]
    else:
        view["blocks"] = [
            {"type": "section", "text": {"type": "plain_text", "text": piece}}
            for piece in split_text(text)
        ][:100]
    return view


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def use(body: dict, client, respond) -> None:
        value, user = button_value(body), body["user"]["id"]
        chosen = chosen_reply(mot, value)
        if chosen is None:
            await respond(
                response_type="ephemeral", replace_original=False, text=messages.SLACK_TIP_EXPIRED
            )
            return
        await mot.record(chosen.log_id, "used", suggestion_index=chosen.index, actor=user)
        can_post = mot.settings.mot_slack_post_replies and bool(chosen.thread_ts and chosen.channel)
        metadata = {"c": chosen.channel, "t": chosen.thread_ts, "l": chosen.log_id}
        metadata |= {"i": chosen.index, "x": chosen.text}
        await client.views_open(
            trigger_id=body["trigger_id"], view=reply_modal(chosen.text, can_post, metadata)
        )
        await publish_home(mot, client, user, team_of(body))

    app.action(USE)(ack=acknowledge, lazy=[use])
