"""The "Post to thread" modal submission: posts the (possibly edited) reply in the thread."""

from __future__ import annotations

import json
import logging

from slack_bolt.async_app import AsyncApp

from bot.core.text import edited_fraction
from bot.slack.home_updates import publish_home, team_of
from bot.slack.listeners.actions.use_this import POST_CALLBACK, chosen_reply
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack, view: dict) -> None:
        text = view["state"]["values"]["reply"]["text"].get("value") or ""
        if not text.strip():
            await ack(response_action="errors", errors={"reply": "The reply is empty."})
            return
        await ack()

    @logged(mot.gate)
    async def post(body: dict, view: dict, client) -> None:
        if not mot.settings.mot_slack_post_replies:
            return
        metadata = json.loads(view.get("private_metadata") or "{}")
        text = view["state"]["values"]["reply"]["text"]["value"]
        user = body["user"]["id"]
        # Posted under the agent's name and picture (scope chat:write.customize); Slack marks
        # it as sent by the app. Posting as the agent themselves would need their user token.
        face = await mot.people.face(client, user)
        shown_as = {"username": face.name, "icon_url": face.icon_url} if face.name else {}
        shown_as = {key: value for key, value in shown_as.items() if value}
        await client.chat_postMessage(
            channel=metadata["c"],
            thread_ts=metadata["t"],
            text=text,
            **shown_as,
            metadata={"event_type": "mot_reply", "event_payload": {"agent": user}},
        )
        chosen = chosen_reply(mot, metadata)
        if chosen is not None and text != chosen.text:
            ratio = edited_fraction(chosen.text, text)
            await mot.record(
                chosen.log_id, "edited", suggestion_index=chosen.index, edit_ratio=ratio, actor=user
            )
        await publish_home(mot, client, user, team_of(body))

    app.view(POST_CALLBACK)(ack=acknowledge, lazy=[post])
