"""Teams is no open relay (issue 11, finding 1), over real POSTs to /api/messages: it is served
only when configured; emulator mode takes loopback peers and answers loopback serviceUrls only;
with an app id, only the serviceUrl the verified token names (or an allow-listed one); bodies are
read by exact media type, as UTF-8, bounded in size and depth. A refused request reaches no
connector and writes nothing: no log record, no stored conversation reference."""

import contextlib
import ipaddress
import json
import logging
import socket
import sqlite3
from unittest import mock

import pytest
from aiohttp.test_utils import TestServer, make_mocked_request
from yarl import URL

from bot.teams.endpoint import messages_route
from bot.teams.service_urls import is_loopback_host
from bot.web.app import create_app
from tests.teams import activities as A
from tests.teams.conftest import _client, teams_settings
from tests.teams.connector import MockConnector
from tests.teams.test_nudges import ANA, ANGRY, CUSTOMER, _open_chain
from tests.teams.tokens import bot_framework_keys, unknown_issuer

TIP = "mot-tip I was charged twice for my order and I want a refund now"
APP_ID = "11111111-2222-3333-4444-555555555555"
TEAMS_EMEA = "https://smba.trafficmanager.net/emea/"
NOTHING = {"coaching_events": 0, "coaching_outcomes": 0, "conversation_references": 0}


def written(tmp_path) -> dict[str, int]:
    """Rows the bot wrote to its database: log records, outcomes, conversation references."""
    counts = dict(NOTHING)
    if not (tmp_path / "teams.db").exists():
        return counts
    with sqlite3.connect(tmp_path / "teams.db") as db:
        for table in counts:
            # A table that was never created holds nothing.
            with contextlib.suppress(sqlite3.OperationalError):
                counts[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return counts


async def post(client, activity: dict, **headers):
    return await client.post("/api/messages", json=activity, headers=headers)


def activities(service_url: str) -> list[dict]:
    """One of each kind that coaches, tracks or records: a tip, a channel message, a click."""
    channel = A.channel_message(service_url, "1700000009000", ANGRY, CUSTOMER)
    use = {"log_id": 1, "index": 0, "text": "Sorry", "chain": "c1", "variant": 0}
    return [A.personal(service_url, TIP), channel, A.card_action(service_url, "use", use)]


def machine_name_url(port: int) -> str:
    """http://HOSTNAME:port, where this machine's name resolves to loopback but is not a
    loopback literal: the bot treats it as any other host, while tests can still reach it."""
    name = socket.gethostname()
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(name, port)}
    except OSError:
        addresses = set()
    if (
        not addresses
        or is_loopback_host(name)
        or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
    ):
        pytest.skip(f"this machine's name {name!r} does not resolve to loopback only")
    return f"http://{name}:{port}"


async def test_teams_is_not_served_without_an_app_id_or_the_emulator_setting(
    tmp_path, connector, caplog
):
    caplog.set_level(logging.INFO, logger="bot.teams")
    client = await _client(teams_settings(tmp_path, mot_teams_emulator=False))
    try:
        for activity in activities(connector.url):
            assert (await post(client, activity)).status == 404
        status_page = await (await client.get("/")).text()
    finally:
        await client.close()
    assert connector.calls == [] and written(tmp_path) == NOTHING
    [line] = [r.getMessage() for r in caplog.records if "Teams is off" in r.getMessage()]
    assert "/api/messages is not served" in line
    assert "MicrosoftAppId" in line and "MOT_TEAMS_EMULATOR=true" in line
    assert "off (set MicrosoftAppId, or MOT_TEAMS_EMULATOR=true" in status_page


