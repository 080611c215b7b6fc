"""Who and where, with one meaning in every channel: the support channels listened to, the
agents, the leads, the on-call, and the leads' channel.

- MOT_SUPPORT_CHANNELS lists channel ids or names (`#` optional); `*` means every channel (and
  Teams group chat) the bot is in. Empty means none: the bot listens nowhere until told where,
  in Slack and Teams alike (it still answers `/mot-tip`, `mot-tip` and mentions).
- MOT_AGENTS names the agents. With it, everyone else is a customer; without it, a thread's first
  author is the customer and anyone else who replies an agent (channels may know better, e.g.
  Slack Connect's other organisation).
- MOT_ON_CALL is who is nudged when no agent has replied yet: "U0123" for every channel, or per
  channel "C0AAA=U0123, *=U0789".
- MOT_LEADS_CHANNEL is where high-risk alerts go, and where an escalation's nudge goes when
  there is neither an agent nor an on-call: one id, or one per channel kind
  ("slack=C0LEADS, teams=19:...").
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings

EVERYWHERE = "*"


@dataclass(frozen=True, slots=True)
class Target:
    """Who gets a nudge: a person (`agent`, `on-call`), or the leads' channel (`leads`)."""

    kind: str
    id: str

    @property
    def is_person(self) -> bool:
        return self.kind != "leads"


class Places:
    """The people-and-places policy of one channel kind (`slack`, `teams`)."""

    def __init__(self, settings: Settings, kind: str):
        self.kind = kind
        self.channels = {c.lstrip("#") for c in settings.mot_support_channels}
        self.agents = set(settings.mot_agents)
        self.leads = set(settings.mot_leads)
        self.on_call = settings.mot_on_call
        self.leads_channel = leads_channel_for(settings.mot_leads_channel, kind)

    @property
    def listens_everywhere(self) -> bool:
        return EVERYWHERE in self.channels

    def listens_to(self, channel: str | None, name: str | None = None) -> bool:
        """Whether a message in `channel` (known by id, and maybe by name) is listened to."""
        if self.listens_everywhere:
            return True
        return bool({channel, name and name.lstrip("#")} & self.channels - {None, ""})

    def needs_name(self, channel: str) -> bool:
        """Whether the channel's name could still make it a support channel (worth looking up)."""
        return bool(self.channels) and not self.listens_to(channel)

    def role(
        self,
        is_agent: bool,
        author: str | None,
        starter: str | None,
        other_organisation: bool = False,
    ) -> str:
        """The role of a message's author: `agent` or `customer` (see the module's rules)."""
        if is_agent:
            return "agent"
        if self.agents or other_organisation:
            return "customer"
        return "customer" if starter in (None, author) else "agent"

    def is_lead(self, user: str) -> bool:
        return user in self.leads

    def nudge_target(
        self, channel: str, last_agent: str | None, urgent: bool = True
    ) -> Target | None:
        """The thread's agent; else the channel's on-call; else, when `urgent` (an escalation,
        a customer who needs care), the leads' channel."""
        if last_agent:
            return Target("agent", last_agent)
        on_call = self.on_call.get(channel) or self.on_call.get(EVERYWHERE)
        if on_call:
            return Target("on-call", on_call)
        if self.leads_channel and urgent:
            return Target("leads", self.leads_channel)
        return None


def leads_channel_for(value: dict[str, str], kind: str) -> str | None:
    """MOT_LEADS_CHANNEL for channel kind `kind`: its own entry, else the one for every kind."""
    return value.get(kind) or value.get(EVERYWHERE)
