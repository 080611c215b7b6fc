"""Microsoft Teams, on the Bot Framework SDK (botbuilder-core). Everything Teams-specific lives
in this package, so that an adapter on the Microsoft 365 Agents SDK can replace it whole."""

from bot.teams.endpoint import ROUTE, mount_teams

__all__ = ["ROUTE", "mount_teams"]
