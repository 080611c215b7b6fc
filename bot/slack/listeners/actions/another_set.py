"""Another set: the same conversation coached again with the next variant of the replies."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot import messages
from bot.channels.tracker import Tip
from bot.core.conversation import Conversation
from bot.slack.home_updates import publish_home, team_of
from bot.slack.listeners.actions.values import button_value
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def regenerate(body: dict, client, respond) -> None:
        value, user = button_value(body), body["user"]["id"]
        log_id = value.get("l")
        tip = mot.tracker.tip(log_id or "")
        channel = value.get("c") or (tip.channel if tip else None)
        thread_ts = value.get("t") or (tip.thread_id if tip else None)
        team = (body.get("team") or {}).get("id")
        conversation = await coached_conversation(mot, client, value, tip, team)
        if not log_id or conversation is None or conversation.is_empty():
            await respond(
                response_type="ephemeral", replace_original=False, text=messages.SLACK_TIP_EXPIRED
            )
            return
        await mot.record(log_id, "dismissed", actor=user)
        variant = value.get("v") if isinstance(value.get("v"), int) else 1
        context = {"channel": channel, "thread": thread_ts, "agent": user, "workspace": team}
        if value.get("q"):
            context["command_text"] = value["q"]
        await mot.answer_in_place(
            client,
            conversation,
            context,
            user=user,
            response_url=body.get("response_url"),
            variant=variant,
        )
        await publish_home(mot, client, user, team_of(body))

    app.action("mot_another")(ack=acknowledge, lazy=[regenerate])


async def coached_conversation(
    mot: SlackCoaching, client, value: dict, tip: Tip | None, team: str | None
) -> Conversation | None:
    """What the first set was coached on: this process's memory, the command's text the button
    carries, or the thread (tracked, or read from Slack), so that it works after a restart."""
    if tip is not None and tip.conversation is not None:
        return tip.conversation
    if isinstance(value.get("q"), str):
        return Conversation.from_text(value["q"], id=f"slack:{value.get('c')}:command")
    if value.get("c") and value.get("t"):
        return await mot.thread_conversation(client, value["c"], value["t"], team)
    return None
