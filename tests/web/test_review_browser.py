"""The morning review in a real headless Chromium (Debian's, through Playwright) against a real
`mot-coach serve`: the triage list, stats that add up, empty states, and charts with one event
and with 90 days. With MOT_DASHBOARD_SCREENSHOTS=DIR, each page is saved there at 1280 px."""

import itertools
import os
from datetime import timedelta
from pathlib import Path

import pytest

from bot.store.filters import LogFilter
from bot.store.queries import count_events
from bot.store.records import utcnow
from tests.store_helpers import event_row, synthetic_rows
from tests.web.browser_helpers import CHROMIUM, serve_log, sign_in
from tests.web.review_seed import CONVERSATIONS, review_rows

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")
SHOTS = os.environ.get("MOT_DASHBOARD_SCREENSHOTS")
LEVEL_RANK = {"calm": 0, "watch": 1, "escalate": 2}


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def review_site(tmp_path_factory):
    with serve_log(tmp_path_factory.mktemp("review"), review_rows()) as site:
        yield site


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory):
    with serve_log(tmp_path_factory.mktemp("fresh"), []) as site:
        yield site


@pytest.fixture
def signed_in(page, review_site):
    base, store = review_site
    sign_in(page, base, "alice")
    page.wait_for_url("**/dashboard/logs")
    return page, base, store


def _stats_figure(page, selector: str) -> int:
    return int(page.inner_text(selector))


def test_the_list_leads_with_the_customers_words_and_what_needs_a_look(signed_in):
    page, _base, _store = signed_in
    assert page.inner_text("#range").startswith("Dates: from ")
    assert page.inner_text("#total") == f"{len(CONVERSATIONS)} events"
    words = page.locator("#log td.words a").all_inner_texts()
    assert "“I want to speak to a manager right now.”" in words
    moments = page.locator("#log td.moment").all_inner_texts()
    assert {"Billing dispute", "Repeat contact", "Praise and thanks"} <= set(moments)
    assert not any("-" in m and m == m.lower() for m in moments if m != "no moment recognised")
    # "needs a look" first: escalated, ignored, thumbs-down, repeat contact; then the rest
    flagged = [
        row.get_attribute("class") == "attention" for row in page.locator("#log tbody tr").all()
    ]
    assert flagged == sorted(flagged, reverse=True) and flagged.count(True) == 5
    first = page.locator("#log tbody tr").first
    assert "escalated" in first.inner_text() and "tip ignored" in first.inner_text()
    levels = page.locator("#log td.level").all_inner_texts()
    assert "calm" in levels and "none" not in levels
    cli = page.locator("#log tr", has_text="Why was I billed twice").locator("td.outcome")
    assert cli.inner_text().strip() == "CLI"
    slack = page.locator("#log tr", has_text="manager right now").locator("td.where a")
    assert slack.get_attribute("href") == "slack://channel?team=T1&id=C2"
    teams = page.locator("#log tr", has_text="router on Monday").locator("td.where a")
    assert teams.inner_text() == "19:support ↗"
    assert teams.get_attribute("href").startswith(
        "https://teams.microsoft.com/l/message/19%3Asupport%40thread.tacv2/17000000"
    )
    _shot(page, "dashboard-list")


def test_sorts_by_level(signed_in):
    page, _base, _ = signed_in
    page.click("#log th >> text=Level")
    page.wait_for_url("**sort=level**")
    levels = [LEVEL_RANK[t.strip()] for t in page.locator("#log td.level").all_inner_texts()]
    assert levels == sorted(levels, reverse=True) and levels[0] == 2 and levels[-1] == 0
    page.select_option("select[name=sort]", "oldest")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**sort=oldest**")
    assert page.locator("#log td.words a").first.inner_text().startswith("“Hello, first time")


def test_filters_by_date_level_and_moment(signed_in):
    page, base, store = signed_in
    day = (utcnow() - timedelta(hours=44)).date().isoformat()
    page.fill("input[name=since]", day)
    page.fill("input[name=until]", day)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(f"**since={day}**")
    expected = count_events(store, LogFilter.parse({"since": day, "until": day}))
    assert 0 < expected < len(CONVERSATIONS)
    assert page.inner_text("#total") == f"{expected} event{'s' if expected > 1 else ''}"
    stamps = page.locator("#log td.when").evaluate_all("cells => cells.map(c => c.title)")
    assert stamps and all(s.startswith(day) for s in stamps)
    assert page.inner_text("#range").endswith("(UTC)") and "to" in page.inner_text("#range")

    page.goto(base + "/dashboard/logs?since=&level=calm&playbook=order-status")
    assert page.locator("#log td.words").all_inner_texts()[0].startswith("“Hi, could you tell")
    assert page.inner_text("#range") == "Dates: all time"


