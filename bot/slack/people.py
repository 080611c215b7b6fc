"""Who is who in Slack, on the channels' one policy (bot/channels/places.py): what only Slack
knows is added here. MOT_AGENTS may name user groups (S...), whose members are agents; a user
from another organisation in a Slack Connect channel is a customer; a support channel named
in MOT_SUPPORT_CHANNELS is recognised by its name, looked up once an hour; and the faces
shown on replies posted for agents.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cachetools import TTLCache
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.places import Places
from bot.config import Settings

log = logging.getLogger(__name__)
CACHE_SECONDS = 300.0
# Bounds on what is remembered from Slack (cachetools: least recently used out first, and
# nothing older than its time to live), so that many users or channels cannot grow memory.
MAX_FACES, MAX_CHANNEL_NAMES, CHANNEL_NAME_SECONDS = 5000, 1000, 3600.0
MAX_WORKSPACES = 1000


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
        places: Places | None = None,
        max_faces: int = MAX_FACES,
        max_channel_names: int = MAX_CHANNEL_NAMES,
    ):
        self.agent_ids = {a for a in settings.mot_agents if not a.startswith("S")}
        self.groups = [a for a in settings.mot_agents if a.startswith("S")]
        self.places = places or Places(settings, "slack")
        # Members of MOT_AGENTS' user groups, per workspace (each asked with its own token).
        self._group_members: TTLCache[str | None, set[str]] = TTLCache(
            MAX_WORKSPACES, CACHE_SECONDS
        )
        self._channel_names: TTLCache[str, str] = TTLCache(max_channel_names, CHANNEL_NAME_SECONDS)
        self._faces: TTLCache[str, Face] = TTLCache(max_faces, CACHE_SECONDS)

    @property
    def configured(self) -> bool:
        return bool(self.agent_ids or self.groups)

    async def agents(self, client: AsyncWebClient, team: str | None = None) -> set[str]:
        """The agents of `team` (the workspace whose token `client` carries)."""
        if not self.groups:
            return self.agent_ids
        members = self._group_members.get(team)
        if members is None:
            members = set()
            for group in self.groups:
                try:
                    response = await client.usergroups_users_list(usergroup=group)
                    members.update(response.get("users") or [])
                except SlackApiError as exc:
                    log.warning("cannot list user group %s: %s", group, api_error(exc))
            self._group_members[team] = members
        return self.agent_ids | members

    async def role(
        self,
        client: AsyncWebClient,
        user: str | None,
        user_team: str | None,
        home_team: str | None,
        starter: str | None,
    ) -> str:
        is_agent = bool(user) and user in await self.agents(client, home_team)
        other_organisation = bool(user_team and home_team and user_team != home_team)
        return self.places.role(is_agent, user, starter, other_organisation)

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
        return self.places.is_lead(user)

    async def listens_to(self, client: AsyncWebClient, channel: str) -> bool:
        if not self.places.needs_name(channel):
            return self.places.listens_to(channel)
        name = self._channel_names.get(channel)
        if name is None:
            try:
                info = await client.conversations_info(channel=channel)
            except SlackApiError as exc:
                log.warning("cannot look up channel %s: %s", channel, api_error(exc))
                return False
            name = self._channel_names[channel] = (info.get("channel") or {}).get("name", "")
        return self.places.listens_to(channel, name)
