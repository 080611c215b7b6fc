"""Nudges: when a tracked thread escalates, the agent handling it gets a private tip in the
thread; high-risk threads can also alert MOT_LEADS_CHANNEL. Cooldown per thread and level."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.escalation import EscalationAssessment
from bot.slack.blocks import escape, thread_summary_text
from bot.slack.people import api_error
from bot.slack.service import SlackCoaching
from bot.slack.tracker import Thread

log = logging.getLogger(__name__)
LEVELS = {"none": 0, "watch": 1, "escalate": 2}


def should_nudge(before: str, after: str, policy: str) -> bool:
    """`escalate`: on reaching escalate. `rise`: on any rise to watch or escalate."""
    if policy == "rise":
        return LEVELS[after] > LEVELS[before]
    return after == "escalate" and before != "escalate"


def is_high_risk(escalation: EscalationAssessment) -> bool:
    """Legal threat, going public, a churn threat after repeat contact, or a customer who
    needs care (hurt, in danger, bereaved, ill, in hardship or distress)."""
    signals = escalation.signals
    return (
        bool({"legal", "public"} & signals)
        or {"cancel", "repeat"} <= signals
        or bool(escalation.care)
    )


def handling_agent(mot: SlackCoaching, thread: Thread) -> str | None:
    """The last agent who replied; else the channel's on-call (MOT_SLACK_ON_CALL)."""
    on_call = mot.settings.mot_slack_on_call
    return thread.conversation.last_agent or on_call.get(thread.channel) or on_call.get("*")


async def check_thread(mot: SlackCoaching, client: AsyncWebClient, thread: Thread) -> bool:
    """Assess the thread after a new message; nudge if it rose. True if a nudge went out."""
    assessment = await asyncio.to_thread(mot.coach.assess, thread.conversation)
    before, after = thread.level, assessment.escalation.level
    thread.level = after
    # a customer who needs care is worth a nudge (and an alert) on any rise, whatever the policy
    cared = bool(assessment.escalation.care) and LEVELS[after] > LEVELS[before]
    if not (should_nudge(before, after, mot.settings.mot_slack_nudge_on) or cared):
        return False
    agent = handling_agent(mot, thread)
    if agent is None:
        log.info("%s rose to %s but has no agent and no on-call to nudge", thread.key, after)
        return False
    if not await mot.allow_nudge(f"{thread.key}:{after}", after):
        return False
    context = {"channel": thread.channel, "thread": thread.thread_ts, "agent": agent}
    result = await mot.coach_on(thread.conversation, "nudge", context)
    reasons = "; ".join(result.assessment.escalation.reasons[:4]) or "tone and content"
    heading = f":rotating_light: This thread went from *{before}* to *{after}*: {escape(reasons)}."
    await mot.deliver(
        client,
        result,
        channel=thread.channel,
        user=agent,
        thread_ts=thread.thread_ts,
        heading=heading,
    )
    if is_high_risk(result.assessment.escalation):
        await alert_leads(mot, client, thread, result.assessment.escalation.reasons, result.summary)
    return True


async def alert_leads(
    mot: SlackCoaching,
    client: AsyncWebClient,
    thread: Thread,
    reasons: list[str],
    summary=None,  # bot.core.summary.Summary
) -> None:
    settings = mot.settings
    if not (settings.mot_slack_lead_alerts and settings.mot_leads_channel):
        return
    try:
        link = await client.chat_getPermalink(channel=thread.channel, message_ts=thread.thread_ts)
        where = f"<{link['permalink']}|Open the thread>"
    except SlackApiError as exc:
        log.warning("no permalink for %s: %s", thread.key, api_error(exc))
        where = f"in <#{thread.channel}>"
    why = "; ".join(escape(r) for r in reasons[:3])
    text = f":warning: High-risk support thread in <#{thread.channel}>: {why}. {where}"
    if summary is not None:
        text += "\n" + thread_summary_text(summary)
    await client.chat_postMessage(channel=settings.mot_leads_channel, text=text, unfurl_links=False)