def test_stats_totals_equal_the_list_count(signed_in):
    page, base, _store = signed_in
    for query in ("", "?since=&channel_kind=slack", "?since=&level=escalate"):
        page.goto(base + "/dashboard/logs" + query)
        listed = int(page.inner_text("#total").split()[0])
        range_on_list = page.inner_text("#range")
        page.goto(base + "/dashboard/stats" + query)
        assert page.inner_text("#range") == range_on_list  # the same default dates
        assert _stats_figure(page, "#fig-total") == listed
        for total in ("#outcomes-total", "#levels-total", "#moments-total", "#agents-total"):
            assert _stats_figure(page, total) == listed, total
        on_columns = page.locator("#chart-moments text.total").all_text_contents()
        assert sum(map(int, on_columns)) == listed
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/dashboard/stats")
    assert requested and all(url.startswith(base) for url in requested)  # nothing external
    assert "no moment recognised" in page.inner_text("#moments")
    assert "no agent" in page.inner_text("#agents")
    outcomes = page.inner_text("#outcomes")
    assert "CLI" in outcomes and "not shown" in outcomes  # the alert nobody saw, apart from CLI
    assert _stats_figure(page, "#fig-needs-look") == 5
    _shot(page, "dashboard-stats")
    page.emulate_media(media="print")  # printable: no header or forms, the charts stay
    assert not page.is_visible("form.filters") and not page.is_visible("header nav")
    assert page.is_visible("#chart-moments") and page.is_visible("#range")


def test_the_detail_page_reads_in_order(signed_in):
    page, base, _ = signed_in
    page.locator("#log td.words a", has_text="third time").click()
    page.wait_for_url("**/dashboard/logs/*")
    assert page.inner_text("h1") == "Billing dispute"
    headings = page.locator("h2").all_inner_texts()
    assert headings[0] == "Conversation" and headings[-1] == "Technical details"
    assert headings.index("Suggested replies") < headings.index("What the agent did")
    assert page.locator("#suggestions li").count() == 2
    _shot(page, "dashboard-detail")
    page.goto(base + "/dashboard/logs?since=&outcome=cli")
    page.locator("#log td.words a", has_text="hello?").click()
    page.wait_for_url("**/dashboard/logs/*")
    assert page.inner_text("#suggestions").startswith("No suggested replies")
    assert page.locator("#suggestions li").count() == 0  # no "1. No suggestions"
    assert "printed by mot-coach tip" in page.inner_text("#outcome").lower()


def test_empty_states_on_a_fresh_log(page, fresh_site):
    base, _ = fresh_site
    sign_in(page, base, "alice")
    page.wait_for_url("**/dashboard/logs")
    assert page.inner_text("#total") == "0 events"
    assert "No coaching events match" in page.inner_text("#log tbody")
    page.goto(base + "/dashboard/stats")
    empty = page.inner_text("#empty-state")
    assert empty.startswith("No coaching events from ") and "/mot-tip" in empty
    assert page.locator("svg.chart").count() == 0 and "(none)" not in page.content()
    _shot(page, "dashboard-stats-empty")


def _columns(page, chart: str) -> list[dict]:
    return [box for box in (b.bounding_box() for b in page.locator(f"#{chart} rect.bar").all())]


def test_charts_with_one_event(page, tmp_path):
    one = event_row(playbook="order-status", escalation_level="escalate", outcome="used")
    with serve_log(tmp_path, [one]) as (base, _):
        sign_in(page, base, "alice")
        page.wait_for_url("**/dashboard/logs")
        page.goto(base + "/dashboard/stats")
        assert page.inner_text("#fig-total") == "1"
        for chart in ("chart-moments", "chart-escalations"):
            bars = _columns(page, chart)
            assert len(bars) == 1 and 0 < bars[0]["width"] <= 60  # a column, not a wall
            assert page.locator(f"#{chart} text.total").all_text_contents() == ["1"]
            ticks = page.locator(f"#{chart} text[font-size='11']").all_text_contents()
            assert "0" in ticks and "1" in ticks
        assert page.locator("#chart-playbook rect.bar").count() == 1
        assert "100% of 1 shown" in page.text_content("#chart-playbook")


def test_charts_with_90_days(page, tmp_path):
    rows = synthetic_rows(900, days=90, seed=11)
    with serve_log(tmp_path, rows) as (base, store):
        sign_in(page, base, "alice")
        page.wait_for_url("**/dashboard/logs")
        page.goto(base + "/dashboard/stats?since=90d")
        assert _stats_figure(page, "#fig-total") == count_events(
            store, LogFilter.parse({"since": "90d"})
        )
        chart = page.locator("#chart-moments")
        box = chart.bounding_box()
        assert 860 <= box["width"] <= 960 and box["height"] < 400
        days = {round(b["x"]) for b in _columns(page, "chart-moments")}
        assert 85 <= len(days) <= 91
        labels = chart.locator("text[text-anchor=middle][fill]").all()
        xs = sorted(label.bounding_box()["x"] for label in labels)
        assert 8 <= len(xs) <= 20 and min(b - a for a, b in itertools.pairwise(xs)) > 30
        _shot(page, "dashboard-stats-90-days")
