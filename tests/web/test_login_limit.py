"""The dashboard's login limit over real HTTP, on SQLite and PostgreSQL: attempts are counted
before the password check, so parallel guesses cannot beat it; one address's lock-out leaves the
lead's own address alone; replicas on one database share it; the database down is a 503."""

import asyncio

from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app
from tests.web.conftest import PASSWORDS, csrf_token, dashboard_settings, login


async def attempt(client, name, password, token, address=None):
    """One sign-in POST; `address` goes in X-Forwarded-For (believed only from trusted peers)."""
    headers = {"X-Forwarded-For": address} if address else {}
    data = {"username": name, "password": password, "csrf_token": token}
    response = await client.post(
        "/dashboard/login", data=data, headers=headers, allow_redirects=False
    )
    return response.status, response.headers, await response.text()


def checked_passwords(store, name):
    """Every password check is audited (login or login_failed); refusals are not checks."""
    return [
        entry
        for entry in store.audit_entries(limit=500)
        if entry["actor"] == name and entry["action"] in ("login", "login_failed")
    ]


def assert_refused(status, headers, text):
    assert status == 429, text
    assert int(headers["Retry-After"]) > 0
    assert "Too many failed sign-ins" in text and "try again in" in text


async def test_fifty_parallel_guesses_check_at_most_five_passwords(client, seeded_store):
    token = await csrf_token(client)
    # From an untrusted peer X-Forwarded-For is ignored: a new "address" per guess changes nothing.
    results = await asyncio.gather(
        *(attempt(client, "alice", f"guess-{i}", token, f"203.0.113.{i}") for i in range(50))
    )
    checks = checked_passwords(seeded_store, "alice")
    assert 1 <= len(checks) <= 5
    assert [status for status, _, _ in results].count(401) == len(checks)
    refused = [result for result in results if result[0] != 401]
    assert len(refused) == 50 - len(checks)
    for result in refused:
        assert_refused(*result)
    # The right password from this address is refused too, without being checked.
    assert_refused(*await attempt(client, "alice", PASSWORDS["alice"], token))
    assert len(checked_passwords(seeded_store, "alice")) == len(checks)


async def test_the_lead_signs_in_from_another_address_while_one_is_blocked(
    seeded_store, database_url, tmp_path
):
    settings = dashboard_settings(database_url, tmp_path, mot_trusted_proxies="127.0.0.1")
    async with TestClient(TestServer(create_app(settings))) as client:
        token = await csrf_token(client)
        for _ in range(5):
            status, _, _ = await attempt(client, "alice", "guess-guess", token, "203.0.113.9")
            assert status == 401
        assert_refused(*await attempt(client, "alice", PASSWORDS["alice"], token, "203.0.113.9"))
        status, headers, _ = await attempt(
            client, "alice", PASSWORDS["alice"], token, "198.51.100.7"
        )
        assert status == 303 and headers["Location"] == "/dashboard/logs"
        assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 200
    signed_in = [e for e in seeded_store.audit_entries() if e["action"] == "login"]
    assert signed_in[0]["detail"] == {"ip": "198.51.100.7"}  # the client, not the proxy


async def test_two_instances_on_one_database_share_the_limit(seeded_store, database_url, tmp_path):
    settings = dashboard_settings(database_url, tmp_path, mot_dashboard_secret="shared")
    first, second = create_app(settings), create_app(settings)
    async with TestClient(TestServer(first)) as one, TestClient(TestServer(second)) as two:
        tokens = {one: await csrf_token(one), two: await csrf_token(two)}
        for client in (one, two, one, two, one):
            status, _, _ = await attempt(client, "bob", "guess-guess", tokens[client])
            assert status == 401
        for client in (one, two):
            assert_refused(*await attempt(client, "bob", PASSWORDS["bob"], tokens[client]))
    assert len(checked_passwords(seeded_store, "bob")) == 5


async def test_sign_in_with_the_database_down_is_a_clear_503(tmp_path):
    url = f"sqlite:///{tmp_path}/not-yet/log.db"  # unopenable until the folder exists
    async with TestClient(TestServer(create_app(dashboard_settings(url, tmp_path)))) as client:
        response = await login(client, "alice")
        text = await response.text()
        assert response.status == 503 and "Sign-in is unavailable" in text
        assert "cannot be reached" in text and "Traceback" not in text
        assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 303
        (tmp_path / "not-yet").mkdir()
        assert (await login(client, "alice")).status == 303  # back: signs in as usual
        assert (await client.get("/dashboard/logs", allow_redirects=False)).status == 200
