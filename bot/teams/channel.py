"""Microsoft Teams as one of `serve`'s channels (bot/channels/channel.py)."""

from __future__ import annotations

from aiohttp import web

from bot.channels.runtime import Runtime


class TeamsChannel:
    name = "Microsoft Teams"

    def status(self, runtime: Runtime) -> str:
        settings = runtime.settings
        if settings.microsoft_app_id:
            return f"configured (app {settings.microsoft_app_id}, /api/messages)"
        if settings.mot_teams_emulator:
            return "local emulator mode (MOT_TEAMS_EMULATOR: loopback only, no authentication)"
        return "off (set MicrosoftAppId, or MOT_TEAMS_EMULATOR=true for local testing)"

    def mount(self, app: web.Application, runtime: Runtime) -> None:
        from bot.teams.endpoint import mount_teams

        mount_teams(app, runtime)


CHANNEL = TeamsChannel()
