"""What every Slack listener shares: the Coach, the log, tracked threads, people, and delivery
of a coaching result as private Block Kit messages. Blocking work runs off the event loop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

import aiohttp
from cachetools import LRUCache
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import messages
from bot.channels.delivered import delivering, record_outcome
from bot.channels.listening import Listening
from bot.channels.runtime import Runtime
from bot.channels.tracker import Tip, tracker_for
from bot.coach import CoachingResult
from bot.core.conversation import Conversation
from bot.llm.guard import DraftCallback
from bot.slack.blocks import result_messages
from bot.slack.people import People
from bot.slack.streaming import drafts_to

log = logging.getLogger(__name__)
REPLIES_LIMIT = 50  # thread messages fetched when a thread was not tracked
AFTER_ACK_GRACE = 10.0  # seconds a stopping server gives tips under way to be delivered
REPLAY = "mot_replay"  # on Bolt's context: this command or shortcut was handled already
MAX_WORKSPACE_PEOPLE = 1000  # workspaces whose people (user groups, names) are remembered


class DeliveryError(Exception):
    """Slack refused a response_url post (expired, or used too often)."""


class SlackCoaching:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.settings, self.coach, self.sink = runtime.settings, runtime.coach, runtime.sink
        self.store = runtime.store
        self.tracker = tracker_for(runtime, "slack")
        self.listening = Listening(runtime, "slack", self.tracker)
        self.tip_log = self._tip_log()
        self.people = People(runtime.settings, self.listening.places)  # with no workspace
        self._people: LRUCache = LRUCache(MAX_WORKSPACE_PEOPLE)  # workspace -> (its, People)
        self.gate = asyncio.Semaphore(runtime.settings.mot_slack_concurrency)  # listeners/logged.py
        self._http: aiohttp.ClientSession | None = None
        self._after_ack: set[asyncio.Task] = set()  # work started by after_ack, until done
        self.oauth = None  # OAuth mode: the stores (bot/slack/oauth/flow.py); None: one token

    def _tip_log(self):
        """Tips still open in the log: what another process (or this one before a restart)
        showed, for acceptance without clicks (listening.on_agent_reply)."""
        from bot.store.tips import TipLog

        return TipLog(self.store)

    # --- the coach and the log, off the event loop ---

    async def coach_on(
        self,
        conversation: Conversation,
        trigger: str,
        context: dict,
        variant: int = 0,
        on_draft: DraftCallback | None = None,
    ) -> CoachingResult:
        # Logged by `deliver`: recorded before it is sent, marked shown after (bot/delivered.py).
        context = {"channel_kind": "slack", "variant": variant, **context}
        return await asyncio.to_thread(
            self.runtime.coach_in_workspace,  # the Coach of the context's workspace
            conversation,
            trigger=trigger,
            context=context,
            variant=variant,
            record=False,
            on_draft=on_draft,
        )

    async def people_in(self, team: str | None) -> People:
        """Who is who in workspace `team`, on its own settings (agents, leads, channels)."""
        workspace = await self.runtime.workspaces.get_async("slack", team)
        if workspace.key is None:
            return self.people
        known = self._people.get(workspace.key)
        if known is None or known[0] is not workspace:  # new, or its settings were edited
            known = self._people[workspace.key] = (
                workspace,
                People(workspace.settings, workspace.places),
            )
        return known[1]

    async def claim(self, key: str) -> bool:
        """First delivery of `key` in any process (bot/store/deliveries.py)."""
        return await self.listening.claim(key)

    async def first_request(self, body: dict, context: dict) -> bool:
        """In a command's or shortcut's ack: False (and `context[REPLAY]` set, which the lazy
        listener sees) when Slack delivers it again. Its trigger_id names one user action, so
        a replay (a retry, or the same signed request sent twice) is claimed once in any
        process, like event ids; the replay gets an empty ack and nothing else."""
        trigger = body.get("trigger_id")
        if not trigger or await self.claim(f"slack:trigger:{trigger}"):
            return True
        log.info("Slack delivered trigger %s again; acknowledged and ignored", trigger)
        context[REPLAY] = True
        return False

    async def record(self, log_id: str | None, kind: str, **details: Any) -> None:
        await record_outcome(self.sink, log_id, kind, **details)

    def http_session(self) -> aiohttp.ClientSession:
        """One connection pool for every response_url post (made in the running loop)."""
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._http

    def after_ack(self, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` once the listener has acked: a task of our own, rather than a Bolt lazy
        listener, which first deep-copies the whole request (a tenth of a tip's CPU)."""
        task = asyncio.get_running_loop().create_task(work)
        self._after_ack.add(task)
        task.add_done_callback(self._after_ack.discard)

    async def close(self) -> None:
        if self._after_ack:  # tips under way are finished, not cut off (within reason)
            await asyncio.wait(set(self._after_ack), timeout=AFTER_ACK_GRACE)
        if self._http is not None:
            await self._http.close()

    async def answer_in_place(
        self,
        client: AsyncWebClient,
        conversation: Conversation,
        context: dict,
        *,
        user: str,
        response_url: str | None,
        variant: int = 0,
    ) -> None:
        """Coach on request (`/mot-tip`, Another set) and answer through `response_url`,
        replacing the message it came from, with the drafts streamed meanwhile."""
        interval = self.settings.mot_slack_stream_interval_seconds
        if self.coach.backend.composes_offline:
            interval = 0  # the offline composer writes no drafts
        async with drafts_to(response_url, interval, self.http_session) as on_draft:
            result = await self.coach_on(
                conversation, "command", context, variant=variant, on_draft=on_draft
            )
        await self.deliver(
            client,
            result,
            channel=context.get("channel"),
            user=user,
            thread_ts=context.get("thread"),
            response_url=response_url,
            replace=True,
        )

    async def placeholder(
        self, client: AsyncWebClient, channel: str, user: str, thread_ts: str | None
    ) -> None:
        """A private "Coaching…" first, where the backend (an LLM) takes a while."""
        if self.coach.backend.composes_offline:
            return
        kwargs = {"thread_ts": thread_ts} if thread_ts else {}
        await client.chat_postEphemeral(
            channel=channel, user=user, text=messages.SLACK_COACHING, **kwargs
        )

    # --- threads ---

    async def thread_conversation(
        self, client: AsyncWebClient, channel: str, thread_ts: str, home_team: str | None
    ) -> Conversation:
        """The tracked thread, or its replies fetched from Slack and given roles."""
        tracked = await self.tracker.get_async(channel, thread_ts)
        if tracked is not None and tracked.conversation.messages:
            return tracked.conversation
        response = await client.conversations_replies(
            channel=channel, ts=thread_ts, limit=REPLIES_LIMIT
        )
        conversation = Conversation(id=f"slack:{channel}:{thread_ts}")
        messages = response.get("messages") or []
        starter = messages[0].get("user") if messages else None
        for message in messages:
            if message.get("bot_id") or not (message.get("text") or "").strip():
                continue
            user = message.get("user")
            role = await (await self.people_in(home_team)).role(
                client, user, message.get("user_team") or message.get("team"), home_team, starter
            )
            conversation.add(role, message["text"], ts=float(message["ts"]), author=user)
        return conversation

    # --- delivery ---

    async def deliver(
        self,
        client: AsyncWebClient,
        result: CoachingResult,
        *,
        channel: str | None,
        user: str,
        thread_ts: str | None = None,
        response_url: str | None = None,
        heading: str | None = None,
        replace: bool = False,
    ) -> None:
        """Private to `user`: through the `response_url`, or else chat.postEphemeral. The result
        is logged before it is sent, and marked shown to `user` once delivered."""
        async with delivering(self.sink, result, to=user):
            await self.post_private(
                client,
                result,
                channel=channel,
                user=user,
                thread_ts=thread_ts,
                response_url=response_url,
                heading=heading,
                replace=replace,
            )

    async def post_private(
        self,
        client: AsyncWebClient,
        result: CoachingResult,
        *,
        channel: str | None,
        user: str,
        thread_ts: str | None = None,
        response_url: str | None = None,
        heading: str | None = None,
        replace: bool = False,
    ) -> None:
        """`deliver` without the logging (for a result the caller logs)."""
        for number, message in enumerate(result_messages(result, heading)):
            if response_url:
                webhook = AsyncWebhookClient(response_url, session=self.http_session())
                response = await webhook.send(
                    response_type="ephemeral",
                    replace_original=replace and number == 0,
                    **message,
                )
                if response.status_code != 200:
                    raise DeliveryError(f"response_url answered {response.status_code}")
            else:
                kwargs = {"thread_ts": thread_ts} if thread_ts else {}
                await client.chat_postEphemeral(channel=channel, user=user, **message, **kwargs)
        self.remember_tip(result, channel, user, thread_ts)

    def remember_tip(
        self, result: CoachingResult, channel: str | None, user: str, thread_ts: str | None
    ) -> None:
        """What the buttons and the acceptance inference need, of a logged tip."""
        log_id = result.context.get("log_id")
        if not (log_id and result.suggestions):
            return
        playbook = result.assessment.playbook
        self.tracker.remember_tip(
            Tip(
                log_id=log_id,
                channel=channel,
                thread_id=thread_ts,
                user=user,
                suggestions=[s.text for s in result.suggestions],
                avoid=list(playbook.rubric.avoid) if playbook else [],
                variant=int(result.context.get("variant", 0)),
                conversation=result.conversation,
            )
        )
