"""Server-side dashboard sessions over real HTTP, on SQLite and PostgreSQL: logout and a new
password end them, replicas share them; Secure cookies behind a trusted HTTPS proxy only."""

from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from multidict import CIMultiDict
from sqlalchemy import select

from bot.config import Settings
from bot.store.dashboard_sessions import session_is_open, start_session
from bot.store.logins import claim_attempt
from bot.store.models import dashboard_sessions, login_attempts
from bot.store.records import utcnow
from bot.web.app import create_app
from bot.web.keys import STORE
from bot.web.maintenance import run_round
from bot.web.passwords import hash_password
from bot.web.proxies import forwarded_client
from bot.web.sessions import COOKIE
from bot.web.signin import LOGIN_LIMIT
from tests.store_helpers import database_with_outage
from tests.web.conftest import USERS, csrf_token, dashboard_settings, login


def session_cookie(client) -> str:
    return client.session.cookie_jar.filter_cookies(client.make_url("/dashboard/"))[COOKIE].value


def give_cookie(client, value: str) -> None:
    client.session.cookie_jar.update_cookies({COOKIE: value}, client.make_url("/dashboard/"))


async def status_of_logs(client) -> int:
    return (await client.get("/dashboard/logs", allow_redirects=False)).status


async def test_a_cookie_replayed_after_logout_is_refused(client):
    assert (await login(client, "alice")).status == 303
    stolen, token = session_cookie(client), await csrf_token(client, "/dashboard/logs")
    out = await client.post("/dashboard/logout", data={"csrf_token": token}, allow_redirects=False)
    assert out.status == 303
    give_cookie(client, stolen)
    assert await status_of_logs(client) == 303
    export = await client.post("/dashboard/export", data={"format": "csv", "csrf_token": token})
    assert export.status == 403


async def test_two_instances_share_sessions_and_logout_ends_them_on_both(
    seeded_store, database_url, tmp_path
):
    settings = dashboard_settings(database_url, tmp_path, mot_dashboard_secret="shared")
    async with (
        TestClient(TestServer(create_app(settings))) as one,
        TestClient(TestServer(create_app(settings))) as two,
    ):
        assert (await login(one, "alice")).status == 303
        give_cookie(two, session_cookie(one))
        assert await status_of_logs(two) == 200  # signed in on the other replica too
        token = await csrf_token(one, "/dashboard/logs")
        await one.post("/dashboard/logout", data={"csrf_token": token}, allow_redirects=False)
        assert await status_of_logs(two) == 303


async def test_a_new_password_ends_the_users_sessions(seeded_store, database_url, tmp_path):
    old = dashboard_settings(database_url, tmp_path, mot_dashboard_secret="shared")
    users = {**USERS, "alice": hash_password("alice-new-password", iterations=1000)}
    new = old.model_copy(update={"mot_dashboard_users": users})
    async with (
        TestClient(TestServer(create_app(old))) as before,
        TestClient(TestServer(create_app(new))) as after,
    ):
        assert (await login(before, "alice")).status == 303
        cookie = session_cookie(before)
        assert await status_of_logs(before) == 200
        give_cookie(after, cookie)
        assert await status_of_logs(after) == 303  # a replica with the new password refuses it
        assert await status_of_logs(before) == 303  # and it is gone for the old one as well
        assert (await login(after, "alice", "alice-new-password")).status == 303
        assert await status_of_logs(after) == 200


async def test_secure_cookie_behind_a_trusted_https_proxy_only(
    seeded_store, database_url, tmp_path
):
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    for trusted, secure in (("127.0.0.1", True), ("10.0.0.0/8", False)):
        settings = dashboard_settings(database_url, tmp_path, mot_trusted_proxies=trusted)
        async with TestClient(TestServer(create_app(settings))) as client:
            page = await client.get("/dashboard/login", headers=https)
            cookie = page.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
            assert ("Secure" in cookie) is secure, (trusted, cookie)
            client.session.cookie_jar.clear()
            plain = await client.get("/dashboard/login", headers={"X-Forwarded-For": "1.2.3.4"})
            assert "Secure" not in plain.headers["Set-Cookie"]


def test_forwarded_for_is_read_from_the_right_past_trusted_proxies():
    trusted = Settings(mot_trusted_proxies="10.0.0.0/8").mot_trusted_proxies
    chain = CIMultiDict({"X-Forwarded-For": "6.6.6.6, 203.0.113.4, 10.0.0.7"})
    assert forwarded_client("10.0.0.2", chain, trusted) == ("203.0.113.4", None)
    assert forwarded_client("192.0.2.1", chain, trusted) == ("192.0.2.1", None)  # untrusted peer
    garbled = CIMultiDict({"X-Forwarded-For": "nonsense", "X-Forwarded-Proto": "gopher"})
    assert forwarded_client("10.0.0.2", garbled, trusted) == ("10.0.0.2", None)
    proto = CIMultiDict({"X-Forwarded-Proto": "http, HTTPS"})
    assert forwarded_client("10.0.0.2", proto, trusted) == ("10.0.0.2", "https")


@pytest.fixture
def postgres_outage(tmp_path):
    with database_with_outage("postgresql", tmp_path) as found:
        yield found


async def test_a_signed_in_page_is_503_while_postgres_is_down(postgres_outage, tmp_path):
    url, take_down, bring_back = postgres_outage
    async with TestClient(TestServer(create_app(dashboard_settings(url, tmp_path)))) as client:
        assert (await login(client, "alice")).status == 303
        take_down()
        down = await client.get("/dashboard/logs", allow_redirects=False)
        assert down.status == 503 and "Sign-in is unavailable" in await down.text()
        bring_back()
        assert await status_of_logs(client) == 200  # the same session, still open


def test_serves_maintenance_forgets_expired_sessions_and_idle_counters(
    seeded_store, database_url, tmp_path
):
    app = create_app(dashboard_settings(database_url, tmp_path))
    long_ago = utcnow() - timedelta(days=1)
    start_session(seeded_store, "expired", "alice", USERS["alice"], 60, now=long_ago)
    start_session(seeded_store, "open", "alice", USERS["alice"], 3600)
    claim_attempt(seeded_store, "203.0.113.9", "alice", LOGIN_LIMIT, now=long_ago)
    run_round(app, retention_due=False)
    app[STORE].close()
    with seeded_store.engine.connect() as connection:
        assert connection.execute(select(login_attempts)).all() == []
        [row] = connection.execute(select(dashboard_sessions)).all()
    assert session_is_open(seeded_store, "open", "alice", USERS["alice"])
    assert row.expires_at > utcnow()
