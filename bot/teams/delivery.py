"""Private and channel messages the bot starts itself (proactive), through the Bot Connector.

Channel coaching never goes as a public reply: it goes to the requester's (or the handling
agent's) 1:1 chat with the bot, which Teams creates on demand from the user id and tenant.
"""

from __future__ import annotations

from typing import Protocol

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import ChannelAccount, ConversationParameters

from bot.teams.cards import attachment


class Delivery(Protocol):
    async def to_user(
        self, turn_context: TurnContext, user: ChannelAccount, card: dict, tenant: str | None
    ) -> None: ...

    async def to_channel(
        self, turn_context: TurnContext, channel: str, card: dict, tenant: str | None
    ) -> None: ...


class ConnectorDelivery:
    """Creates the conversation (a 1:1 chat, or a new post in a channel) and sends the card."""

    def __init__(self, app_id: str | None):
        self.app_id = app_id or ""

    async def _create(
        self, turn_context: TurnContext, parameters: ConversationParameters, card: dict
    ) -> None:
        async def send(new_context: TurnContext) -> None:
            await new_context.send_activity(MessageFactory.attachment(attachment(card)))

        activity = turn_context.activity
        await turn_context.adapter.create_conversation(
            self.app_id, send, parameters, activity.channel_id, activity.service_url, None
        )

    async def to_user(
        self, turn_context: TurnContext, user: ChannelAccount, card: dict, tenant: str | None
    ) -> None:
        parameters = ConversationParameters(
            is_group=False,
            bot=turn_context.activity.recipient,
            members=[ChannelAccount(id=user.id, name=user.name)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}} if tenant else None,
        )
        await self._create(turn_context, parameters, card)

    async def to_channel(
        self, turn_context: TurnContext, channel: str, card: dict, tenant: str | None
    ) -> None:
        parameters = ConversationParameters(
            is_group=True,
            bot=turn_context.activity.recipient,
            tenant_id=tenant,
            channel_data={
                "channel": {"id": channel},
                **({"tenant": {"id": tenant}} if tenant else {}),
            },
        )
        await self._create(turn_context, parameters, card)
