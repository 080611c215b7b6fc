"""What a chat channel is to `serve`: a name, and one way to be mounted on its aiohttp app.

Adding a channel (Discord, Zendesk, a web widget) is one new folder with a `CHANNEL` object of
this shape, and one line in bot/channels/registry.py. What the channel shares with the others
(tracking, who and where, the nudge policy, delivery logging and dedupe) is in bot/channels/.
"""

from __future__ import annotations

from typing import Protocol

from aiohttp import web

from bot.channels.runtime import Runtime


class Channel(Protocol):
    name: str

    def status(self, runtime: Runtime) -> str:
        """Whether and how the channel is configured, in words a team lead understands."""

    def mount(self, app: web.Application, runtime: Runtime) -> None:
        """Add the channel's routes (or connections) to `app`; a no-op when not configured."""
