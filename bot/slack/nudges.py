"""How Slack sends what listening decides (bot/channels/listening.py): a nudge as a private
tip in the thread, a high-risk alert as a message in the leads' channel with a link."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.listening import Notice
from bot.channels.tracker import Thread
from bot.coach import CoachingResult
from bot.slack.blocks import escape, thread_summary_text
from bot.slack.people import api_error
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)


def heading(notice: Notice) -> str:
    reasons = "; ".join(notice.reasons[:4]) or "tone and content"
    words = (
        f":rotating_light: This thread went from *{notice.before}* to *{notice.after}*: "
        f"{escape(reasons)}."
    )
    return f"{words}\n_{escape(notice.note)}_" if notice.note else words


@dataclass
class SlackOutlet:
    mot: SlackCoaching
    client: AsyncWebClient

    async def nudge(
        self, thread: Thread, result: CoachingResult, user: str, notice: Notice
    ) -> bool:
        await self.mot.post_private(
            self.client,
            result,
            channel=thread.channel,
            user=user,
            thread_ts=thread.thread_id,
            heading=heading(notice),
        )
        return True

    async def alert(
        self, thread: Thread, result: CoachingResult, channel: str, notice: Notice
    ) -> bool:
        try:
            link = await self.client.chat_getPermalink(
                channel=thread.channel, message_ts=thread.thread_id
            )
            where = f"<{link['permalink']}|Open the thread>"
        except SlackApiError as exc:
            log.warning("no permalink for %s: %s", thread.key, api_error(exc))
            where = f"in <#{thread.channel}>"
        why = "; ".join(escape(r) for r in notice.reasons[:3])
        agent = result.context.get("agent")
        nobody = "" if agent else " No agent or on-call is known for it: please pick it up."
        text = f":warning: High-risk support thread in <#{thread.channel}>: {why}. {where}{nobody}"
        if result.summary is not None:
            text += "\n" + thread_summary_text(result.summary)
        await self.client.chat_postMessage(channel=channel, text=text, unfurl_links=False)
        return True


async def check_thread(
    mot: SlackCoaching, client: AsyncWebClient, thread: Thread, customer_spoke: bool = False
) -> bool:
    """After a new message: the channels' nudge policy, sent through Slack."""
    return await mot.listening.check(thread, SlackOutlet(mot, client), customer_spoke)
