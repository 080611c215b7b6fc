"""Listening in channels: each reply chain is tracked; an escalating chain nudges its agent.

Teams retries a delivery it thinks failed (after about 15 s), so every channel message is
claimed by its activity id in the store first: a repeat is neither tracked nor nudged twice.
The cooldown per chain is the store's `allow_nudge`, shared with every process and with Slack
(bot/store/deliveries.py, which also says what happens while the database is down).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.schema import ChannelAccount

from bot.coach import Coach
from bot.config import Settings
from bot.core.conversation import Conversation, Message
from bot.delivered import mark_shown, record_before_delivery
from bot.store.deliveries import Deliveries
from bot.store.follow_ups import FollowUp, follow_up_safely
from bot.teams import cards
from bot.teams.activities import Place, plain_text, sender_ids
from bot.teams.chains import ReplyChains
from bot.teams.delivery import Delivery

log = logging.getLogger(__name__)
LEVELS = ("none", "watch", "escalate")


@dataclass
class Listener:
    coach: Coach
    settings: Settings
    chains: ReplyChains
    delivery: Delivery
    names: dict[str, str]  # user id -> display name, for the agents the bot has seen

    def __post_init__(self) -> None:
        self.deliveries = Deliveries(getattr(self.coach.sink, "store", None), "teams")

    def listens_to(self, place: Place, channel_name: str | None) -> bool:
        wanted = set(self.settings.mot_support_channels)
        return not wanted or bool({place.channel, channel_name} & wanted)

    def role_of(self, activity, chain: Conversation) -> str:
        """MOT_AGENTS names the agents; without it, the chain's first poster is the customer."""
        ids = sender_ids(activity)
        if self.settings.mot_agents:
            return "agent" if ids & set(self.settings.mot_agents) else "customer"
        if not chain.messages:
            return "customer"
        first = chain.messages[0]
        return "customer" if first.role == "customer" and first.author in ids else "agent"

    async def claim(self, activity) -> bool:
        """True for the first delivery of this activity (bot/store/deliveries.py)."""
        return await self.deliveries.first(f"teams:{activity.conversation.id}:{activity.id}")

    async def on_message(self, turn_context: TurnContext, place: Place) -> None:
        activity = turn_context.activity
        text = plain_text(activity)
        if not text or not await self.claim(activity):
            return
        sender = activity.from_property
        chain = await asyncio.to_thread(self.chains.get, place.chain)
        role = self.role_of(activity, chain)
        if sender and sender.name:
            self.names[sender.id] = sender.name
        message = Message(
            role=role,
            text=text,
            author=sender.id if sender else None,
            ts=activity.timestamp.timestamp() if activity.timestamp else None,
        )
        conversation = await asyncio.to_thread(
            self.chains.add,
            place.chain,
            message,
            message_id=activity.id,
            tenant=place.tenant,
            channel=place.channel,
        )
        if role == "customer":
            said = FollowUp.of(conversation)
            await self.maybe_nudge(turn_context, place, conversation)
            # how the customer answered the chain's tips (bot/store/follow_ups.py)
            await asyncio.to_thread(follow_up_safely, self.deliveries.store, said)

    async def maybe_nudge(
        self, turn_context: TurnContext, place: Place, conversation: Conversation
    ) -> None:
        assessment = self.coach.assess(conversation)
        level = assessment.escalation.level
        wanted = assessment.playbook.nudge.min_level if assessment.playbook else "escalate"
        care = bool(assessment.escalation.care)  # hurt, bereaved, in hardship ...: always
        if (LEVELS.index(level) < LEVELS.index(wanted) and not care) or assessment.playbook is None:
            return
        agent, leads = conversation.last_agent, self.settings.mot_teams_leads_channel
        high = assessment.escalation.score >= self.settings.mot_teams_alert_score
        alert = bool(leads) and (high or care)
        if not (agent or alert) or not await self._allowed(place.chain, level):
            return  # nobody to tell yet: the chain keeps its cooldown for when there is
        context = {
            "channel_kind": "teams",
            "workspace": place.tenant,
            "channel": place.channel,
            "thread": place.chain,
            "agent": agent,
        }
        result = await asyncio.to_thread(
            self.coach.coach, conversation, "nudge", context, record=False
        )
        await record_before_delivery(self.coach, result)
        if agent:
            user = ChannelAccount(id=agent, name=self.names.get(agent))
            nudged = await self._send(
                self.delivery.to_user(turn_context, user, cards.nudge_card(result), place.tenant),
                "nudge",
            )
            if nudged:
                await mark_shown(self.coach, result, agent)
        if alert:
            card = cards.alert_card(result, self.names.get(agent or "", agent))
            await self._send(
                self.delivery.to_channel(turn_context, leads, card, place.tenant), "alert"
            )

    async def _allowed(self, chain: str, level: str) -> bool:
        cooldown = self.settings.mot_teams_nudge_cooldown_seconds
        return await self.deliveries.allow_nudge(f"teams:{chain}", level, cooldown)

    async def _send(self, sending, what: str) -> bool:
        """True once sent; a failure is logged, never raised."""
        try:
            await sending
            return True
        except Exception:
            log.exception("could not send the Teams %s", what)
            return False
