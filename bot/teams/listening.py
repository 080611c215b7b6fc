"""Listening in Teams channels and group chats, on the channels' one policy
(bot/channels/listening.py): each reply chain (a group chat is one chain) is tracked, and an
escalating chain nudges its agent in their 1:1 chat with the bot, or alerts the leads' channel.

Teams retries a delivery it thinks failed (after about 15 s), so every message is claimed by
its activity id in the log's database first: a repeat, at any replica, is neither tracked nor
nudged twice.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ChannelAccount

from bot.channels.listening import Listening, Notice
from bot.channels.places import Places
from bot.channels.tracker import Thread
from bot.coach import CoachingResult
from bot.core.conversation import Conversation
from bot.teams import cards
from bot.teams.activities import Place, plain_text, sender_ids
from bot.teams.delivery import Delivery


def chain_log_key(channel: str, chain: str) -> str:
    """A Teams reply chain's key in the log's tracked messages: its conversation id."""
    return chain


def message_ts(activity: Activity) -> float:
    """When the message was posted. A Teams message id is its creation time in milliseconds,
    which, unlike the activity's timestamp, tells apart messages of the same second."""
    if activity.id and activity.id.isdecimal():
        return int(activity.id) / 1000
    if activity.timestamp:
        return activity.timestamp.timestamp()
    return time.time()


@dataclass
class TeamsOutlet:
    """Sends for the chain of one turn: proactively, never as a public reply."""

    turn_context: TurnContext
    delivery: Delivery
    tenant: str | None
    names: dict[str, str]

    async def nudge(
        self, thread: Thread, result: CoachingResult, user: str, notice: Notice
    ) -> bool:
        account = ChannelAccount(id=user, name=self.names.get(user))
        card = cards.nudge_card(result, note=notice.note)
        await self.delivery.to_user(self.turn_context, account, card, self.tenant)
        return True

    async def alert(
        self, thread: Thread, result: CoachingResult, channel: str, notice: Notice
    ) -> bool:
        agent = result.context.get("agent")
        card = cards.alert_card(result, self.names.get(agent or "", agent))
        await self.delivery.to_channel(self.turn_context, channel, card, self.tenant)
        return True


class Listener:
    def __init__(self, listening: Listening, delivery: Delivery):
        self.listening, self.delivery = listening, delivery
        self.tracker = listening.tracker
        self.names: dict[str, str] = {}  # user id -> display name, for the agents seen

    async def listens_to(self, place: Place, channel_name: str | None) -> bool:
        """Whether the tenant's support channels include this one."""
        places = await self.listening.places_of(place.tenant)
        return places.listens_to(place.channel, channel_name)

    @staticmethod
    def role_of(activity: Activity, chain: Conversation, places: Places) -> str:
        ids = sender_ids(activity)
        starter = chain.messages[0].author if chain.messages else None
        author = starter if starter in ids else (next(iter(ids), None))
        return places.role(bool(ids & places.agents), author, starter)

    async def claim(self, activity: Activity, what: str = "message") -> bool:
        """True for the first delivery of this activity, in any replica."""
        key = f"teams:{what}:{activity.conversation.id}:{activity.id}"
        return await self.listening.claim(key)

    async def on_message(self, turn_context: TurnContext, place: Place) -> None:
        activity = turn_context.activity
        text = plain_text(activity)
        if not text or not place.channel or not await self.claim(activity):
            return
        sender = activity.from_property
        if sender and sender.name:
            self.names[sender.id] = sender.name
        known = await self.tracker.get_async(place.channel, place.chain)
        places = await self.listening.places_of(place.tenant)
        role = self.role_of(activity, known.conversation if known else Conversation(id=""), places)
        thread = await self.listening.track(
            place.channel,
            place.chain,
            role,
            text,
            message_ts(activity),
            sender.id if sender else None,
            workspace=place.tenant,
            message_id=activity.id,
        )
        outlet = TeamsOutlet(turn_context, self.delivery, place.tenant, self.names)
        await self.listening.check(thread, outlet, customer_spoke=role == "customer")
