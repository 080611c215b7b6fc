"""The dashboard's stats page: figures, tables and inline-SVG charts, within the lead's scope.

Every breakdown adds up to the same total as the list for the same filters (events with no
moment or no agent are counted and named), and the date range is always shown.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.store import FilterError, LogFilter
from bot.store.records import utcnow
from bot.store.stats import Acceptance, LogStats, compute_stats
from bot.store.vocabulary import NO_MOMENT
from bot.web import charts
from bot.web.dashboard import database_down, filter_choices, filter_form
from bot.web.effectiveness_chart import effectiveness_charts
from bot.web.keys import STORE
from bot.web.pages import lead_scope, render
from bot.web.wording import range_text

MAX_CHART_DAYS = 400  # a wider range starts the charts at the first day with events
MOMENT_SERIES = 7  # moments drawn in their own colour; the rest are "other moments"
NOT_SHOWN_YET = (
    "No tips shown to agents yet: acceptance appears once agents use Slack or Teams "
    "(tips printed by the CLI are not shown to anyone)."
)


def chart_days(log_filter: LogFilter, days_with_events: list[str]) -> list[str]:
    """Every day of the range (so that one busy day is one column, not the whole chart),
    from the filter's first day, or the first day with events, to its last day or today."""
    if not days_with_events:
        return []
    first_event, last_event = (
        date.fromisoformat(days_with_events[0]),
        date.fromisoformat(days_with_events[-1]),
    )
    first = log_filter.since.date() if log_filter.since else first_event
    last = (log_filter.until - timedelta(microseconds=1)).date() if log_filter.until else None
    last = max(last or utcnow().date(), first)
    if (last - first).days >= MAX_CHART_DAYS:
        first, last = first_event, max(last_event, first_event)
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def _acceptance_items(rows: list[Acceptance], label) -> list[tuple[str, float, str]]:
    return [
        (label(a.key), a.rate or 0.0, f"{a.rate:.0%} of {a.shown} shown") for a in rows if a.shown
    ][:15]


def _moment_series(stats: LogStats, days: list[str], title) -> tuple[dict, dict]:
    """Series per moment title: the most frequent in their own colours, then 'other moments'
    and 'no moment recognised' in greys."""
    ranked = list(stats.moments)
    own = ranked[:MOMENT_SERIES]
    rest = [pid for pid in ranked if pid not in own]
    series, colors = {}, {}
    for i, pid in enumerate(own):
        series[title(pid)] = [stats.moments_per_day.get(d, {}).get(pid, 0) for d in days]
        colors[title(pid)] = charts.PALETTE[i]
    if rest:
        series["other moments"] = [
            sum(stats.moments_per_day.get(d, {}).get(pid, 0) for pid in rest) for d in days
        ]
        colors["other moments"] = charts.OTHER
    if stats.no_moment:
        series[NO_MOMENT] = [stats.no_moment_per_day.get(d, 0) for d in days]
        colors[NO_MOMENT] = charts.NONE
    return series, colors


def stats_charts(stats: LogStats, log_filter: LogFilter, titles: dict[str, str]) -> dict:
    def title(pid: str) -> str:
        return titles.get(pid, pid)

    per_day = {d.day: d for d in stats.escalations_per_day}
    days = chart_days(log_filter, sorted(per_day))
    moments, moment_colors = _moment_series(stats, days, title)
    return {
        "by_playbook": charts.bar_chart(
            "Acceptance by moment",
            _acceptance_items(stats.by_playbook, title),
            "chart-playbook",
            empty=NOT_SHOWN_YET,
        ),
        "by_agent": charts.bar_chart(
            "Acceptance by agent",
            _acceptance_items(stats.by_agent, str),
            "chart-agent",
            empty=NOT_SHOWN_YET,
            color=charts.PALETTE[2],
        ),
        "moments": charts.stacked_columns(
            "Moments of truth per day", days, moments, "chart-moments", moment_colors
        ),
        "escalations": charts.stacked_columns(
            "Escalations per day",
            days,
            {
                "escalate": [per_day[d].escalated if d in per_day else 0 for d in days],
                "watch": [per_day[d].watched if d in per_day else 0 for d in days],
            },
            "chart-escalations",
            {"escalate": charts.ESCALATE, "watch": charts.WATCH},
            empty="No conversation reached watch or escalate in this range.",
        ),
    }


async def stats_page(request: web.Request) -> web.Response:
    form = filter_form(request)
    choices = filter_choices(request)
    try:
        log_filter = LogFilter.parse(form, scope=lead_scope(request))
    except FilterError as exc:
        return render(
            request,
            "dashboard/stats.html",
            status=400,
            form=form,
            error=str(exc),
            stats=None,
            charts={},
            range_text=None,
            **choices,
        )
    try:
        stats = await asyncio.to_thread(compute_stats, request.app[STORE], log_filter)
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    return render(
        request,
        "dashboard/stats.html",
        form=form,
        error=None,
        stats=stats,
        charts=stats_charts(stats, log_filter, choices["titles"]),
        effectiveness_charts=effectiveness_charts(stats.effectiveness.to_dict()),
        range_text=range_text(log_filter),
        query_for_list=urlencode({**form, "attention": "yes"}),
        **choices,
    )
