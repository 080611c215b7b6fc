"""Use this: records the choice and opens a modal holding the reply, to copy, or to post to the
thread when MOT_SLACK_POST_REPLIES allows."""

from __future__ import annotations

import json
import re

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.slack.blocks import split_text
from bot.slack.listeners.actions.values import button_value
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching

USE = re.compile(r"^mot_use_\d+$")
POST_CALLBACK = "mot_post_reply"
INPUT_LIMIT = 3000  # plain_text_input's initial_value


def reply_modal(text: str, can_post: bool, metadata: dict) -> dict:
    view = {
        "type": "modal",
        "callback_id": POST_CALLBACK,
        "title": {"type": "plain_text", "text": "Your reply"},
        "close": {"type": "plain_text", "text": "Done"},
        "private_metadata": json.dumps(metadata, separators=(",", ":")),
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
        tip = mot.tracker.tip(value.get("l") or "")
        index = value.get("i")
        if tip is None or not isinstance(index, int) or not 0 <= index < len(tip.suggestions):
            await respond(
                response_type="ephemeral", replace_original=False, text=messages.SLACK_TIP_EXPIRED
            )
            return
        await mot.record(tip.log_id, "used", suggestion_index=index, actor=user)
        text = tip.suggestions[index]
        can_post = mot.settings.mot_slack_post_replies and bool(tip.thread_ts and tip.channel)
        metadata = {"c": tip.channel, "t": tip.thread_ts, "l": tip.log_id, "i": index}
        await client.views_open(
            trigger_id=body["trigger_id"], view=reply_modal(text, can_post, metadata)
        )

    app.action(USE)(ack=acknowledge, lazy=[use])