@pytest.mark.parametrize("service_url", ["http://10.0.0.1", "http://169.254.169.254/latest/"])
async def test_emulator_mode_refuses_a_service_url_that_is_not_loopback(
    teams_client, connector, tmp_path, service_url
):
    for activity in activities(service_url):
        response = await post(teams_client, activity)
        assert response.status == 403
        error = (await response.json())["error"]
        assert f"refused to answer serviceUrl {service_url!r}" in error
        assert "emulator mode the bot answers only loopback URLs" in error
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_emulator_mode_refuses_a_peer_that_is_not_loopback(tmp_path, connector):
    """aiohttp takes the peer from the socket; this one is 10.0.0.5, as from the network."""
    app = create_app(teams_settings(tmp_path))
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        ("10.0.0.5", 50123) if name == "peername" else default
    )
    request = make_mocked_request(
        "POST",
        "/api/messages",
        headers={"Content-Type": "application/json"},
        app=app,
        transport=transport,
    )
    assert request.remote == "10.0.0.5"
    response = await messages_route(request)
    assert response.status == 403
    assert "loopback" in json.loads(response.body)["error"]
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_emulator_mode_ignores_a_token_instead_of_fetching_keys_for_it(
    teams_client, connector
):
    token = unknown_issuer().channel_token(APP_ID, connector.url)
    response = await post(
        teams_client, A.personal(connector.url, TIP), Authorization=f"Bearer {token}"
    )
    assert response.status == 201
    assert len(connector.cards("a:personal-ana")) == 1


async def test_emulator_mode_refuses_a_request_forwarded_by_a_proxy(
    teams_client, connector, tmp_path
):
    for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
        response = await post(
            teams_client, A.personal(connector.url, TIP), **{header: "for=203.0.113.9"}
        )
        assert response.status == 403, header
        assert "not through a proxy" in (await response.json())["error"]
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_a_verified_token_answers_only_the_service_url_it_names(tmp_path, connector):
    settings = teams_settings(
        tmp_path, microsoft_app_id=APP_ID, microsoft_app_password="secret", mot_teams_emulator=False
    )
    with bot_framework_keys() as issuer:
        client = await _client(settings)
        try:
            activity = A.personal(connector.url, TIP)
            for token in (
                issuer.channel_token(APP_ID, TEAMS_EMEA),  # vouches for another serviceUrl
                issuer.channel_token(APP_ID, None),  # vouches for none
            ):
                response = await post(client, activity, Authorization=f"Bearer {token}")
                assert response.status == 403
                error = (await response.json())["error"]
                assert f"refused to answer serviceUrl {connector.url!r}" in error
                assert "not the serviceUrl the request's token was issued for" in error
            # Verification comes first: a token from an unknown key is 401, whatever it names.
            forged = unknown_issuer().channel_token(APP_ID, TEAMS_EMEA)
            response = await post(client, activity, Authorization=f"Bearer {forged}")
            assert response.status == 401
        finally:
            await client.close()
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_an_allow_listed_service_url_is_answered(tmp_path, connector, card_validator):
    named = machine_name_url(URL(connector.url).port)
    activity = A.personal(named, TIP)
    refused = await _client(teams_settings(tmp_path))
    try:
        assert (await post(refused, activity)).status == 403
    finally:
        await refused.close()
    assert connector.calls == []

    allowed = await _client(teams_settings(tmp_path, mot_teams_service_urls=[f"{named}/"]))
    try:
        activity["id"] = "allowed-1"
        assert (await post(allowed, activity)).status == 201
    finally:
        await allowed.close()
    [card] = connector.cards("a:personal-ana")
    card_validator.validate(card)


@pytest.mark.parametrize(
    ("content_type", "says"),
    [
        ("text/plain;application/json", "sent as application/json"),
        ("application/jsonx", "sent as application/json"),
        ("application/json; charset=nope", "charset 'nope' is not supported"),
        ("application/json; charset=latin-1", "charset 'latin-1' is not supported"),
    ],
)
async def test_the_media_type_and_charset_are_parsed_exactly(
    teams_client, connector, tmp_path, content_type, says
):
    body = json.dumps(A.personal(connector.url, TIP)).encode()
    response = await teams_client.post(
        "/api/messages", data=body, headers={"Content-Type": content_type}
    )
    assert response.status == 415
    assert says in (await response.json())["error"]
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_utf8_json_in_any_spelling_is_accepted(teams_client, connector):
    body = json.dumps(A.personal(connector.url, TIP)).encode()
    headers = {"Content-Type": "Application/JSON; charset=UTF8"}
    response = await teams_client.post("/api/messages", data=body, headers=headers)
    assert response.status == 201
    assert len(connector.cards("a:personal-ana")) == 1


