"""Charts as inline SVG, drawn on the server: no script, no external asset, works offline and
prints. Every chart is `<svg class="chart">` with a <title>; each bar is a `rect.bar` whose
<title> is its tooltip; value axes have ticks and bars carry their counts where they fit.
Labels are escaped. Colours are Okabe-Ito's, chosen to stay apart for colour-blind readers.
"""

from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape

# Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple,
# sky blue, vermillion, yellow; black is left for text.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
ESCALATE, WATCH = "#D55E00", "#F0E442"
OTHER, NONE = "#7F7F7F", "#C8C8C8"  # "other moments" and "no moment recognised"
INK, MUTED, GRID = "#1d1c1d", "#616061", "#e2e2e2"
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'
_DARK_FILLS = {"#0072B2", "#009E73", "#D55E00", "#7F7F7F"}  # white counts read on these

# Column charts: the plot area inside the SVG.
_LEFT, _PLOT_W, _PLOT_H, _TOP = 48, 860, 180, 16
_MAX_COLUMN = 48  # one day or a few: a column, not a wall
_LABEL_GAP = 56  # px between day labels


def _svg(title: str, width: int, height: int, body: list[str], css_id: str) -> Markup:
    return Markup(
        f'<svg class="chart" id="{escape(css_id)}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'xmlns="http://www.w3.org/2000/svg" {_FONT}><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def empty_chart(title: str, css_id: str, message: str) -> Markup:
    return _svg(
        title, 640, 40, [f'<text x="8" y="24" fill="{MUTED}">{escape(message)}</text>'], css_id
    )


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 5 x 10^n) up to at least `top`: 0, 5, 10, 15 for 12."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if top <= count and float(top).is_integer():
        step = 1  # counts: no 0.5 ticks
    return [step * n for n in range(math.ceil(top / step - 1e-9) + 1)]


def _number(value: float) -> str:
    return f"{value:g}"


def _text_fill(fill: str) -> str:
    return "#fff" if fill in _DARK_FILLS else INK


def bar_chart(
    title: str,
    items: list[tuple[str, float, str]],
    css_id: str,
    empty: str = "No data for these filters.",
    color: str = PALETTE[0],
    counts: bool = False,
) -> Markup:
    """Horizontal bars: (label, value, text beside the bar). Values are rates from 0 to 1 on a
    percentage axis, or with `counts` numbers on an axis of round ticks."""
    if not items:
        return empty_chart(title, css_id, empty)
    if counts:
        ticks = nice_ticks(max(value for _, value, _ in items))
        top, tick_text = ticks[-1], _number
    else:
        ticks, top, tick_text = [0, 0.25, 0.5, 0.75, 1.0], 1.0, "{:.0%}".format
    label_w, bar_w, row_h, head = 200, 360, 24, 20
    height = head + row_h * len(items) + 8
    body = []
    for tick in ticks:
        x = label_w + tick / top * bar_w
        body.append(
            f'<line x1="{x:.1f}" y1="{head - 2}" x2="{x:.1f}" y2="{height - 6}" stroke="{GRID}"/>'
            f'<text x="{x:.1f}" y="{head - 6}" text-anchor="middle" fill="{MUTED}" '
            f'font-size="11">{tick_text(tick)}</text>'
        )
    for i, (label, value, note) in enumerate(items):
        y = head + i * row_h
        width = max(0.0, min(value / top, 1.0)) * bar_w
        short = label if len(label) <= 30 else label[:29] + "…"
        body.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(short)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{width:.1f}" height="16" '
            f'fill="{color}"><title>{escape(label)}: {escape(note)}</title></rect>'
            f'<text x="{label_w + width + 6:.1f}" y="{y + 16}">{escape(note)}</text>'
        )
    return _svg(title, label_w + bar_w + 150, height, body, css_id)


def _day_label(day: str, alone: bool) -> str:
    when = date.fromisoformat(day)
    return f"{when.day} {when:%b %Y}" if alone else f"{when.day} {when:%b}"


def _axes(days: list[str], top: float, slot: float) -> tuple[list[str], float]:
    """Y ticks with grid lines, the baseline, and day labels; returns (svg, scale top)."""
    ticks = nice_ticks(top)
    scale = ticks[-1]
    base = _TOP + _PLOT_H
    body = []
    for tick in ticks:
        y = base - tick / scale * _PLOT_H
        body.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_LEFT + _PLOT_W}" y2="{y:.1f}" '
            f'stroke="{GRID}"/><text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="{MUTED}" font-size="11">{_number(tick)}</text>'
        )
    body.append(
        f'<line x1="{_LEFT}" y1="{base}" x2="{_LEFT + _PLOT_W}" y2="{base}" stroke="{MUTED}"/>'
    )
    every = max(1, math.ceil(_LABEL_GAP / slot))
    for i, day in enumerate(days):
        if i % every == 0:
            x = _LEFT + (i + 0.5) * slot
            body.append(
                f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="{MUTED}"/>'
                f'<text x="{x:.1f}" y="{base + 17}" text-anchor="middle" fill="{MUTED}" '
                f'font-size="11">{escape(_day_label(day, len(days) == 1))}</text>'
            )
    return body, scale


def stacked_columns(
    title: str,
    days: list[str],
    series: dict[str, list[int]],
    css_id: str,
    colors: dict[str, str] | None = None,
    empty: str = "No data for these filters.",
) -> Markup:
    """A column per day (YYYY-MM-DD), stacked by series, with its total on top, counts inside
    segments tall enough to hold them, a count axis with ticks, and a legend."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(days))]
    if not days or not any(totals):
        return empty_chart(title, css_id, empty)
    colors = colors or {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    slot = _PLOT_W / len(days)
    width = min(max(slot - 2, 1.0), _MAX_COLUMN)
    body, scale = _axes(days, max(totals), slot)
    base = _TOP + _PLOT_H
    for i, day in enumerate(days):
        x, y = _LEFT + i * slot + (slot - width) / 2, float(base)
        for name, values in series.items():
            if not values[i]:
                continue
            h = values[i] / scale * _PLOT_H
            y -= h
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}" fill="{colors[name]}" stroke="#fff" stroke-width=".6">'
                f"<title>{escape(day)} · {escape(name)}: {values[i]}</title></rect>"
            )
            if len(series) > 1 and h >= 15 and width >= 20:
                body.append(
                    f'<text class="count" x="{x + width / 2:.1f}" y="{y + h / 2 + 4:.1f}" '
                    f'text-anchor="middle" font-size="11" fill="{_text_fill(colors[name])}">'
                    f"{values[i]}</text>"
                )
        if totals[i] and slot >= 18:
            body.append(
                f'<text class="total" x="{x + width / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle" font-size="11" font-weight="600">{totals[i]}</text>'
            )
    height = base + 26
    if len(series) > 1 or list(series) != [title]:
        legend, height = _legend(series, colors, height + 8)
        body += legend
    return _svg(title, _LEFT + _PLOT_W + 16, height, body, css_id)


def _legend(series: dict, colors: dict, top: int) -> tuple[list[str], int]:
    body, per_row, col_w = [], 4, 220
    for i, name in enumerate(series):
        x, y = _LEFT + (i % per_row) * col_w, top + (i // per_row) * 18
        body.append(
            f'<rect x="{x}" y="{y - 10}" width="11" height="11" fill="{colors[name]}" '
            f'stroke="{MUTED}" stroke-width=".5"/><text x="{x + 16}" y="{y}">'
            f"{escape(name if len(name) <= 30 else name[:29] + '…')}</text>"
        )
    return body, top + ((len(series) - 1) // per_row) * 18 + 10
