"""The `mot-coach` command (also `python -m bot`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot import __version__
from bot.commands import analyze as analyze_command
from bot.commands import (
    backends,
    classify,
    eval_coaching,
    evaluate,
    knowledge,
    playbooks,
    serve,
    tip,
)
from bot.commands import dashboard as dashboard_command
from bot.commands import db as db_command
from bot.commands import digest as digest_command
from bot.commands import logs as logs_command
from bot.commands import teams as teams_command
from bot.config import Settings
from bot.messages import UserError


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad option or value reported in one line (exit status 2)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _port(value: str) -> int:
    if value.isascii() and value.isdigit() and len(value) <= 5 and int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0 to 65535)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mot-coach",
        description="Coaches support agents through every moment of truth.",
    )
    parser.add_argument("--version", action="version", version=f"mot-coach {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser(
        "tip",
        help="coach on one conversation",
        description="Coach on one conversation: 'Customer: ...' / "
        "'Agent: ...' lines, or JSON {\"messages\": [...]}.",
    )
    p.add_argument("file", nargs="?", default="-", help="conversation file, or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--backend", help="suggestion backend (default: MOT_LLM_BACKEND)")
    p.set_defaults(run=tip.run)

    p = commands.add_parser(
        "classify",
        help="playbook and escalation per JSON line (no LLM)",
        description="Reads JSON lines {id, text} or {id, messages}; writes "
        "{id, playbook, confidence, escalation} per line, in order.",
    )
    p.add_argument("file", nargs="?", default="-", help="JSONL file, or - for stdin")
    p.set_defaults(run=classify.run)

    p = commands.add_parser("playbooks", help="list, show or validate playbooks")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("list", help="the loaded playbooks").set_defaults(run=playbooks.run_list)
    show = sub.add_parser("show", help="one playbook in full")
    show.add_argument("id")
    show.set_defaults(run=playbooks.run_show)
    validate = sub.add_parser("validate", help="check every file in a folder; report all errors")
    validate.add_argument("dir", nargs="?", help="folder of *.yaml (default: built-ins)")
    validate.set_defaults(run=playbooks.run_validate)

    p = commands.add_parser("knowledge", help="show or validate the team's facts and voice")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = sub.add_parser("show", help="the loaded knowledge (MOT_KNOWLEDGE_FILE)")
    show.set_defaults(run=knowledge.run_show)
    validate = sub.add_parser("validate", help="check a knowledge file; report every error")
    validate.add_argument("file", nargs="?", help="YAML file (default: MOT_KNOWLEDGE_FILE)")
    validate.set_defaults(run=knowledge.run_validate)

    p = commands.add_parser(
        "eval",
        help="score matching and escalation on labelled JSONL",
        description="Rows carry 'playbook' and/or 'escalate' labels; prints "
        "accuracy, macro-F1, per-label precision/recall and confusion.",
    )
    p.add_argument("file", help="labelled JSONL file, or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--split", metavar="NAME", help="score only rows whose 'split' field is NAME (e.g. dev)"
    )
    p.set_defaults(run=evaluate.run)
    eval_coaching.add_parser(commands)  # the suggestions themselves, against the coaching rubric
    analyze_command.add_parser(commands)  # past transcripts: where the moments of truth are

    p = commands.add_parser("serve", help="run the web process (Slack, Teams, dashboard)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=3000, help="port (default 3000)")
    p.set_defaults(run=serve.run)

    p = commands.add_parser("backends", help="suggestion backends")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("list", help="installed backends and their state").set_defaults(
        run=backends.run_list
    )

    # Storage and review: the suggestion log, its schema, and the dashboard's helpers.
    logs_command.add_parser(commands)
    db_command.add_parser(commands)
    dashboard_command.add_parser(commands)
    digest_command.add_parser(commands)  # the leads' weekly digest, now
    teams_command.add_parser(commands)  # Microsoft Teams: `teams package`
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        print("mot-coach: invalid settings:", file=sys.stderr)
        for error in exc.errors():
            print(f"  {'.'.join(map(str, error['loc'])).upper()}: {error['msg']}", file=sys.stderr)
        return 2
    try:
        return args.run(args, settings)
    except UserError as exc:
        print(f"mot-coach: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `mot-coach classify big.jsonl | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
