"""Microsoft Teams, on the Bot Framework SDK (botbuilder-core). Everything Teams-specific lives
in this package, so that an adapter on the Microsoft 365 Agents SDK can replace it whole; it is
mounted by `bot.teams.channel` (bot/channels/registry.py)."""
