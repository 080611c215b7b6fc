"""`mot-coach analyze`'s HTML report in a real headless Chromium: it renders, its charts are
there, and opening it makes no request beyond the file itself."""

import json

import pytest

from tests.cli.test_cli import mot
from tests.web.browser_helpers import CHROMIUM

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")

THREADS = [
    {
        "id": "a",
        "messages": [
            {"role": "customer", "text": "I was charged twice, email me at a@example.com", "ts": 0},
            {"role": "agent", "text": "Checking now", "ts": 600},
            {
                "role": "customer",
                "text": "Third time asking! Manager now or my lawyer hears of it",
                "ts": 700,
            },
        ],
    },
    {
        "id": "b",
        "messages": [
            {"role": "customer", "text": "Thanks, the new router works great!", "ts": 86_400},
            {"role": "agent", "text": "Glad to hear it", "ts": 86_460},
        ],
    },
]


def test_the_report_renders_offline_with_its_charts(tmp_path, page):
    source = tmp_path / "past.jsonl"
    source.write_text("".join(json.dumps(t) + "\n" for t in THREADS), encoding="utf-8")
    report = tmp_path / "report.html"
    assert mot("analyze", str(source), "-o", str(report)).returncode == 0
    url = report.as_uri()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url)
    assert page.title() == "Moments of truth: past.jsonl"
    assert page.locator("#fig-conversations").inner_text() == "2"
    charts = page.locator("svg.chart")
    assert charts.count() == 5
    for css_id in ("chart-moments", "chart-escalation-moments", "chart-hours", "chart-waits"):
        box = page.locator(f"svg#{css_id}").bounding_box()
        assert box and box["width"] > 100 and box["height"] > 20
    assert page.locator("svg#chart-moments rect.bar").count() == 2
    examples = page.locator("#examples").inner_text()
    assert "[EMAIL_1]" in examples and "a@example.com" not in examples
    assert requested == [url]
