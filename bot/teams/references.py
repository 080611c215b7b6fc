"""Conversation references for proactive messages, kept in the log's database.

Every personal (1:1) conversation the bot sees is stored under the user's ids (the Teams user id
and the Entra object id), and every channel it listens to under the channel id. A nudge or a
private card then continues the stored 1:1 chat instead of creating it again.

A database outage never fails a turn: saving and reading fall back to nothing (with a warning,
once per outage) and the database is tried again after `retry_after` seconds.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationAccount, ConversationReference
from cachetools import LRUCache

from bot.store.outage import RETRY_AFTER, OutageGuard

log = logging.getLogger(__name__)
CHANNEL_KIND = "teams"
MAX_REMEMBERED = 10_000  # references this process remembers writing (to skip rewriting them)


def _tenant(activity: Activity) -> str | None:
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = (data.get("tenant") or {}).get("id")
    return tenant or (activity.conversation.tenant_id if activity.conversation else None)


def reference_of(activity: Activity) -> ConversationReference:
    return TurnContext.get_conversation_reference(activity)


class ReferenceBook:
    """Saves and reads the serialized conversation references of one store (Teams only)."""

    def __init__(
        self, store: Any, retry_after: float = RETRY_AFTER, remembered: int = MAX_REMEMBERED
    ):
        self.store, self.retry_after = store, retry_after
        self.guard = OutageGuard(
            store,
            log,
            "Teams conversation references",
            "creating conversations instead",
            retry_after,
        )
        # key -> the reference last written by this process; a forgotten one is written again
        self._saved: LRUCache[str, dict] = LRUCache(remembered)

    def _save(self, keys: list[str], reference: dict, tenant: str | None) -> None:
        for key in keys:
            if self._saved.get(key) == reference:
                continue  # unchanged since this process last wrote it
            if not self.guard.run(
                "store_reference", self._write, key, reference, tenant, default=False
            ):
                return  # the log is down: the other keys would fail too
            self._saved[key] = reference

    def _write(self, key: str, reference: dict, tenant: str | None) -> bool:
        service_url = reference.get("serviceUrl")
        self.store.save_conversation_reference(
            CHANNEL_KIND, key, reference, tenant=tenant, service_url=service_url
        )
        return True

    def _get(self, key: str) -> ConversationReference | None:
        row = self.guard.run("read_reference", self.store.conversation_reference, CHANNEL_KIND, key)
        if not row or not row.get("reference"):
            return None
        return ConversationReference().deserialize(row["reference"])

    async def save(self, keys: list[str | None], reference: ConversationReference, tenant) -> None:
        wanted = list(dict.fromkeys(k for k in keys if k))
        if wanted:
            await asyncio.to_thread(self._save, wanted, reference.serialize(), tenant)

    async def save_personal(self, activity: Activity) -> None:
        """Store the reference of a 1:1 conversation under the user's Teams and Entra ids."""
        user = activity.from_property
        if user is None or activity.conversation is None:
            return
        keys = [user.id, getattr(user, "aad_object_id", None)]
        await self.save(keys, reference_of(activity), _tenant(activity))

    async def save_channel(self, activity: Activity, channel: str) -> None:
        """Store a reference to `channel` itself (not the reply chain), for new posts there."""
        reference = reference_of(activity)
        conversation = activity.conversation
        reference.conversation = ConversationAccount(
            id=channel,
            is_group=True,
            conversation_type="channel",
            tenant_id=conversation.tenant_id if conversation else None,
        )
        reference.activity_id = None
        reference.user = None
        await self.save([channel], reference, _tenant(activity))

    async def get(self, key: str | None) -> ConversationReference | None:
        if not key:
            return None
        return await asyncio.to_thread(self._get, key)
