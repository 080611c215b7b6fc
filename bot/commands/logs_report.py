"""`mot-coach logs stats | export`, and the text form of one event for `logs show`."""

from __future__ import annotations

import json
import sys
import textwrap
from dataclasses import replace

from sqlalchemy.exc import SQLAlchemyError

from bot import messages
from bot.commands.log_access import cli_actor, log_filter_from, open_log, unreachable
from bot.config import Settings
from bot.messages import UserError
from bot.store.export import export_chunks
from bot.store.queries import iter_events
from bot.store.stats import Acceptance, LogStats, compute_stats
from bot.store.vocabulary import level_word, outcome_word


def _rate(a: Acceptance) -> str:
    return f"{a.rate:6.1%}" if a.rate is not None else "     -"


def _acceptance_table(title: str, rows: list[Acceptance], total: Acceptance) -> list[str]:
    lines = [
        f"{title}:",
        f"  {'':<24}{'tips':>7}{'shown':>7}{'used+edited':>13}{'rate':>8}{'up':>5}{'down':>6}"
        f"{'CLI':>6}{'not shown':>11}",
    ]
    lines += [
        f"  {a.key[:24]:<24}{a.tips:>7}{a.shown:>7}{a.accepted:>13}{_rate(a):>8}"
        f"{a.thumbs_up:>5}{a.thumbs_down:>6}{a.cli:>6}{a.not_shown:>11}"
        for a in [*rows, total]
    ]
    return lines


def _helped(arm: dict) -> str:
    if not arm["tips"]:
        return f"{'-':>22}"
    low, high = arm["helped_ci95"]
    return f"{arm['helped_rate']:5.0%} of {arm['tips']:<4} [{low:.0%}-{high:.0%}]".rjust(22)


def effectiveness_lines(effectiveness: dict) -> list[str]:
    """Used (or edited) tips against ignored ones: the share after which the customer calmed
    down or thanked without coming back, with its 95% interval; small samples say so."""
    lines = [
        "Effectiveness (helped: the customer calmed down or thanked, and did not come back):",
        f"  {'':<24}{'used or edited':>22}{'ignored':>22}  verdict",
    ]
    rows = [effectiveness["overall"], *effectiveness["by_playbook"]]
    rows += [{**row, "key": f"agent {row['key']}"} for row in effectiveness["by_agent"]]
    lines += [
        f"  {row['key'][:24]:<24}{_helped(row['used'])}{_helped(row['ignored'])}  {row['verdict']}"
        for row in rows
        if row["used"]["tips"] or row["ignored"]["tips"]
    ] or ["  no tip has a follow-up yet"]
    return lines


def _counts(title: str, counts: dict[str, int], total: int) -> list[str]:
    lines = [f"{title}:"]
    lines += [f"  {word:<24}{n:>7}  {n / total:6.1%}" for word, n in counts.items() if n]
    return [*lines, f"  {'total':<24}{sum(counts.values()):>7}"]


def render_stats(stats: LogStats) -> str:
    overall = stats.overall
    if not stats.total:
        return (
            "No coaching events for these filters. Tips are logged when agents ask for one in "
            "Slack (/mot-tip) or Teams (mot-tip), when the bot nudges them, and by `mot-coach tip`."
        )
    shown = (
        f"{_rate(overall).strip()} ({overall.accepted} of {overall.shown} shown)"
        if overall.shown
        else "none yet: no tips shown to agents (acceptance appears once agents use Slack or Teams)"
    )
    lines = [
        f"{stats.total} coaching event(s), {stats.needs_look} need a look, "
        f"{stats.fallbacks} fallback(s); acceptance (used + edited / shown): {shown}",
        "",
    ]
    lines += [*_counts("What came of the tips", stats.outcomes, stats.total), ""]
    lines += [*_counts("Levels", stats.levels, stats.total), ""]
    total = replace(overall, key="total")
    lines += [*_acceptance_table("Acceptance by playbook", stats.by_playbook, total), ""]
    lines += [*_acceptance_table("Acceptance by agent", stats.by_agent, total), ""]
    lines.append("Escalations per day (escalate / watch / all events):")
    lines += [
        f"  {d.day}  {d.escalated:>5} {d.watched:>7} {d.total:>7}"
        for d in stats.escalations_per_day
    ] or ["  none"]
    lines += ["", *_counts("Moments of truth", stats.all_moments, stats.total)]
    lines += ["", *effectiveness_lines(stats.effectiveness.to_dict())]
    return "\n".join(lines)


