"""`mot-coach dashboard hash-password`: a password hash for MOT_DASHBOARD_USERS."""

from __future__ import annotations

import sys

from bot.config import Settings
from bot.messages import UserError
from bot.web.passwords import DEFAULT_ITERATIONS, MIN_LENGTH, hash_password


def add_parser(commands) -> None:
    p = commands.add_parser("dashboard", help="team-lead dashboard helpers")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = sub.add_parser(
        "hash-password",
        help="hash a password for MOT_DASHBOARD_USERS",
        description="Prints user:HASH for MOT_DASHBOARD_USERS (comma-separate "
        "several). Asks twice, or reads one line from stdin.",
    )
    s.add_argument("user", help="login name")
    s.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    s.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS, help="PBKDF2 rounds")
    s.set_defaults(run=run_hash_password)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass  # terminal handling: for this prompt only, not every command's start

    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UserError("the two passwords differ; nothing was printed")
    return first


def run_hash_password(args, settings: Settings) -> int:
    user = args.user.strip()
    if not user or any(ch in user for ch in ":,;= "):
        raise UserError("the user name must be non-empty, without ':' ',' ';' '=' or spaces")
    password = _read_password(args.password_stdin)
    if len(password) < MIN_LENGTH:
        raise UserError(f"the password must have at least {MIN_LENGTH} characters")
    if args.iterations < 1000:
        raise UserError("--iterations must be at least 1000")
    print(f"{user}:{hash_password(password, iterations=args.iterations)}")
    return 0
