"""`mot-coach logs list | show | purge`."""

from __future__ import annotations

import json
import textwrap

from sqlalchemy.exc import SQLAlchemyError

from bot import messages
from bot.commands import logs_report
from bot.commands.log_access import (
    cli_actor,
    log_filter_from,
    open_log,
    unreachable,
    whole_number_from,
)
from bot.config import Settings
from bot.messages import UserError
from bot.services import playbooks_from
from bot.store.export import json_safe
from bot.store.filters import MAX_ID, MAX_LIMIT, MAX_PAGE
from bot.store.queries import count_events, get_event, list_events
from bot.store.retention import count_older, cutoff_for, purge
from bot.store.vocabulary import NO_MOMENT, SORTS, level_word, outcome_word


def _row_lines(row: dict, titles: dict[str, str]) -> list[str]:
    """A row of the table, then the customer's latest words and why it needs a look."""
    where = "/".join(filter(None, [row["workspace"], row["channel"]])) or "-"
    moment = titles.get(row["playbook"], row["playbook"]) if row["playbook"] else NO_MOMENT
    escalation = f"{level_word(row['escalation_level'])} {row['escalation_score']:.2f}"
    lines = [
        f"{row['id']:>7}  {row['created_at']:%Y-%m-%d %H:%M}  {row['channel_kind']:<5}  "
        f"{where[:22]:<22}  {(row['agent'] or '-')[:12]:<12}  {row['trigger']:<8}  "
        f"{moment[:26]:<26}  {escalation:<13}  "
        f"{outcome_word(row['outcome'], row['channel_kind'])}"
    ]
    said = f"“{row['customer_words']}”" if row["customer_words"] else ""
    flags = f"[needs a look: {', '.join(row['attention'])}]" if row["attention"] else ""
    if said or flags:
        lines.append(" " * 9 + textwrap.shorten(f"{flags} {said}".strip(), 120, placeholder=" …"))
    return lines


def run_list(args, settings: Settings) -> int:
    args.limit = whole_number_from(args.limit, "--limit", MAX_LIMIT)
    args.page = whole_number_from(args.page, "--page", MAX_PAGE)
    log_filter = log_filter_from(args)
    store = open_log(settings)
    try:
        total = count_events(store, log_filter)
        rows = list_events(store, log_filter, args.limit, (args.page - 1) * args.limit, args.sort)
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    if args.json:
        print(
            json.dumps(
                {"total": total, "page": args.page, "events": [json_safe(r) for r in rows]},
                indent=2,
            )
        )
        return 0
    titles = {pid: playbook.title for pid, playbook in playbooks_from(settings).items()}
    print(
        f"{'ID':>7}  {'WHEN (UTC)':<16}  {'VIA':<5}  {'WHERE':<22}  {'AGENT':<12}  "
        f"{'TRIGGER':<8}  {'MOMENT':<26}  {'LEVEL':<13}  TIP OUTCOME"
    )
    for row in rows:
        print("\n".join(_row_lines(row, titles)))
    first = (args.page - 1) * args.limit
    shown = f"{first + 1}-{first + len(rows)}" if rows else "none"
    more = f"; --page {args.page + 1} for more" if first + len(rows) < total else ""
    print(f"{shown} of {total} event(s), {SORTS[args.sort]}{more}")
    return 0


def run_show(args, settings: Settings) -> int:
    args.id = whole_number_from(args.id, "id", MAX_ID)
    store = open_log(settings)
    try:
        event = get_event(store, args.id)
        if event is None:
            raise UserError(messages.no_log_entry(args.id))
        store.audit(cli_actor(), "view", f"event:{args.id}", {"via": "cli"})
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    if args.json:
        event["outcomes"] = [json_safe(o) for o in event["outcomes"]]
        print(json.dumps(json_safe(event), indent=2, ensure_ascii=False))
    else:
        print(logs_report.render_event(event))
    return 0


def run_purge(args, settings: Settings) -> int:
    text = args.older_than.strip().lower().removesuffix("d")
    try:
        cutoff = cutoff_for(float(text))
    except (ValueError, OverflowError):
        raise UserError(
            f"--older-than: {args.older_than!r} is not a number of days "
            "(more than 0), e.g. 90 or 90d"
        ) from None
    store = open_log(settings)
    try:
        if args.dry_run:
            n = count_older(store, cutoff)
            print(f"would delete {n} event(s) from before {cutoff:%Y-%m-%d %H:%M} UTC")
            return 0
        result = purge(store, cutoff, reason="manual", actor=cli_actor())
        store.audit(cli_actor(), "purge", None, result.to_dict())
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    print(
        f"deleted {result.events_deleted} event(s), {result.outcomes_deleted} outcome(s) and "
        f"{result.other_deleted} delivery/nudge record(s) from before "
        f"{cutoff:%Y-%m-%d %H:%M} UTC; the purge is recorded"
    )
    return 0
