"""The `mot-coach` command (also `python -m bot`)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from pydantic import ValidationError

import bot
from bot.analysis import FORMATS, default_workers
from bot.commands import dashboard as dashboard_command
from bot.commands import db as db_command
from bot.commands import later
from bot.commands import logs as logs_command
from bot.commands import teams as teams_command
from bot.config import Settings
from bot.core import prebuilt
from bot.messages import UserError


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad option or value reported in one line (exit status 2)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """--version, with the installed version looked up only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.exit(0, f"mot-coach {bot.__version__}\n")


def _workers(value: str) -> int:
    if value.isascii() and value.isdigit() and 1 <= int(value) <= 64:
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers (1 to 64)")


def _port(value: str) -> int:
    if value.isascii() and value.isdigit() and len(value) <= 5 and int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0 to 65535)")


def add_eval_coaching(commands) -> None:
    p = commands.add_parser(
        "eval-coaching",
        help="coach on JSONL conversations and count suggestion defects",
        description="Reads JSON lines {id, text} or {id, messages} (optional 'care' label), or "
        "every *.txt / *.json conversation in a folder such as examples/; "
        "coaches on each as an explicit ask and reports, per playbook and overall, the defects "
        "of a support coach's rubric: claimed actions, invented premises, repeated openers, "
        "double apologies, content-free sentences, name use, repeated asks, issue reflection, "
        "abstentions.",
    )
    p.add_argument("file", help="JSONL file, - for stdin, or a folder of conversation files")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--backend", help="suggestion backend (default: MOT_LLM_BACKEND)")
    p.set_defaults(run=later("eval_coaching", "run"))


def add_analyze(commands) -> None:
    p = commands.add_parser(
        "analyze",
        help="find the moments of truth in past transcripts (HTML or JSON report)",
        description="Reads past conversations, streamed in bounded memory: JSONL (the classify "
        "input, or one message per line with conversation_id, role, text, ts), CSV (one message "
        "per row: conversation_id, role, text, timestamp), a Zendesk JSON export (one ticket per "
        "line with its comments) or Freshdesk ticket conversations (one per line). Reports the "
        "share of each moment, escalation hot spots (moments, hours, weekdays, phrases), the "
        "repeat-contact rate, the longest waits and redacted example threads.",
    )
    p.add_argument("file", help="the transcripts file")
    p.add_argument("--format", choices=FORMATS, default="auto", help="default: from the file")
    p.add_argument("--json", action="store_true", help="JSON instead of HTML")
    p.add_argument("-o", "--output", help="write the report here (default: stdout)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        choices=range(1, 65),
        metavar="N",
        help=f"processes reading conversations (1 to 64; default {default_workers()})",
    )
    p.set_defaults(run=later("analyze", "run"))


def add_digest(commands) -> None:
    p = commands.add_parser(
        "digest",
        help="send the leads' weekly digest now (Slack and/or Teams)",
        description="Acceptance, effectiveness (used vs ignored tips), the top moments and the "
        "threads worth a look over the last DAYS, with a link to the dashboard "
        "(MOT_DASHBOARD_URL), to MOT_LEADS_CHANNEL (its Slack and Teams channels). "
        "`serve` sends it weekly when MOT_DIGEST=weekly.",
    )
    p.add_argument(
        "--days",
        type=int,
        default=7,
        choices=range(1, 92),
        metavar="DAYS",
        help="how many days back (1 to 91; default 7)",
    )
    p.add_argument("--json", action="store_true", help="print the digest instead of sending")
    p.set_defaults(run=later("digest", "run"))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mot-coach",
        description="Coaches support agents through every moment of truth.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
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
    p.set_defaults(run=later("tip", "run"), one_off=True)

    p = commands.add_parser(
        "classify",
        help="playbook and escalation per JSON line (no LLM)",
        description="Reads JSON lines {id, text} or {id, messages}; writes "
        "{id, playbook, confidence, escalation} per line, in order.",
    )
    p.add_argument("file", nargs="?", default="-", help="JSONL file, or - for stdin")
    p.set_defaults(run=later("classify", "run"), streams=True)

    p = commands.add_parser("playbooks", help="list, show or validate playbooks")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="the loaded playbooks")
    listing.set_defaults(run=later("playbooks", "run_list"))
    show = sub.add_parser("show", help="one playbook in full")
    show.add_argument("id")
    show.set_defaults(run=later("playbooks", "run_show"))
    validate = sub.add_parser("validate", help="check every file in a folder; report all errors")
    validate.add_argument("dir", nargs="?", help="folder of *.yaml (default: built-ins)")
    validate.set_defaults(run=later("playbooks", "run_validate"))

    p = commands.add_parser("knowledge", help="show or validate the team's facts and voice")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = sub.add_parser("show", help="the loaded knowledge (MOT_KNOWLEDGE_FILE)")
    show.set_defaults(run=later("knowledge", "run_show"))
    validate = sub.add_parser("validate", help="check a knowledge file; report every error")
    validate.add_argument("file", nargs="?", help="YAML file (default: MOT_KNOWLEDGE_FILE)")
    validate.set_defaults(run=later("knowledge", "run_validate"))

    p = commands.add_parser("workspaces", help="validate the settings per workspace files")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    validate = sub.add_parser("validate", help="check a folder of workspace files; every error")
    validate.add_argument("dir", nargs="?", help="folder (default: MOT_WORKSPACES_DIR)")
    validate.set_defaults(run=later("workspaces", "run_validate"))

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
    p.set_defaults(run=later("evaluate", "run"))
    add_eval_coaching(commands)  # the suggestions themselves, against the coaching rubric
    add_analyze(commands)  # past transcripts: where the moments of truth are

    p = commands.add_parser("serve", help="run the web process (Slack, Teams, dashboard)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=3000, help="port (default 3000)")
    p.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="server processes sharing the port, to use more cores (default 1)",
    )
    p.set_defaults(run=later("serve", "run"))

    p = commands.add_parser("backends", help="suggestion backends")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("list", help="installed backends and their state").set_defaults(
        run=later("backends", "run_list")
    )

    # Storage and review: the suggestion log, its schema, and the dashboard's helpers.
    logs_command.add_parser(commands)
    db_command.add_parser(commands)
    dashboard_command.add_parser(commands)
    add_digest(commands)  # the leads' weekly digest, now
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
    prebuilt.load(settings.cache_dir)  # before the command imports the domain's patterns
    # A one-off command run as the process itself (not called by a longer-lived one): what it
    # builds lives until it exits, so the garbage collector's passes over it, during the run
    # and once more at exit, are wasted: about a quarter of a `tip`'s CPU time.
    one_off = argv is None and getattr(args, "one_off", False)
    if one_off:
        gc.disable()
    # A stream (`classify`) run as the process: its short-lived objects are collected as usual,
    # but what it builds first lives until it exits, out of the collector's passes (the command
    # freezes it once built), and so does what is left at the end.
    streams = args.freeze_setup = argv is None and getattr(args, "streams", False)
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
    finally:
        prebuilt.save(settings.cache_dir)
        if one_off or streams:
            gc.freeze()  # left to the process's exit, which frees them without a last pass
        if one_off:
            gc.enable()
