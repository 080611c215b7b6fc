"""The chat channels `serve` mounts, in order. A new channel is one line here."""

from __future__ import annotations

from importlib import import_module

from aiohttp import web

from bot.channels.channel import Channel
from bot.channels.runtime import Runtime

CHANNELS = ("bot.slack.channel", "bot.teams.channel")  # modules with a CHANNEL object


def channels() -> list[Channel]:
    return [import_module(module).CHANNEL for module in CHANNELS]


def mount_all(app: web.Application, runtime: Runtime) -> None:
    for channel in channels():
        channel.mount(app, runtime)
