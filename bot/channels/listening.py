"""Listening, the same in every channel: a message in a support channel is claimed once (by its
id, in the log's database, so that a retry at another replica is a repeat too), tracked, and
its thread checked against the nudge policy; the channel only sends what is decided (`Outlet`).

Replicas agree because the database decides: the thread is read back from it before a nudge
is decided, and the cooldown is claimed in it. A thread whose latest state could not be read
(the database is down) is not decided from one replica's partial memory: it waits, and is
decided once its messages have been written back (bot/channels/tracker.py), at most
DEFER_SECONDS later; after that it is decided from memory, so an escalation is never lost.
When no agent is known the nudge goes to the on-call or, failing that, the leads' channel;
when there is none of them it is logged as a warning.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Protocol

from bot.channels.delivered import mark_shown, record_before_delivery
from bot.channels.nudging import NudgePolicy
from bot.channels.places import Places, Target
from bot.channels.runtime import Runtime
from bot.channels.tracker import Thread, ThreadTracker
from bot.coach import CoachingResult
from bot.core.conversation import Role
from bot.store.deliveries import Deliveries
from bot.store.follow_ups import FollowUp, record_follow_ups
from bot.store.outage import OutageGuard

log = logging.getLogger(__name__)
DEFER_SECONDS = 120.0  # longest wait for the database before a thread is decided from memory
RECHECK_SECONDS = 1.0  # between attempts to write back and decide, while the database is down
MAX_DEFERRED = 10_000  # threads waiting; beyond it a thread is decided from memory at once


@dataclass(frozen=True, slots=True)
class Notice:
    """Why a nudge was sent, for the channel to render: the rise, its reasons, the playbook's
    note, and who it was meant for when it goes to the leads' channel instead."""

    before: str
    after: str
    reasons: list[str]
    note: str | None = None


class Outlet(Protocol):
    """How a channel sends what listening decides, for the thread of one event."""

    async def nudge(
        self, thread: Thread, result: CoachingResult, user: str, notice: Notice
    ) -> bool:
        """A private tip to `user` in (or about) the thread; True once sent."""

    async def alert(
        self, thread: Thread, result: CoachingResult, channel: str, notice: Notice
    ) -> bool:
        """A high-risk alert about the thread in the leads' `channel`; True once sent."""


