"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) against a real
`mot-coach serve` on its embedded SQLite default."""

import csv

import pytest

from bot.store.filters import LogFilter
from bot.store.queries import count_events, list_events
from tests.store_helpers import event_row, synthetic_rows
from tests.web.browser_helpers import CHROMIUM, serve_log
from tests.web.browser_helpers import sign_in as _sign_in
from tests.web.conftest import PASSWORDS

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A seeded log and `mot-coach serve` in front of it: (base URL, store)."""
    secret = event_row(
        channel="C2",
        agent="U_SECRET",
        playbook="escalation-request",
        escalation_score=0.93,
        escalation_level="escalate",
        escalation_reasons=["asks for a manager: 'manager'"],
        excerpt=[
            {"role": "customer", "text": "SECRET-C2: get me your manager", "author": None},
            {"role": "agent", "text": "I'm on it.", "author": "U_SECRET"},
        ],
    )
    with serve_log(tmp_path_factory.mktemp("dashboard"), [*synthetic_rows(150), secret]) as site:
        yield site


def test_sign_in_filter_open_a_conversation_and_see_the_charts(page, site):
    base, store = site
    _sign_in(page, base, "alice")
    page.wait_for_url("**/dashboard/logs")
    assert page.inner_text("#total") == f"{count_events(store, LogFilter())} events"

    page.fill("input[name=agent]", "U_ANA")
    page.select_option("select[name=playbook]", "billing-dispute")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**agent=U_ANA**")
    expected = count_events(store, LogFilter(agent="U_ANA", playbook="billing-dispute"))
    assert expected > 0 and page.inner_text("#total") == f"{expected} events"
    agents = page.locator("#log tbody tr td.agent").all_inner_texts()
    assert agents and set(agents) == {"U_ANA"}

    page.locator("#log tbody td.words a").first.click()
    page.wait_for_url("**/dashboard/logs/*")
    assert page.inner_text("h1#moment") == "Billing dispute"
    assert page.locator("#suggestions li").count() >= 1
    assert page.locator("#excerpt .bubble").count() >= 1

    page.click("text=Stats")
    page.wait_for_url("**/dashboard/stats")
    charts = page.locator("svg.chart")
    assert charts.count() == 4
    for n in range(4):
        chart = charts.nth(n)
        box = chart.bounding_box()
        assert box["width"] > 300 and box["height"] > 40
        bars = chart.locator("rect.bar")
        assert bars.count() > 0
        assert max(bars.nth(i).bounding_box()["height"] for i in range(bars.count())) > 0
    assert page.inner_text("#fig-total") == str(
        count_events(store, LogFilter.parse({"since": page.input_value("input[name=since]")}))
    )


def test_a_wrong_password_is_refused(page, site):
    base, _ = site
    _sign_in(page, base, "alice", "not-the-password")
    assert page.inner_text("[role=alert]") == "Wrong user name or password."
    page.goto(base + "/dashboard/stats")
    assert "/dashboard/login" in page.url


def test_a_form_without_its_csrf_token_is_refused(page, site):
    base, _ = site
    page.goto(base + "/dashboard/login")
    page.evaluate("document.querySelector('input[name=csrf_token]').remove()")
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", PASSWORDS["alice"])
    page.click("button[type=submit]")
    assert page.inner_text("h1") == "Form refused" and "CSRF" in page.inner_text("main")
    page.goto(base + "/dashboard/logs")
    assert "/dashboard/login" in page.url


def test_a_lead_scoped_to_one_channel_cannot_open_another_by_url(page, site):
    base, store = site
    secret = next(r for r in list_events(store, LogFilter(agent="U_SECRET"), limit=1))
    _sign_in(page, base, "bob")
    page.wait_for_url("**/dashboard/logs")
    channels = page.locator("#log tbody tr td.where").all_inner_texts()
    assert channels and all(c.split(" · ")[1].removesuffix(" ↗") == "C1" for c in channels)
    response = page.goto(f"{base}/dashboard/logs/{secret['id']}")
    assert response.status == 404
    assert "SECRET-C2" not in page.content() and "no log entry" in page.inner_text("main")
    denied = [e for e in store.audit_entries() if e["action"] == "view_denied"]
    assert denied[0]["actor"] == "bob" and denied[0]["target"] == f"event:{secret['id']}"


def test_export_buttons_download_and_every_view_and_export_is_audited(page, site, tmp_path):
    base, store = site
    _sign_in(page, base, "alice")
    page.goto(base + "/dashboard/logs?channel=C3")
    with page.expect_download() as download:
        page.click("text=Export CSV")
    saved = tmp_path / "export.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert len(rows) == count_events(store, LogFilter(channel="C3"))
    assert {r["channel"] for r in rows} == {"C3"}
    with page.expect_download() as download:
        page.click("text=Export JSONL")
    assert download.value.suggested_filename.endswith(".jsonl")
    page.locator("#log tbody td.words a").first.click()
    page.wait_for_url("**/dashboard/logs/*")
    viewed = page.url.rsplit("/", 1)[1]
    mine = [(e["action"], e["target"]) for e in store.audit_entries() if e["actor"] == "alice"]
    assert mine[:3] == [("view", f"event:{viewed}"), ("export", "jsonl"), ("export", "csv")]