async def test_size_and_nesting_are_bounded_before_parsing(teams_client, connector, tmp_path):
    deep = '{"type": "message", "value": ' + "[" * 2000 + "]" * 2000 + "}"
    response = await teams_client.post(
        "/api/messages", data=deep, headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert "nested more than 64 levels deep" in (await response.json())["error"]

    huge = A.personal(connector.url, "mot-tip " + "refund " * 100_000)
    response = await post(teams_client, huge)
    assert response.status == 413
    assert "larger than 524,288 bytes" in (await response.json())["error"]

    async def chunks():  # no Content-Length: the bound holds while reading
        yield b'{"type": "message", "text": "'
        for _ in range(100):
            yield b"x" * 8192
        yield b'"}'

    response = await teams_client.post(
        "/api/messages", data=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert connector.calls == [] and written(tmp_path) == NOTHING


@pytest.mark.parametrize("fields", [{"conversation": "not an object"}, {"timestamp": "not a time"}])
async def test_an_activity_with_a_field_of_the_wrong_type_is_a_clear_400(
    teams_client, connector, tmp_path, fields
):
    response = await post(teams_client, {**A.personal(connector.url, TIP), **fields})
    assert response.status == 400
    assert "not a Bot Framework activity" in (await response.json())["error"]
    assert connector.calls == [] and written(tmp_path) == NOTHING


async def test_a_stored_chat_whose_service_url_is_no_longer_allowed_gets_no_nudge(
    tmp_path, connector
):
    """Ana's 1:1 chat was stored while its serviceUrl was allow-listed; the list has changed
    since, so her nudge goes through this turn's (vouched) serviceUrl, never the stored one."""
    former = MockConnector()
    server = TestServer(former.app(), host="127.0.0.1")
    await server.start_server()
    try:
        named = machine_name_url(server.port)
        before = await _client(teams_settings(tmp_path, mot_teams_service_urls=[named]))
        try:
            assert (await post(before, A.personal(named, "hello", ANA))).status == 201
        finally:
            await before.close()
        former.calls.clear()

        after = await _client(teams_settings(tmp_path))
        try:
            await _open_chain(after, connector, "1700000009100")
            angry = A.channel_message(connector.url, "1700000009100", ANGRY, CUSTOMER)
            assert (await post(after, angry)).status == 201
        finally:
            await after.close()
    finally:
        await server.close()
    assert former.calls == []
    [created] = connector.created
    assert created["members"] == [{"id": "29:ana", "name": "Ana Agent"}]
    assert "Heads-up" in json.dumps(connector.cards("a:personal-"))


async def test_a_verified_token_is_answered_at_its_own_or_an_allow_listed_service_url(
    tmp_path, connector, card_validator
):
    """A card action is answered in the HTTP response itself, so no Microsoft login is needed."""
    settings = teams_settings(
        tmp_path,
        microsoft_app_id=APP_ID,
        microsoft_app_password="secret",
        mot_teams_service_urls=[TEAMS_EMEA],
    )
    use = {"log_id": None, "index": 0, "text": "I will fix this now.", "chain": "c1", "variant": 0}
    with bot_framework_keys() as issuer:
        client = await _client(settings)
        try:
            for service_url, claim in [
                (connector.url, connector.url),  # the token vouches for it
                (f"{TEAMS_EMEA}v3", None),  # the token names none; the list allows it
            ]:
                token = issuer.channel_token(APP_ID, claim)
                activity = A.card_action(service_url, "use", use)
                response = await post(client, activity, Authorization=f"Bearer {token}")
                assert response.status == 200, await response.text()
                card_validator.validate((await response.json())["value"])
        finally:
            await client.close()