class Listening:
    def __init__(
        self,
        runtime: Runtime,
        kind: str,
        tracker: ThreadTracker,
        places: Places | None = None,
    ):
        self.runtime, self.kind, self.tracker = runtime, kind, tracker
        self.places = places or runtime.workspaces.default(kind).places  # with no workspace
        self.policy = NudgePolicy.from_settings(runtime.settings)
        self.deliveries = Deliveries(runtime.store, kind)
        self.follow_ups = OutageGuard(
            runtime.store, log, "tip follow-ups", "not recorded meanwhile"
        )
        self._deferred: dict[str, Outlet] = {}  # thread key: how to send, once decided
        self._threads: dict[str, Thread] = {}
        self._since: dict[str, float] = {}  # thread key: when it began to wait
        self._wake = asyncio.Event()
        self.repeats = 0  # deliveries found to be repeats (retries), since start
        self.deciding = 0  # decisions under way (their nudges may not be sent yet)
        runtime.listenings[kind] = self

    async def claim(self, key: str) -> bool:
        """True for the first delivery of `key` in any process (bot/store/deliveries.py)."""
        first = await self.deliveries.first(key)
        self.repeats += not first
        return first

    async def track(
        self,
        channel: str,
        thread_id: str,
        role: Role,
        text: str,
        ts: float,
        author: str | None,
        workspace: str | None = None,
        message_id: str | None = None,
    ) -> Thread:
        thread = await self.tracker.add_async(
            channel, thread_id, role, text, ts, author, workspace, message_id
        )
        if self.tracker.unsaved:
            self._wake.set()
        return thread

    async def check(self, thread: Thread, outlet: Outlet, customer_spoke: bool = False) -> bool:
        """Decide on the thread now if the database has its whole state; else once it has.
        After a customer's message, also record how they answered the thread's earlier tips
        (bot/store/follow_ups.py): taken as the message arrived, recorded after any nudge."""
        said = FollowUp.of(thread.conversation) if customer_spoke else None
        nudged = False
        if thread.synced or not self._defer(thread, outlet):
            nudged = await self._decide_once(thread, outlet)
        if said is not None:
            await self.follow_ups.run_async(
                "record_follow_ups",
                record_follow_ups,
                self.runtime.store,
                said.conversation,
                said.arrived,
                default=0,
            )
        return nudged

    async def _decide_once(self, thread: Thread, outlet: Outlet) -> bool:
        """`decide`; the thread stops waiting unless the decision itself had to wait."""
        try:
            return await self.decide(thread, outlet)
        finally:
            if thread.key not in self._deferred:
                self._since.pop(thread.key, None)

    def _defer(self, thread: Thread, outlet: Outlet) -> bool:
        """Put the thread's decision off until the database is back; False when it has waited
        DEFER_SECONDS already, or too many wait (then memory decides)."""
        since = self._since.setdefault(thread.key, time.monotonic())
        if time.monotonic() - since >= DEFER_SECONDS or len(self._deferred) >= MAX_DEFERRED:
            self._deferred.pop(thread.key, None)
            self._threads.pop(thread.key, None)
            return False
        self._deferred[thread.key] = outlet
        self._threads[thread.key] = thread
        self._wake.set()
        return True

    async def _allow_nudge(self, thread: Thread, level: str, outlet: Outlet) -> bool | None:
        """The cooldown, claimed in the database (atomic across replicas); None when the
        database cannot answer and the decision waits for it. After DEFER_SECONDS, this
        process's memory answers (bot/store/deliveries.py)."""
        try:
            return await asyncio.to_thread(self._claim_nudge, thread.key, level)
        except Exception:
            if self._defer(thread, outlet):
                return None
        return await self.deliveries.allow_nudge(thread.key, level, self.policy.cooldown)

    def _claim_nudge(self, key: str, level: str) -> bool:
        self.runtime.store.ensure_schema()
        return self.runtime.store.allow_nudge(key, level, self.policy.cooldown)

    async def decide(self, thread: Thread, outlet: Outlet) -> bool:
        """Assess the thread; nudge (and alert) if it rose. True if a nudge went out."""
        seen = len(thread.conversation.messages)
        self.deciding += 1
        try:
            return await self._decide(thread, outlet, seen)
        finally:
            thread.decided_on = max(thread.decided_on, seen)
            self.deciding -= 1

    async def places_of(self, workspace: str | None) -> Places:
        """Who and where in `workspace` (its own settings, else the environment's)."""
        if workspace is None:
            return self.places
        return (await self.runtime.workspaces.get_async(self.kind, workspace)).places

    async def _decide(self, thread: Thread, outlet: Outlet, seen: int) -> bool:
        place = await self.runtime.workspaces.get_async(self.kind, thread.workspace)
        coach, places = place.coach, (place.places if thread.workspace else self.places)
        assessment = await asyncio.to_thread(coach.assess, thread.conversation)
        if seen < thread.assessed_on:
            return False  # a later message of the thread was assessed meanwhile
        thread.assessed_on = seen
        before, after = thread.level, assessment.escalation.level
        cared, thread.level = thread.cared, after
        thread.cared = bool(assessment.escalation.care)
        if not self.policy.should_nudge(before, assessment, cared):
            return False
        urgent = after == "escalate" or bool(assessment.escalation.care)
        last_agent = thread.conversation.last_agent
        target = places.nudge_target(thread.channel, last_agent, urgent)
        leads = places.leads_channel
        high = self.policy.lead_alerts and self.policy.is_high_risk(assessment.escalation)
        alert = bool(leads and high and (target is None or target.is_person))
        if target is None and not alert:
            (log.warning if urgent else log.info)(
                "%s rose to %s but there is no agent, no on-call (MOT_ON_CALL) and no leads' "
                "channel (MOT_LEADS_CHANNEL) to nudge",
                thread.key,
                after,
            )
            return False
        allowed = await self._allow_nudge(thread, after, outlet)
        if allowed is None:  # decided again once the database answers
            thread.level, thread.cared, thread.assessed_on = before, cared, 0
            return False
        if not allowed:
            return False
        result = await asyncio.to_thread(
            coach.coach, thread.conversation, "nudge", self._context(thread, target), record=False
        )
        playbook = result.assessment.playbook
        notice = Notice(
            before,
            after,
            list(result.assessment.escalation.reasons),
            playbook and playbook.nudge.note,
        )
        await record_before_delivery(self.runtime.sink, result)
        sent = await self._send(outlet, thread, result, target, notice)
        if alert:
            await self._guarded(outlet.alert(thread, result, leads, notice), "alert", thread)
        return sent

    async def _send(
        self,
        outlet: Outlet,
        thread: Thread,
        result: CoachingResult,
        target: Target | None,
        notice: Notice,
    ) -> bool:
        if target is None:
            return False
        if not target.is_person:
            return await self._guarded(
                outlet.alert(thread, result, target.id, notice), "nudge", thread
            )
        sent = await self._guarded(outlet.nudge(thread, result, target.id, notice), "nudge", thread)
        if sent:
            await mark_shown(self.runtime.sink, result, target.id)
        return sent

    async def _guarded(self, sending, what: str, thread: Thread) -> bool:
        """True once sent; a failure is logged (the tip stays logged as not shown)."""
        try:
            return await sending is not False
        except Exception:
            log.exception("could not send the %s %s for %s", self.kind, what, thread.key)
            return False

    def _context(self, thread: Thread, target: Target | None) -> dict:
        return {
            "channel_kind": self.kind,
            "workspace": thread.workspace,
            "channel": thread.channel,
            "thread": thread.thread_id,
            "agent": target.id if target and target.is_person else None,
        }

    # --- threads waiting for the database ---

    @property
    def waiting(self) -> int:
        return len(self._deferred)

    async def recheck(self) -> None:
        """Write back what the database missed, then decide every waiting thread it has again
        (or that has waited DEFER_SECONDS)."""
        await self.tracker.flush()
        for key in list(self._deferred):
            outlet, thread = self._deferred[key], self._threads[key]
            fresh = await self.tracker.get_async(thread.channel, thread.thread_id) or thread
            if fresh.synced or time.monotonic() - self._since[key] >= DEFER_SECONDS:
                del self._deferred[key]  # decide may put it back, if the database fails it
                self._threads.pop(key, None)
                if fresh is not thread:  # memory dropped it meanwhile: what it was
                    fresh.level, fresh.cared = thread.level, thread.cared
                try:
                    await self._decide_once(fresh, outlet)
                except Exception:
                    log.exception("could not decide on %s after the outage", key)

    async def run(self) -> None:
        """In the background of `serve`: rechecks while anything waits for the database."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._deferred or self.tracker.unsaved:
                await self.recheck()
                if self._deferred or self.tracker.unsaved:
                    await asyncio.sleep(RECHECK_SECONDS)

    async def background(self, _app) -> None:
        """An aiohttp cleanup context running `run` for the app's lifetime."""
        task = asyncio.create_task(self.run())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
