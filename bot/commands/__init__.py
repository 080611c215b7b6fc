"""One module per `mot-coach` sub-command; bot.cli wires them to the parser."""

from __future__ import annotations

from importlib import import_module


def later(module: str, name: str):
    """`bot.commands.<module>.<name>`, imported only when the command runs: each command loads
    only what it needs (`tip` no web server, `playbooks list` no database)."""

    def run(args, settings):
        return getattr(import_module(f"bot.commands.{module}"), name)(args, settings)

    return run
