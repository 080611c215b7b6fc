"""Listening to support channels: message events become tracked threads; agents' replies are
checked against the tips they were shown (acceptance) and the playbook's avoid phrases."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.tracker import Thread
from bot.slack.acceptance import avoid_phrase_in, coaching_note, infer_acceptance
from bot.slack.nudges import check_thread
from bot.slack.service import SlackCoaching
from bot.slack.workspace import workspace_of
from bot.store.records import protect

if TYPE_CHECKING:
    from bot.store.tips import LoggedTip

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
    workspace = workspace_of(body, context)
    people = await mot.people_in(workspace)
    if not await people.listens_to(client, channel):
        return
    event_id = body.get("event_id")
    if event_id and not await mot.listening.claim(f"slack:event:{event_id}"):
        return
    thread_ts = event.get("thread_ts") or event["ts"]
    is_root = thread_ts == event["ts"]
    starter = event.get("user") if is_root else await thread_starter(mot, channel, thread_ts)
    user = event.get("user") or event.get("bot_id")
    role = await people.role(
        client, user, event.get("user_team") or event.get("team"), body.get("team_id"), starter
    )
    thread = await mot.listening.track(
        channel,
        thread_ts,
        role,
        text,
        float(event["ts"]),
        user,
        workspace=workspace,
    )
    if role == "agent" and user:
        await on_agent_reply(mot, client, thread, user, text)
    await check_thread(mot, client, thread, customer_spoke=role == "customer")


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
    """Record what the agent did with the tips they were shown here: those in this process's
    memory first, then those only the log holds (shown before a restart, or by another
    replica); coach on avoid phrases."""
    mine = [tip for tip in thread.pending if tip.user in (user, None)]
    thread.pending = [tip for tip in thread.pending if tip not in mine]
    for tip in mine:
        await record_acceptance(mot, tip.log_id, tip.suggestions, text, user)
    logged = await logged_tips(mot, thread, user, {tip.log_id for tip in mine})
    for logged_tip in logged:
        # compared as the log keeps suggestions
        sent = protect(text, logged_tip.content_mode, thread.conversation)
        await record_acceptance(mot, logged_tip.uid, logged_tip.suggestions, sent, user)
    if not mot.settings.mot_slack_avoid_phrase_notes:
        return
    playbooks = (await mot.runtime.workspaces.get_async("slack", thread.workspace)).coach.playbooks
    phrases = [p for tip in mine for p in tip.avoid] + logged_avoid_phrases(playbooks, logged)
    phrase = avoid_phrase_in(text, phrases or await asyncio.to_thread(avoid_phrases, playbooks))
    if phrase:
        await client.chat_postEphemeral(
            channel=thread.channel,
            user=user,
            thread_ts=thread.thread_id,
            text=coaching_note(phrase),
        )


async def record_acceptance(
    mot: SlackCoaching, log_id: str, suggestions: list[str], sent: str, user: str
) -> None:
    """One outcome per tip: a replica may still hold in memory a tip that another one settled
    from the log, so the tip is claimed in the log first (as event deliveries are)."""
    if not await mot.claim(f"slack:acceptance:{log_id}"):
        return
    found = infer_acceptance(suggestions, sent)
    await mot.record(
        log_id,
        found.kind,
        suggestion_index=found.suggestion_index,
        edit_ratio=found.edit_ratio,
        actor=user,
    )


async def logged_tips(
    mot: SlackCoaching, thread: Thread, user: str, known: set[str]
) -> list[LoggedTip]:
    """The log's open tips for `user` in the thread that memory did not hold (read in a worker
    thread; none while the log is down). Tips logged without text cannot be compared."""
    if mot.tip_log is None:
        return []
    tips = await asyncio.to_thread(mot.tip_log.open, thread.key, user)
    return [tip for tip in tips if tip.uid not in known and any(tip.suggestions)]


def logged_avoid_phrases(playbooks: dict, tips: list[LoggedTip]) -> list[str]:
    return [
        p for tip in tips if tip.playbook in playbooks for p in playbooks[tip.playbook].rubric.avoid
    ]


def avoid_phrases(playbooks: dict) -> list[str]:
    """Every playbook's avoid phrases, for replies in threads without a tip yet."""
    return sorted({p for pb in playbooks.values() for p in pb.rubric.avoid})
