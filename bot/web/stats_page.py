"""The dashboard's stats page: figures and inline-SVG charts, within the lead's scope."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.store import FilterError, LogFilter
from bot.store.records import utcnow
from bot.store.stats import compute_stats
from bot.web import charts
from bot.web.dashboard import database_down, filter_choices, filter_form
from bot.web.effectiveness_chart import effectiveness_charts
from bot.web.keys import STORE
from bot.web.pages import lead_scope, render


def every_day(days: list[str]) -> list[str]:
    """From the first to the last of `days` (YYYY-MM-DD), with the days between filled in."""
    if not days:
        return []
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def _stats_charts(stats) -> dict:
    def acceptance(rows):
        return [
            (
                a.key,
                a.rate or 0.0,
                f"{a.rate:.0%} of {a.shown} shown" if a.shown else "not shown yet",
            )
            for a in rows[:15]
        ]

    escalations = {d.day: d.escalated for d in stats.escalations_per_day}
    days = every_day(sorted(escalations))
    series = {
        pb: [stats.moments_per_day.get(d, {}).get(pb, 0) for d in days]
        for pb in list(stats.moments)[:12]
    }
    return {
        "by_playbook": charts.bar_chart(
            "Acceptance by playbook", acceptance(stats.by_playbook), "chart-playbook", max_value=1.0
        ),
        "by_agent": charts.bar_chart(
            "Acceptance by agent",
            acceptance(stats.by_agent),
            "chart-agent",
            max_value=1.0,
            color=charts.PALETTE[1],
        ),
        "moments": charts.stacked_columns(
            "Moments of truth per day", days, series, "chart-moments"
        ),
        "escalations": charts.column_chart(
            "Escalations per day", [(d, escalations.get(d, 0)) for d in days], "chart-escalations"
        ),
    }


async def stats_page(request: web.Request) -> web.Response:
    form = filter_form(request)
    if not any(form.values()):  # by default, the last 30 days
        form["since"] = (utcnow() - timedelta(days=30)).date().isoformat()
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
            **filter_choices(request),
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
        charts=_stats_charts(stats),
        effectiveness_charts=effectiveness_charts(stats.effectiveness.to_dict()),
        **filter_choices(request),
    )
