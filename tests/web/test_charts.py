"""The inline-SVG charts, drawn on the server: ticks, counts, one day, 90 days, escaping."""

import itertools
import re
from datetime import date, timedelta

import pytest

from bot.web import charts


@pytest.mark.parametrize(
    "top, ticks",
    [(1, [0, 1]), (3, [0, 1, 2, 3]), (12, [0, 5, 10, 15]), (38, [0, 10, 20, 30, 40]), (0, [0, 1])],
)
def test_ticks_are_round_and_reach_the_top(top, ticks):
    assert charts.nice_ticks(top) == ticks


def _rects(svg: str) -> list[dict]:
    return [
        dict(re.findall(r'(\w+)="([^"]*)"', rect))
        for rect in re.findall(r'<rect class="bar"([^>]*)>', svg)
    ]


def test_one_day_is_a_column_with_its_count_and_full_date():
    svg = str(charts.stacked_columns("Escalations", ["2026-03-02"], {"escalate": [1]}, "c"))
    (bar,) = _rects(svg)
    assert float(bar["width"]) <= 48  # a column, not a block across the chart
    assert '<text class="total"' in svg and ">1</text>" in svg
    assert "2 Mar 2026" in svg  # the only day, named in full


def test_stacked_segments_carry_their_counts_and_the_legend_names_every_series():
    days = ["2026-03-01", "2026-03-02"]
    svg = str(charts.stacked_columns("M", days, {"Billing": [3, 1], "Praise": [2, 0]}, "m"))
    assert len(_rects(svg)) == 3
    assert re.findall(r'<text class="count"[^>]*>(\d+)</text>', svg) == ["3", "2", "1"]
    assert re.findall(r'<text class="total"[^>]*>(\d+)</text>', svg) == ["5", "1"]
    assert ">Billing</text>" in svg and ">Praise</text>" in svg


def test_ninety_days_keep_labels_apart_and_every_column():
    start = date(2026, 1, 1)
    days = [(start + timedelta(days=n)).isoformat() for n in range(90)]
    svg = str(charts.stacked_columns("M", days, {"a": [n % 7 + 1 for n in range(90)]}, "m"))
    assert len(_rects(svg)) == 90
    labels = re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle"[^>]*>(\d+ \w{3})<', svg)
    xs = [float(x) for x, _ in labels]
    assert 8 <= len(labels) <= 20 and min(b - a for a, b in itertools.pairwise(xs)) >= 50
    assert "<script" not in svg and "href" not in svg  # inline, no script, nothing fetched


def test_empty_and_unsafe_labels():
    assert "No conversations yet" in str(
        charts.stacked_columns("E", [], {}, "e", empty="No conversations yet")
    )
    assert "<b>" not in str(charts.bar_chart("A", [("<b>x</b>", 0.5, "50% of 2 shown")], "a"))
    assert "&lt;b&gt;" in str(charts.bar_chart("A", [("<b>x</b>", 0.5, "50% of 2 shown")], "a"))


def test_the_palette_is_okabe_ito():
    assert set(charts.PALETTE) <= {
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
    }
    assert len(set(charts.PALETTE)) == len(charts.PALETTE) == 7
