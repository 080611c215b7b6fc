"""The analysis as a self-contained HTML page: inline CSS and inline SVG charts (the dashboard's,
bot/web/charts.py), no script, no external request."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.analysis.tally import MIN_FOR_RATE
from bot.web import charts

_TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _of(row: dict) -> str:
    return f"{row['escalations']:,} of {row['conversations']:,} ({_pct(row['escalation_rate'])})"


def report_charts(report: dict) -> dict:
    moments = report["moments"]
    hot = report["hot_spots"]
    rated_hours = [h for h in hot["hours"] if h["conversations"]]
    rated_days = [d for d in hot["weekdays"] if d["conversations"]]
    return {
        "moments": charts.bar_chart(
            "Share of each moment of truth",
            [
                (m["moment"], m["share"], f"{m['share']:.1%} ({m['conversations']:,})")
                for m in moments
            ],
            "chart-moments",
        ),
        "escalation_by_moment": charts.bar_chart(
            "Escalation rate by moment",
            [
                (
                    m["moment"],
                    m["escalation_rate"] or 0.0,
                    f"{_pct(m['escalation_rate'])} of {m['conversations']:,}"
                    if m["escalation_rate"] is not None
                    else f"too few ({m['conversations']})",
                )
                for m in moments
            ],
            "chart-escalation-moments",
            color=charts.PALETTE[2],
        ),
        "hours": rated_hours
        and charts.bar_chart(
            "Escalations by hour (UTC)",
            [
                (
                    f"{h['hour']:02d}:00",
                    h["escalations"],
                    _of(h),
                )
                for h in rated_hours
            ],
            "chart-hours",
            counts=True,
            color=charts.PALETTE[2],
        ),
        "weekdays": rated_days
        and charts.bar_chart(
            "Escalations by weekday (UTC)",
            [
                (
                    d["day"],
                    d["escalations"],
                    _of(d),
                )
                for d in rated_days
            ],
            "chart-weekdays",
            counts=True,
            color=charts.PALETTE[3],
        ),
        "waits": report["waits"]["replies_timed"]
        and charts.bar_chart(
            "Time to the agent's reply",
            [(b["wait"], b["replies"], f"{b['replies']:,}") for b in report["waits"]["buckets"]],
            "chart-waits",
            counts=True,
            color=charts.PALETTE[1],
        ),
    }


def render_html(report: dict, source: str) -> str:
    template = _ENV.get_template("report.html")
    return template.render(
        report=report,
        source=source,
        charts=report_charts(report),
        pct=_pct,
        min_for_rate=MIN_FOR_RATE,
    )
