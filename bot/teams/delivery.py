"""Private and channel messages the bot starts itself (proactive), through the Bot Connector.

Channel coaching never goes as a public reply: it goes to the requester's (or the handling
agent's) 1:1 chat with the bot. When the log's database has a conversation reference for that
user (see bot.teams.references), the card is sent into that chat (`continue_conversation`);
otherwise Teams creates the chat from the user id and tenant, and its reference is stored.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import ChannelAccount, ConversationParameters

from bot.teams.cards import attachment
from bot.teams.service_urls import ServiceUrlPolicy

if TYPE_CHECKING:
    from bot.teams.references import ReferenceBook

log = logging.getLogger(__name__)


class Delivery(Protocol):
    async def to_user(
        self, turn_context: TurnContext, user: ChannelAccount, card: dict, tenant: str | None
    ) -> None: ...

    async def to_channel(
        self, turn_context: TurnContext, channel: str, card: dict, tenant: str | None
    ) -> None: ...


class ConnectorDelivery:
    """Creates the conversation (a 1:1 chat, or a new post in a channel) and sends the card."""

    def __init__(
        self,
        app_id: str | None,
        references: ReferenceBook | None = None,
        policy: ServiceUrlPolicy | None = None,
    ):
        self.app_id = app_id or ""
        self.references = references
        self.policy = policy or ServiceUrlPolicy()

    async def _create(
        self,
        turn_context: TurnContext,
        parameters: ConversationParameters,
        card: dict,
        keys: list[str | None] | None = None,
    ) -> None:
        """Create the conversation and send the card; store its reference under `keys`."""
        created = []

        async def send(new_context: TurnContext) -> None:
            created.append(TurnContext.get_conversation_reference(new_context.activity))
            await new_context.send_activity(MessageFactory.attachment(attachment(card)))

        activity = turn_context.activity
        await turn_context.adapter.create_conversation(
            self.app_id, send, parameters, activity.channel_id, activity.service_url, None
        )
        if keys and created and self.references is not None:
            await self.references.save(keys, created[0], parameters.tenant_id)

    async def _continue(self, turn_context: TurnContext, user: ChannelAccount, card: dict) -> bool:
        """Send the card into the user's stored 1:1 chat; False when there is none."""
        if self.references is None:
            return False
        reference = await self.references.get(user.id)
        if reference is None:
            return False
        # The turn's own serviceUrl passed bot/teams/gate.py; a stored one may predate a change
        # of MOT_TEAMS_SERVICE_URLS or of mode, so it is checked again before any call.
        if not self.policy.allows(reference.service_url, vouched=turn_context.activity.service_url):
            log.warning(
                "not continuing the stored 1:1 chat of %s: its serviceUrl %r is no longer "
                "allowed; creating the chat through this turn's serviceUrl",
                user.id,
                reference.service_url,
            )
            return False

        async def send(new_context: TurnContext) -> None:
            await new_context.send_activity(MessageFactory.attachment(attachment(card)))

        try:
            await turn_context.adapter.continue_conversation(reference, send, self.app_id)
        except Exception:  # e.g. the user removed the app: create the chat again
            log.warning(
                "could not continue the stored 1:1 chat of %s; creating it", user.id, exc_info=True
            )
            return False
        return True

    async def to_user(
        self, turn_context: TurnContext, user: ChannelAccount, card: dict, tenant: str | None
    ) -> None:
        if await self._continue(turn_context, user, card):
            return
        parameters = ConversationParameters(
            is_group=False,
            bot=turn_context.activity.recipient,
            members=[ChannelAccount(id=user.id, name=user.name)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}} if tenant else None,
        )
        await self._create(turn_context, parameters, card, keys=[user.id])

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
