"""Who is who in Slack: agents (MOT_AGENTS, user IDs and user groups), leads, customers, and
which channels are support channels (MOT_SUPPORT_CHANNELS, by ID or name, or `*`).

Roles, in order: a configured agent (or member of a configured user group) is an agent; with
MOT_AGENTS set, everyone else is a customer. Without it, a user from another organisation in a
Slack Connect channel is a customer, the thread's first author is the customer, and anyone else
who replies is an agent.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from cachetools import TTLCache
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings

log = logging.getLogger(__name__)
CACHE_SECONDS = 300.0
# Bounds on what is remembered from Slack (cachetools: least recently used out first, and
# nothing older than its time to live), so that many users or channels cannot grow memory.
MAX_FACES, MAX_CHANNEL_NAMES, CHANNEL_NAME_SECONDS = 5000, 1000, 3600.0


def api_error(exc: SlackApiError) -> str:
    data = getattr(exc.response, "data", None)
    return data.get("error", str(exc)) if isinstance(data, dict) else str(exc)


@dataclass(frozen=True)
class Face:
    name: str | None = None
    icon_url: str | None = None


class People:
    def __init__(
        self,
        settings: Settings,
        max_faces: int = MAX_FACES,
        max_channel_names: int = MAX_CHANNEL_NAMES,
    ):
        self.agent_ids = {a for a in settings.mot_agents if not a.startswith("S")}
        self.groups = [a for a in settings.mot_agents if a.startswith("S")]
        self.leads = set(settings.mot_leads)
        self.channels = {c.lstrip("#") for c in settings.mot_support_channels}
        self._group_members: set[str] = set()
        self._groups_loaded = 0.0
        self._channel_names: TTLCache[str, str] = TTLCache(max_channel_names, CHANNEL_NAME_SECONDS)
        self._faces: TTLCache[str, Face] = TTLCache(max_faces, CACHE_SECONDS)

    @property
    def configured(self) -> bool:
        return bool(self.agent_ids or self.groups)

    async def agents(self, client: AsyncWebClient) -> set[str]:
        if self.groups and time.monotonic() - self._groups_loaded > CACHE_SECONDS:
            members: set[str] = set()
            for group in self.groups:
                try:
                    response = await client.usergroups_users_list(usergroup=group)
                    members.update(response.get("users") or [])
                except SlackApiError as exc:
                    log.warning("cannot list user group %s: %s", group, api_error(exc))
            self._group_members, self._groups_loaded = members, time.monotonic()
        return self.agent_ids | self._group_members

    async def role(
        self,
        client: AsyncWebClient,
        user: str | None,
        user_team: str | None,
        home_team: str | None,
        starter: str | None,
    ) -> str:
        if user and user in await self.agents(client):
            return "agent"
        if self.configured:
            return "customer"
        if user_team and home_team and user_team != home_team:
            return "customer"  # Slack Connect: another organisation
        return "customer" if starter in (None, user) else "agent"

    async def face(self, client: AsyncWebClient, user: str) -> Face:
        """The name and picture `user` shows in Slack (users.info, cached), so that a reply
        posted for them shows their name and face; empty when Slack will not say."""
        cached = self._faces.get(user)
        if cached is not None:
            return cached
        try:
            profile = ((await client.users_info(user=user)).get("user") or {}).get("profile") or {}
        except SlackApiError as exc:
            log.warning("cannot look up user %s: %s", user, api_error(exc))
            return Face()
        name = profile.get("display_name") or profile.get("real_name") or None
        found = Face(name, profile.get("image_72") or profile.get("image_48") or None)
        self._faces[user] = found
        return found

    def is_lead(self, user: str) -> bool:
        return user in self.leads

    async def listens_to(self, client: AsyncWebClient, channel: str) -> bool:
        if "*" in self.channels or channel in self.channels:
            return True
        if not self.channels:
            return False
        name = self._channel_names.get(channel)
        if name is None:
            try:
                info = await client.conversations_info(channel=channel)
            except SlackApiError as exc:
                log.warning("cannot look up channel %s: %s", channel, api_error(exc))
                return False
            name = self._channel_names[channel] = (info.get("channel") or {}).get("name", "")
        return name in self.channels
