"""Charts as inline SVG, drawn on the server: no script, no external asset, works offline.

Every chart is `<svg class="chart">` with a <title>; each bar is a `rect.bar` whose <title> is
its tooltip. Labels are escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = (
    "#1264a3",
    "#2eb67d",
    "#e01e5a",
    "#ecb22e",
    "#6f42c1",
    "#36c5f0",
    "#a35a00",
    "#5a6b7b",
    "#d63384",
    "#0f766e",
    "#7c3aed",
    "#b45309",
)
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _svg(title: str, width: int, height: int, body: list[str], css_id: str) -> Markup:
    return Markup(
        f'<svg class="chart" id="{escape(css_id)}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'xmlns="http://www.w3.org/2000/svg" {_FONT}><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _empty(title: str, css_id: str) -> Markup:
    return _svg(
        title,
        640,
        40,
        ['<text x="0" y="24" fill="#616061">No data for these filters.</text>'],
        css_id,
    )


def bar_chart(
    title: str,
    items: list[tuple[str, float, str]],
    css_id: str,
    max_value: float | None = None,
    color: str = PALETTE[0],
) -> Markup:
    """Horizontal bars: (label, value, text shown beside the bar)."""
    if not items:
        return _empty(title, css_id)
    top = max_value or max(value for _, value, _ in items) or 1.0
    label_w, bar_w, row_h = 180, 360, 24
    body = []
    for i, (label, value, note) in enumerate(items):
        y = i * row_h
        width = max(0.0, min(value / top, 1.0)) * bar_w
        body.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label[:28])}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{width:.1f}" height="16" '
            f'fill="{color}"><title>{escape(label)}: {escape(note)}</title></rect>'
            f'<text x="{label_w + width + 6:.1f}" y="{y + 16}">{escape(note)}</text>'
        )
    return _svg(title, label_w + bar_w + 110, row_h * len(items) + 4, body, css_id)


def _day_axis(days: list[str], x0: int, step: float, height: int) -> list[str]:
    every = max(1, len(days) // 8)
    return [
        f'<text x="{x0 + i * step + step / 2:.1f}" y="{height - 4}" text-anchor="middle" '
        f'fill="#616061">{escape(day[5:])}</text>'
        for i, day in enumerate(days)
        if i % every == 0
    ]


def column_chart(
    title: str, points: list[tuple[str, int]], css_id: str, color: str = PALETTE[2]
) -> Markup:
    """Vertical columns per day: (YYYY-MM-DD, value)."""
    if not points:
        return _empty(title, css_id)
    x0, plot_h, width = 40, 160, 640
    step = (width - x0) / len(points)
    top = max(value for _, value in points) or 1
    body = [
        f'<text x="{x0 - 6}" y="12" text-anchor="end" fill="#616061">{top}</text>',
        f'<line x1="{x0}" y1="{plot_h}" x2="{width}" y2="{plot_h}" stroke="#ccc"/>',
    ]
    for i, (day, value) in enumerate(points):
        h = value / top * (plot_h - 10)
        body.append(
            f'<rect class="bar" x="{x0 + i * step + 1:.1f}" y="{plot_h - h:.1f}" '
            f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{color}">'
            f"<title>{escape(day)}: {value}</title></rect>"
        )
    body += _day_axis([day for day, _ in points], x0, step, plot_h + 20)
    return _svg(title, width + 20, plot_h + 20, body, css_id)


def stacked_columns(
    title: str, days: list[str], series: dict[str, list[int]], css_id: str
) -> Markup:
    """Columns per day, stacked by series (e.g. playbook), with a legend."""
    if not days or not series:
        return _empty(title, css_id)
    x0, plot_h, width = 40, 180, 640
    step = (width - x0) / len(days)
    totals = [sum(values[i] for values in series.values()) for i in range(len(days))]
    top = max(totals) or 1
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    body = [
        f'<text x="{x0 - 6}" y="12" text-anchor="end" fill="#616061">{top}</text>',
        f'<line x1="{x0}" y1="{plot_h}" x2="{width}" y2="{plot_h}" stroke="#ccc"/>',
    ]
    for i, day in enumerate(days):
        base = plot_h
        for name, values in series.items():
            if not values[i]:
                continue
            h = values[i] / top * (plot_h - 10)
            base -= h
            body.append(
                f'<rect class="bar" x="{x0 + i * step + 1:.1f}" y="{base:.1f}" '
                f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{colors[name]}">'
                f"<title>{escape(day)} {escape(name)}: {values[i]}</title></rect>"
            )
    body += _day_axis(days, x0, step, plot_h + 20)
    legend_y = plot_h + 34
    for i, name in enumerate(series):
        x, y = x0 + (i % 3) * 200, legend_y + (i // 3) * 18
        body.append(
            f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{colors[name]}"/>'
            f'<text x="{x + 14}" y="{y}">{escape(name)}</text>'
        )
    return _svg(title, width + 20, legend_y + ((len(series) - 1) // 3) * 18 + 8, body, css_id)