def run_stats(args, settings: Settings) -> int:
    log_filter = log_filter_from(args)
    store = open_log(settings)
    try:
        stats = compute_stats(store, log_filter)
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    print(json.dumps(stats.to_dict(), indent=2) if args.json else render_stats(stats))
    return 0


def run_export(args, settings: Settings) -> int:
    log_filter = log_filter_from(args)
    store = open_log(settings)
    try:
        out = (
            sys.stdout
            if args.output == "-"
            else open(  # noqa: SIM115
                args.output, "w", encoding="utf-8", newline=""
            )
        )
    except OSError as exc:
        raise UserError(messages.unwritable(args.output, exc.strerror or str(exc))) from None
    try:
        store.audit(
            cli_actor(),
            "export",
            args.format,
            {"filters": log_filter.as_params(), "via": "cli", "output": args.output},
        )
        for chunk in export_chunks(iter_events(store, log_filter), args.format):
            out.write(chunk)
        out.flush()
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def render_event(event: dict) -> str:
    where = " / ".join(filter(None, [event["workspace"], event["channel"], event["thread"]]))
    lines = [
        f"Event {event['id']} at {event['created_at']:%Y-%m-%d %H:%M:%S} UTC, "
        f"{event['channel_kind']} {where}".rstrip(),
        f"Agent: {event['agent'] or '-'}   trigger: {event['trigger']}   backend: "
        f"{event['backend']}{' (fallback)' if event['fallback'] else ''}",
        f"Moment: {event['playbook'] or 'none recognised'} (confidence {event['confidence']:.2f})",
        f"Escalation: {level_word(event['escalation_level'])} "
        f"(score {event['escalation_score']:.2f})",
    ]
    lines += [f"  - {reason}" for reason in event["escalation_reasons"]]
    if summary := event.get("summary"):
        lines.append("Summary:")
        lines += [
            f"  {label}: {summary.get(key, '')}"
            for label, key in (
                ("Wants", "wants"),
                ("Tried or promised", "tried"),
                ("At stake", "at_stake"),
            )
        ]
    if event.get("coaching"):
        lines.append("Coaching:")
        lines += [f"  - {line}" for line in event["coaching"]]
    if event["excerpt"] is None:
        lines.append("Conversation: not kept (MOT_LOG_CONTENT=none)")
    else:
        lines.append(f"Conversation ({event['content_mode']}):")
        lines += [
            textwrap.fill(
                f"{m['role']}: {m['text']}", 96, initial_indent="  ", subsequent_indent="    "
            )
            for m in event["excerpt"]
        ]
    lines.append("Suggestions:" if event["suggestions"] else "Suggestions: none")
    for number, s in enumerate(event["suggestions"], 1):
        lines.append(
            textwrap.fill(s["text"], 96, initial_indent=f"  {number}. ", subsequent_indent="     ")
        )
        lines.append(
            textwrap.fill(f"Why: {s['why']}", 96, initial_indent="     ", subsequent_indent="     ")
        )
    lines.append(f"Outcome: {outcome_word(event['outcome'], event['channel_kind'])}")
    lines += [
        f"  {o['created_at']:%Y-%m-%d %H:%M} {o['kind']}"
        + "".join(
            f" {k}={o[k]}"
            for k in ("suggestion_index", "edit_ratio", "rating", "comment", "actor")
            if o[k] is not None
        )
        for o in event["outcomes"]
    ]
    return "\n".join(lines)
