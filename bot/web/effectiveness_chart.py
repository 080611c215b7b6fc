"""One inline-SVG chart per playbook for the stats page: the share of used and of ignored tips
after which the customer calmed down or thanked (bot/store/effectiveness.py), each bar with its
95% interval as a whisker, and "small sample" where there are too few tips to say."""

from __future__ import annotations

from markupsafe import Markup, escape

from bot.web.charts import PALETTE

LABEL_W, BAR_W, ROW_H = 110, 300, 26


def _row(y: int, label: str, arm: dict, color: str) -> str:
    if not arm["tips"]:
        return (
            f'<text x="{LABEL_W - 8}" y="{y + 16}" text-anchor="end">{label}</text>'
            f'<text x="{LABEL_W}" y="{y + 16}" fill="#616061">no tips answered</text>'
        )
    rate, (low, high) = arm["helped_rate"], arm["helped_ci95"]
    note = f"{rate:.0%} of {arm['tips']} (95% CI {low:.0%}–{high:.0%})"
    x_low, x_high = LABEL_W + low * BAR_W, LABEL_W + high * BAR_W
    return (
        f'<text x="{LABEL_W - 8}" y="{y + 16}" text-anchor="end">{label}</text>'
        f'<rect class="bar" x="{LABEL_W}" y="{y + 5}" width="{rate * BAR_W:.1f}" height="14" '
        f'fill="{color}"><title>{label}: {escape(note)}</title></rect>'
        f'<line class="ci" x1="{x_low:.1f}" x2="{x_high:.1f}" y1="{y + 12}" y2="{y + 12}" '
        f'stroke="#1d1c1d" stroke-width="1.5"/>'
        f'<text x="{LABEL_W + BAR_W + 8}" y="{y + 16}">{escape(note)}</text>'
    )


def comparison_chart(row: dict, css_id: str) -> Markup:
    title = f"{row['key']}: {row['verdict']}"
    body = [
        _row(0, "used / edited", row["used"], PALETTE[0]),
        _row(ROW_H, "ignored", row["ignored"], PALETTE[1]),
    ]
    height = 2 * ROW_H + 4
    return Markup(
        f'<svg class="chart effectiveness" id="{escape(css_id)}" role="img" '
        f'aria-label="{escape(title)}" width="{LABEL_W + BAR_W + 230}" height="{height}" '
        f'viewBox="0 0 {LABEL_W + BAR_W + 230} {height}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def effectiveness_charts(effectiveness: dict) -> list[dict]:
    """[{playbook, verdict, small_sample, chart}] for playbooks with any answered tip."""
    return [
        {
            "playbook": row["key"],
            "verdict": row["verdict"],
            "small_sample": row["small_sample"],
            "chart": comparison_chart(row, f"chart-effect-{index}"),
        }
        for index, row in enumerate(effectiveness["by_playbook"])
    ]
