"""Card actions (Action.Execute): Use this, 👍 / 👎, Another set. Each answers with the card
that replaces the clicked one in place, and records what the agent did in the suggestion log."""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from typing import Any

from botbuilder.schema import AdaptiveCardInvokeResponse

from bot.channels.delivered import delivering, record_outcome
from bot.channels.runtime import Runtime
from bot.core.conversation import Conversation
from bot.teams import cards

log = logging.getLogger(__name__)
CARD = "application/vnd.microsoft.card.adaptive"
ERROR = "application/vnd.microsoft.error"
VERBS = ("use", "rate_up", "rate_down", "another")


class BadAction(ValueError):
    """The action's verb or data is not one this bot's cards send."""


def card_response(content: dict) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=CARD, value=content)


def error_response(message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST):
    return AdaptiveCardInvokeResponse(
        status_code=int(status), type=ERROR, value={"code": "BadRequest", "message": message}
    )


def _index(data: dict) -> int:
    index = data.get("index")
    if not isinstance(index, int) or not 0 <= index < 3:
        raise BadAction("data.index must be 0, 1 or 2")
    return index


async def handle(
    runtime: Runtime,
    verb: str | None,
    data: Any,
    actor: str | None,
    context: dict[str, Any],
    repeat: bool = False,
) -> AdaptiveCardInvokeResponse:
    """The invoke response for one card action; bad input is a 400 naming what is wrong. A
    `repeat` (Teams delivered the same action again) gets the same card and records nothing."""
    sink = None if repeat else runtime.sink
    try:
        if verb not in VERBS:
            raise BadAction(f"unknown action verb {verb!r}; expected one of {', '.join(VERBS)}")
        if not isinstance(data, dict):
            raise BadAction("the action has no data object")
        if verb == "use":
            index, chosen = _index(data), data.get("text")
            if not isinstance(chosen, str) or not chosen.strip():
                raise BadAction("data.text must be the suggestion's text")
            if sink is not None:
                await record_outcome(
                    sink, data.get("log_id"), "used", suggestion_index=index, actor=actor
                )
            return card_response(cards.used_card(chosen, data))
        if verb in ("rate_up", "rate_down"):
            rating = 1 if verb == "rate_up" else -1
            index = _index(data)
            if sink is not None:
                await record_outcome(
                    sink,
                    data.get("log_id"),
                    "rated",
                    suggestion_index=index,
                    rating=rating,
                    actor=actor,
                )
            return card_response(cards.rated_card(rating))
        return card_response(await _another(runtime, sink, data, context, actor))
    except BadAction as exc:
        return error_response(str(exc))


async def _another(
    runtime: Runtime, sink, data: dict, context: dict[str, Any], actor: str | None
) -> dict:
    try:
        conversation = Conversation.from_dicts(
            data.get("messages"), id=data.get("chain") or "teams-card"
        )
    except ValueError as exc:
        raise BadAction(f"data.messages: {exc}") from None
    if conversation.is_empty():
        raise BadAction("data.messages is empty; there is nothing to coach on")
    variant = data.get("variant")
    variant = variant if isinstance(variant, int) and 0 <= variant < 1000 else 1
    result = await asyncio.to_thread(
        runtime.coach_in_workspace, conversation, "command", context, variant=variant, record=False
    )
    if sink is None:  # a repeat: the same card again, logged once already
        return cards.coaching_card(result, variant=variant)
    # The card is the invoke response, which replaces the clicked one: shown once returned.
    async with delivering(sink, result, to=actor):
        card = cards.coaching_card(result, variant=variant)
    return card
