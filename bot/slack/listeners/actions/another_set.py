"""Another set: the same conversation coached again with the next variant of the replies."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.slack.listeners.actions.values import button_value
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching
from bot.slack.streaming import drafts_to


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def regenerate(body: dict, client, respond) -> None:
        value, user = button_value(body), body["user"]["id"]
        tip = mot.tracker.tip(value.get("l") or "")
        if tip is None or tip.conversation is None:
            await respond(
                response_type="ephemeral", replace_original=False, text=messages.SLACK_TIP_EXPIRED
            )
            return
        await mot.record(tip.log_id, "dismissed", actor=user)
        variant = value.get("v") if isinstance(value.get("v"), int) else tip.variant + 1
        context = {"channel": tip.channel, "thread": tip.thread_ts, "agent": user}
        async with drafts_to(mot, body.get("response_url")) as on_draft:
            result = await mot.coach_on(
                tip.conversation, "command", context, variant=variant, on_draft=on_draft
            )
        await mot.deliver(
            client,
            result,
            channel=tip.channel,
            user=user,
            thread_ts=tip.thread_ts,
            response_url=body.get("response_url"),
            replace=True,
        )

    app.action("mot_another")(ack=acknowledge, lazy=[regenerate])
