"""The dashboard over real HTTP, on SQLite and PostgreSQL: access control, CSRF, scope, audit,
export."""

import csv
import io
import json

from bot.store.filters import LogFilter
from bot.store.queries import list_events
from tests.web.conftest import csrf_token, login


def _ids(store):
    return {row["channel"]: row["id"] for row in list_events(store, LogFilter())}


def _actions(store):
    return [(e["actor"], e["action"], e["target"]) for e in reversed(store.audit_entries())]


async def test_pages_need_a_login(client):
    for path in ("/dashboard/logs", "/dashboard/stats", "/dashboard/logs/1"):
        response = await client.get(path, allow_redirects=False)
        assert response.status == 303
        assert response.headers["Location"].startswith("/dashboard/login?next=/dashboard/")
    export = await client.post("/dashboard/export", data={"format": "csv"})
    assert export.status == 403


async def test_session_cookie_is_httponly_and_samesite(client):
    response = await client.get("/dashboard/login")
    cookie = response.headers["Set-Cookie"]
    assert "mot_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Path=/dashboard" in cookie
    assert "script-src" not in response.headers["Content-Security-Policy"]  # no scripts at all
    assert response.headers["X-Frame-Options"] == "DENY"


async def test_wrong_password_is_refused_and_audited(client, seeded_store):
    response = await login(client, "alice", "not-her-password")
    assert response.status == 401 and "Wrong user name or password" in await response.text()
    unknown = await login(client, "mallory", "whatever-password")
    assert unknown.status == 401
    assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 303
    assert ("alice", "login_failed", None) in _actions(seeded_store)


async def test_login_without_a_csrf_token_is_refused(client):
    await client.get("/dashboard/login")
    missing = await client.post(
        "/dashboard/login",
        allow_redirects=False,
        data={"username": "alice", "password": "alice-password"},
    )
    assert missing.status == 403 and "CSRF" in await missing.text()
    forged = await client.post(
        "/dashboard/login",
        allow_redirects=False,
        data={"username": "alice", "password": "alice-password", "csrf_token": "forged"},
    )
    assert forged.status == 403
    assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 303


async def test_login_starts_a_new_session_and_only_redirects_inside(client):
    before = await csrf_token(client)
    response = await login(client, "alice", next="//evil.example/steal")
    assert response.status == 303 and response.headers["Location"] == "/dashboard/logs"
    assert await csrf_token(client, "/dashboard/logs") != before  # the session id changed


async def test_repeated_failures_are_throttled(client):
    for _ in range(5):
        assert (await login(client, "alice", "guess-guess")).status == 401
    blocked = await login(client, "alice")  # even the right password, for a while
    assert blocked.status == 429 and "Too many failed sign-ins" in await blocked.text()


async def test_tampered_session_is_signed_out(client):
    await login(client, "alice")
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/dashboard/"))
    value = cookie["mot_session"].value
    payload, signature = value.split(".")
    forged = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1]
    client.session.cookie_jar.update_cookies(
        {"mot_session": f"{forged}.{signature}"}, client.make_url("/dashboard/")
    )
    assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 303


async def test_views_are_audited(client, seeded_store):
    await login(client, "alice")
    ids = _ids(seeded_store)
    page = await client.get(f"/dashboard/logs/{ids['C2']}")
    text = await page.text()
    assert page.status == 200 and "SECRET-C2 where is my parcel" in text
    assert "asks for a manager" in text and "order-status" in text
    assert ("alice", "view", f"event:{ids['C2']}") in _actions(seeded_store)
    listing = await client.get("/dashboard/logs")
    assert "2 events" in await listing.text()


async def test_a_scoped_lead_cannot_open_another_channel_even_by_url(client, seeded_store):
    await login(client, "bob")
    ids = _ids(seeded_store)
    listing = await (await client.get("/dashboard/logs")).text()
    assert (
        f"/dashboard/logs/{ids['C1']}" in listing and f"/dashboard/logs/{ids['C2']}" not in listing
    )
    assert "1 event" in listing and "channel C1" in listing
    response = await client.get(f"/dashboard/logs/{ids['C2']}")
    assert response.status == 404 and "SECRET-C2" not in await response.text()
    assert ("bob", "view_denied", f"event:{ids['C2']}") in _actions(seeded_store)
    stats = await (await client.get("/dashboard/stats")).text()
    assert 'id="fig-total">1<' in stats


async def test_export_streams_within_scope_and_is_audited(client, seeded_store):
    await login(client, "bob")
    token = await csrf_token(client, "/dashboard/logs")
    response = await client.post("/dashboard/export", data={"format": "csv", "csrf_token": token})
    assert response.status == 200 and response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers.get("Transfer-Encoding") == "chunked"  # streamed, no length
    rows = list(csv.DictReader(io.StringIO(await response.text())))
    assert [r["channel"] for r in rows] == ["C1"]
    jsonl = await client.post(
        "/dashboard/export",
        data={"format": "jsonl", "csrf_token": token, "playbook": "billing-dispute"},
    )
    records = [json.loads(line) for line in (await jsonl.text()).splitlines()]
    assert [r["playbook"] for r in records] == ["billing-dispute"]
    exports = [e for e in seeded_store.audit_entries() if e["action"] == "export"]
    assert [(e["actor"], e["target"]) for e in exports] == [("bob", "jsonl"), ("bob", "csv")]
    assert exports[0]["detail"] == {
        "filters": {"playbook": "billing-dispute"},
        "scope": "channel C1",
    }
    refused = await client.post("/dashboard/export", data={"format": "csv"})
    assert refused.status == 403


async def test_filters_and_stats_pages(client):
    await login(client, "alice")
    filtered = await (await client.get("/dashboard/logs?outcome=dismissed")).text()
    assert "1 event" in filtered and "order-status" in filtered
    bad = await client.get("/dashboard/logs?since=someday")
    assert bad.status == 400 and "is not a date" in await bad.text()
    stats = await (await client.get("/dashboard/stats")).text()
    assert stats.count('<svg class="chart"') == 4 and 'class="bar"' in stats
    assert "<script" not in stats and "http://" not in stats.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )  # nothing fetched from anywhere


async def test_logout_needs_csrf_and_ends_the_session(client):
    await login(client, "alice")
    assert (await client.post("/dashboard/logout", allow_redirects=False)).status == 403
    token = await csrf_token(client, "/dashboard/logs")
    out = await client.post("/dashboard/logout", data={"csrf_token": token}, allow_redirects=False)
    assert out.status == 303
    assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 303


async def test_status_page_links_to_the_dashboard(client):
    page = await (await client.get("/")).text()
    assert 'href="/dashboard/"' in page
