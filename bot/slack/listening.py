"""Listening to support channels: message events become tracked threads; agents' replies are
checked against the tips they were shown (acceptance) and the playbook's avoid phrases."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.acceptance import avoid_phrase_in, coaching_note, infer_acceptance
from bot.slack.nudges import check_thread
from bot.slack.service import SlackCoaching
from bot.slack.tracker import Thread

log = logging.getLogger(__name__)
HANDLED_SUBTYPES = {None, "thread_broadcast", "file_share"}  # not edits, deletions, joins...


def is_own_or_ignored(mot: SlackCoaching, event: dict, context: dict) -> bool:
    if event.get("subtype") not in HANDLED_SUBTYPES and event.get("subtype") != "bot_message":
        return True
    own = {context.get("bot_user_id"), context.get("bot_id")} - {None}
    if event.get("user") in own or event.get("bot_id") in own:
        return True
    if context.get("bot_user_id") and f"<@{context['bot_user_id']}>" in (event.get("text") or ""):
        return True  # talking to the coach (app_mention handles it), not to the customer
    is_bot = bool(event.get("bot_id")) or event.get("subtype") == "bot_message"
    return is_bot and mot.settings.mot_slack_ignore_bots


async def handle_message(
    mot: SlackCoaching, client: AsyncWebClient, body: dict, event: dict, context: dict
) -> None:
    text = (event.get("text") or "").strip()
    channel = event.get("channel")
    if not text or not channel or is_own_or_ignored(mot, event, context):
        return
    if not await mot.people.listens_to(client, channel):
        return
    event_id = body.get("event_id")
    if event_id and not await mot.claim(f"slack:event:{event_id}"):
        return
    thread_ts = event.get("thread_ts") or event["ts"]
    is_root = thread_ts == event["ts"]
    starter = event.get("user") if is_root else await thread_starter(mot, channel, thread_ts)
    user = event.get("user") or event.get("bot_id")
    role = await mot.people.role(
        client, user, event.get("user_team") or event.get("team"), body.get("team_id"), starter
    )
    thread = await mot.tracker.add_async(
        channel, thread_ts, role, text, float(event["ts"]), user, workspace=body.get("team_id")
    )
    if role == "agent" and user:
        await on_agent_reply(mot, client, thread, user, text)
    await check_thread(mot, client, thread)


async def thread_starter(mot: SlackCoaching, channel: str, thread_ts: str) -> str | None:
    """Who wrote the thread's first message, if it is tracked (it may arrive after a reply, or
    at another replica): from memory, else from the log (a first message never changes)."""
    starter = root_author(mot.tracker.cached(channel, thread_ts), thread_ts)
    if starter is None:
        starter = root_author(await mot.tracker.get_async(channel, thread_ts), thread_ts)
    return starter


def root_author(tracked: Thread | None, thread_ts: str) -> str | None:
    for message in tracked.conversation.messages if tracked else ():
        if message.ts is not None and f"{message.ts:.6f}" == thread_ts:
            return message.author
    return None


async def on_agent_reply(
    mot: SlackCoaching, client: AsyncWebClient, thread: Thread, user: str, text: str
) -> None:
    """Record what the agent did with the tips they were shown here; coach on avoid phrases."""
    mine = [tip for tip in thread.pending if tip.user in (user, None)]
    thread.pending = [tip for tip in thread.pending if tip not in mine]
    for tip in mine:
        found = infer_acceptance(tip.suggestions, text)
        await mot.record(
            tip.log_id,
            found.kind,
            suggestion_index=found.suggestion_index,
            edit_ratio=found.edit_ratio,
            actor=user,
        )
    if not mot.settings.mot_slack_avoid_phrase_notes:
        return
    phrases = [p for tip in mine for p in tip.avoid] or await asyncio.to_thread(avoid_phrases, mot)
    phrase = avoid_phrase_in(text, phrases)
    if phrase:
        await client.chat_postEphemeral(
            channel=thread.channel,
            user=user,
            thread_ts=thread.thread_ts,
            text=coaching_note(phrase),
        )


def avoid_phrases(mot: SlackCoaching) -> list[str]:
    """Every playbook's avoid phrases, for replies in threads without a tip yet."""
    return sorted({p for pb in mot.coach.playbooks.values() for p in pb.rubric.avoid})
