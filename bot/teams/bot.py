"""The Teams bot: `mot-tip`, card actions, listening in channels and group chats, and the welcome.

Teams retries an activity it thinks failed (after about 15 s): every message, `mot-tip` and
card action is claimed by its activity id in the log's database, so a repeat at any replica
sends no second card and records nothing twice."""

from __future__ import annotations

import asyncio
import logging

from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.schema import ActivityTypes, AdaptiveCardInvokeResponse, ChannelAccount

from bot.channels.delivered import delivering
from bot.channels.listening import Listening
from bot.channels.runtime import Runtime
from bot.channels.tracker import tracker_for
from bot.coach import CoachingResult
from bot.core.conversation import Conversation
from bot.teams import actions, cards
from bot.teams.activities import Place, command_argument, mentions_bot, place_of, plain_text
from bot.teams.delivery import ConnectorDelivery, Delivery
from bot.teams.listening import Listener, chain_log_key
from bot.teams.references import ReferenceBook
from bot.teams.service_urls import ServiceUrlPolicy

log = logging.getLogger(__name__)
LISTENED_SCOPES = ("channel", "groupChat")  # a group chat is listened to like a channel
USAGE = (
    "Send **mot-tip** followed by the customer's message, or paste the conversation "
    "(lines starting `Customer:` and `Agent:`)."
)
CHANNEL_USAGE = "In a channel, @mention me with **mot-tip** in the reply chain you want help with."
NOTHING_SEEN = (
    "I have not seen any message in that reply chain yet (I only see messages posted "
    "since I was added). Paste the conversation after mot-tip."
)


class CoachBot(ActivityHandler):
    def __init__(self, runtime: Runtime, delivery: Delivery | None = None):
        self.runtime = runtime
        self.coach, self.settings, self.sink = runtime.coach, runtime.settings, runtime.sink
        self.references = ReferenceBook(runtime.store)
        self.delivery = delivery or ConnectorDelivery(
            self.settings.microsoft_app_id,
            self.references,
            ServiceUrlPolicy.from_settings(self.settings),
        )
        self.tracker = tracker_for(runtime, "teams", chain_log_key)
        self.listening = Listening(runtime, "teams", self.tracker)
        self.listener = Listener(self.listening, self.delivery)

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if (
            activity.type
            in (
                ActivityTypes.message,
                ActivityTypes.installation_update,
                ActivityTypes.conversation_update,
            )
            and place_of(activity).is_personal
        ):
            await self._remember(activity)
        await super().on_turn(turn_context)

    async def _remember(self, activity, channel: str | None = None) -> None:
        """Store the conversation reference (1:1 chat, or `channel`); never fails the turn."""
        try:
            if channel:
                await self.references.save_channel(activity, channel)
            else:
                await self.references.save_personal(activity)
        except Exception:
            log.warning("could not store the conversation reference", exc_info=True)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity, place = turn_context.activity, place_of(turn_context.activity)
        argument = command_argument(plain_text(activity))
        if place.is_personal:
            if argument and await self.listener.claim(activity, "command"):
                await self._coach_personal(turn_context, place, argument)
            elif not argument:
                await turn_context.send_activity(MessageFactory.text(USAGE))
            return
        if mentions_bot(activity):
            if await self.listener.claim(activity, "mention"):
                await self._coach_chain(turn_context, place, argument)
            return
        channel_name = (
            ((activity.channel_data or {}).get("channel") or {}).get("name")
            if isinstance(activity.channel_data, dict)
            else None
        )
        if place.scope in LISTENED_SCOPES and await self.listener.listens_to(place, channel_name):
            if place.channel:
                await self._remember(activity, place.channel)
            await self.listener.on_message(turn_context, place)

    def _context(self, turn_context: TurnContext, place: Place) -> dict:
        sender = turn_context.activity.from_property
        return {
            "channel_kind": "teams",
            "workspace": place.tenant,
            "channel": place.channel or "personal",
            "thread": place.chain,
            "agent": sender.id if sender else None,
        }

    async def _coach(
        self, conversation: Conversation, trigger: str, context: dict
    ) -> CoachingResult:
        """Logged by the caller around its delivery (bot/delivered.py)."""
        return await asyncio.to_thread(
            self.runtime.coach_in_workspace, conversation, trigger, context, record=False
        )

    async def _coach_personal(self, turn_context: TurnContext, place: Place, text: str) -> None:
        conversation = Conversation.from_text(text, id=f"teams-{turn_context.activity.id}")
        context = self._context(turn_context, place)
        result = await self._coach(conversation, "command", context)
        async with delivering(self.sink, result, to=context["agent"]):
            card = cards.coaching_card(result)
            await turn_context.send_activity(MessageFactory.attachment(cards.attachment(card)))

    async def _coach_chain(
        self, turn_context: TurnContext, place: Place, argument: str | None
    ) -> None:
        """Coaching on a reply chain goes privately to the requester, never to the channel."""
        requester: ChannelAccount = turn_context.activity.from_property
        tracked = await self.tracker.get_async(place.channel or place.chain, place.chain)
        conversation = tracked.conversation if tracked else Conversation(id=place.chain)
        if argument is None or (conversation.is_empty() and not argument):
            text = CHANNEL_USAGE if argument is None else NOTHING_SEEN
            card = cards.card([cards.text(text)])
            await self.delivery.to_user(turn_context, requester, card, place.tenant)
            return
        if conversation.is_empty():
            conversation = Conversation.from_text(argument, id=place.chain)
        result = await self._coach(conversation, "mention", self._context(turn_context, place))
        async with delivering(self.sink, result, to=requester.id):
            card = cards.coaching_card(result)
            await self.delivery.to_user(turn_context, requester, card, place.tenant)

    async def on_adaptive_card_invoke(
        self, turn_context: TurnContext, invoke_value
    ) -> AdaptiveCardInvokeResponse:
        action = invoke_value.action or {}
        place = place_of(turn_context.activity)
        sender = turn_context.activity.from_property
        first = await self.listener.claim(turn_context.activity, "action")
        return await actions.handle(
            self.runtime,
            action.get("verb"),
            action.get("data"),
            sender.id if sender else None,
            self._context(turn_context, place),
            repeat=not first,
        )

    async def on_members_added_activity(self, members_added, turn_context: TurnContext) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id == bot_id for member in members_added):
            await self._welcome(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._welcome(turn_context)

    async def _welcome(self, turn_context: TurnContext) -> None:
        """Once per conversation: Teams sends both conversationUpdate and installationUpdate."""
        key = f"teams-welcome:{turn_context.activity.conversation.id}"
        if not await self.listening.claim(key):
            return
        card = cards.attachment(cards.welcome_card())
        await turn_context.send_activity(MessageFactory.attachment(card))


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    """Log the error; tell the user briefly; never show them a stack trace."""
    log.error(
        "Teams turn failed (%s %s)",
        turn_context.activity.type,
        turn_context.activity.id,
        exc_info=error,
    )
    try:
        await turn_context.send_activity(
            MessageFactory.text(
                "Sorry, something went wrong on my side. Please try again in a moment."
            )
        )
    except Exception:
        log.exception("could not send the apology for a failed Teams turn")
