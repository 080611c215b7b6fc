"""Drafts streamed into Slack while an LLM writes: the private message behind a response_url is
replaced by the newest provisional replies, then by the final tip.

Slack takes at most 5 posts per response_url (within 30 minutes) and the final tip needs one or
two, so a stream shows at most MAX_DRAFTS drafts, at most one per
MOT_SLACK_STREAM_INTERVAL_SECONDS. Drafts that arrive in between are coalesced, never queued:
each post carries the newest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable

import aiohttp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.llm.base import DraftCallback
from bot.slack.blocks import escape, split_text

log = logging.getLogger(__name__)
WRITING = "Writing suggestions…"
MAX_DRAFTS = 3  # of a response_url's 5 posts: the final tip keeps the other two
MAX_REPLIES = 10  # reply texts shown in one draft (a playbook asks for three)
DRAFT_TIMEOUT = 3.0  # seconds; a draft slower than this is given up, the tip is not held back


def draft_message(drafts: tuple[str, ...]) -> dict:
    """A context line, then each partial reply in a section within Slack's 3,000 characters."""
    blocks = [{"type": "context", "elements": [{"type": "mrkdwn", "text": f"_{WRITING}_"}]}]
    for number, text in enumerate(drafts[:MAX_REPLIES], 1):
        piece = split_text(f"*{number}.* {escape(text)}")[0]
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": piece}})
    return {"text": WRITING, "blocks": blocks}


class DraftStreamer:
    """Posts the newest draft through `response_url`, replacing the previous message.

    `on_draft` is called from the coaching thread; everything else runs on the event loop.
    The first draft goes out one interval after the start, so a quick answer has none.
    """

    def __init__(self, response_url: str, interval: float, session: aiohttp.ClientSession):
        self.webhook = AsyncWebhookClient(response_url, session=session)
        self.interval, self.posted = interval, 0
        self._loop = asyncio.get_running_loop()
        self._last_post = self._loop.time()
        self._latest: tuple[str, ...] | None = None
        self._task: asyncio.Task | None = None
        self._posting = self._closed = False

    def on_draft(self, drafts: tuple[str, ...]) -> None:
        """From the worker thread: hand the draft to the loop; never fail the coaching."""
        with contextlib.suppress(RuntimeError):  # the loop is gone: nobody to show it to
            self._loop.call_soon_threadsafe(self._offer, drafts)

    def _offer(self, drafts: tuple[str, ...]) -> None:
        if self._closed or self.posted >= MAX_DRAFTS:
            return
        self._latest = drafts
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._pump())

    async def _pump(self) -> None:
        """Posts until no newer draft is waiting, one post per interval at most."""
        while self._latest is not None and not self._closed and self.posted < MAX_DRAFTS:
            await asyncio.sleep(max(0.0, self._last_post + self.interval - self._loop.time()))
            drafts, self._latest = self._latest, None
            self._posting, self._last_post = True, self._loop.time()
            try:
                await self._post(drafts)
            finally:
                self._posting = False

    async def _post(self, drafts: tuple[str, ...]) -> None:
        self.posted += 1
        try:
            async with asyncio.timeout(DRAFT_TIMEOUT):
                response = await self.webhook.send(
                    response_type="ephemeral", replace_original=True, **draft_message(drafts)
                )
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code} {response.body}")
        except Exception as exc:  # drafts are a courtesy: stop them, the tip still goes
            log.warning("draft not shown, no more drafts for this tip: %s", exc)
            self._closed = True

    async def close(self) -> None:
        """Before the final tip: no draft after it. A draft being posted is waited for (so it
        cannot land after the tip); one waiting for its turn is dropped."""
        self._closed = True
        if self._task is None or self._task.done():
            return
        if not self._posting:
            self._task.cancel()
        await asyncio.wait([self._task])  # never raises the task's error or cancellation


@contextlib.asynccontextmanager
async def drafts_to(
    response_url: str | None, interval: float, session: Callable[[], aiohttp.ClientSession]
) -> AsyncIterator[DraftCallback | None]:
    """The `on_draft` for coach_on that streams into `response_url`, closed on leaving the block;
    None (no streaming) without a response_url or with an interval of 0."""
    if not response_url or interval <= 0:
        yield None
        return
    streamer = DraftStreamer(response_url, interval, session())
    try:
        yield streamer.on_draft
    finally:
        await streamer.close()
