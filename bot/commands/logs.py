"""`mot-coach logs list | show | stats | export | purge`: the suggestion log for team leads.

Only the parser lives here; each command's module (and SQLAlchemy) loads when it runs.
"""

from __future__ import annotations

from bot.commands import later as _later
from bot.store.vocabulary import CHANNEL_KINDS, EXPORT_FORMATS, LEVELS, OUTCOMES, SORTS, TRIGGERS


def _add_filters(p) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--since", help="from this date/time (UTC): 2026-01-31, 2026-01-31T09:00, 7d")
    g.add_argument("--until", help="up to this date/time (a bare date includes that day)")
    g.add_argument("--agent", help="agent user id")
    g.add_argument("--channel", help="channel id")
    g.add_argument("--workspace", help="workspace or tenant id")
    g.add_argument("--playbook", help="playbook id, e.g. billing-dispute")
    g.add_argument("--level", choices=LEVELS, help="escalation level")
    g.add_argument("--trigger", choices=TRIGGERS)
    g.add_argument(
        "--outcome",
        choices=OUTCOMES,
        help="what came of the tip ('none': a chat tip not shown; 'cli': printed by the CLI)",
    )
    g.add_argument("--channel-kind", choices=CHANNEL_KINDS)
    g.add_argument(
        "--needs-look",
        dest="attention",
        action="store_const",
        const="yes",
        help="only escalated, ignored (dismissed), thumbs-down or repeat-contact events",
    )


def add_parser(commands) -> None:
    p = commands.add_parser("logs", help="review the suggestion log (list, stats, export, purge)")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = sub.add_parser("list", help="coaching events, the ones that need a look first")
    _add_filters(s)
    s.add_argument(
        "--sort",
        choices=SORTS,
        default=next(iter(SORTS)),
        help="; ".join(f"{key}: {words}" for key, words in SORTS.items()),
    )
    s.add_argument("--limit", default="50", help="rows per page (default 50, at most 10,000)")
    s.add_argument("--page", default="1", help="page number (default 1)")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(run=_later("logs_review", "run_list"))
    s = sub.add_parser("show", help="one event in full: conversation excerpt, suggestions, outcome")
    s.add_argument("id", help="the event's id, from `logs list`")
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.set_defaults(run=_later("logs_review", "run_show"))
    s = sub.add_parser("stats", help="acceptance by playbook and agent, escalations, moments")
    _add_filters(s)
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.set_defaults(run=_later("logs_report", "run_stats"))
    s = sub.add_parser("export", help="stream the log as CSV or JSON lines")
    _add_filters(s)
    s.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    s.add_argument("--output", "-o", default="-", help="file to write (default: stdout)")
    s.set_defaults(run=_later("logs_report", "run_export"))
    s = sub.add_parser("purge", help="delete records older than a number of days (recorded)")
    s.add_argument(
        "--older-than", required=True, metavar="DAYS", help="age in days, e.g. 90 or 90d"
    )
    s.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    s.set_defaults(run=_later("logs_review", "run_purge"))
