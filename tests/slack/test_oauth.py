"""Slack OAuth for many workspaces, end to end: two workspaces installed through the real HTTP
flow against the mock Slack API, each coached with its own token; install links refused when
forged, expired or replayed; uninstall and revocation; tokens encrypted at rest; rotation.
On SQLite and PostgreSQL (skipped where MOT_TEST_POSTGRES_URL is unset)."""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.store import Store
from bot.store.filters import LogFilter
from bot.store.models import slack_oauth_states
from bot.store.queries import list_events
from tests.slack.conftest import SUPPORT
from tests.slack.mock_slack import Workspace
from tests.slack.oauth_helpers import OTHER_KEY, OAuthServer, oauth_settings

BILLING = "I was charged twice for my order and nobody has refunded me."
ACME = Workspace("T_ACME", "Acme", "code-acme", "xoxb-acme-1")
GLOBEX = Workspace("T_GLOBEX", "Globex", "code-globex", "xoxb-globex-1")


@pytest.fixture
async def oauth_server(mock_slack, database_url):
    servers = []

    async def start(**overrides) -> OAuthServer:
        settings = oauth_settings(mock_slack, database_url, **overrides)
        server = await OAuthServer(mock_slack, settings).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()


def raw(server: OAuthServer, sql: str) -> list[tuple]:
    with server.mot.store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


async def test_two_workspaces_are_each_coached_with_their_own_token(oauth_server, mock_slack):
    server = await oauth_server()
    page = await server.install(ACME)
    assert "mot-coach is installed in Acme" in page
    await server.install(GLOBEX)
    mock_slack.calls.clear()  # from here on, only what coaching calls

    for team in ("T_ACME", "T_GLOBEX"):
        status, body, _ = await server.tip(team, BILLING)
        assert status == 200 and json.loads(body)["text"] == "Coaching…"
    await mock_slack.wait_for("response_url", 2)
    answered = {token.split("-")[0] for token in mock_slack.response_tokens}
    assert answered == {"T_ACME", "T_GLOBEX"}
    # Bolt's authorize asked Slack about each workspace with that workspace's own token
    seen = {call.token for call in mock_slack.of("auth.test")}
    assert seen == {ACME.token, GLOBEX.token}

    # a mention in each workspace: the thread is read, and the tip sent, with its token
    for number, (workspace, channel) in enumerate(((ACME, "C_ACME"), (GLOBEX, "C_GLOBEX"))):
        ts = f"{time.time() + number:.6f}"
        mock_slack.replies[ts] = [{"user": "U_CUST", "text": BILLING, "ts": ts}]
        mention = {"type": "app_mention", "channel": channel, "user": "U_AGENT", "ts": ts}
        status, _, _ = await server.team_event(workspace.team, mention | {"text": "<@UBOT> help"})
        assert status == 200
    posts = await mock_slack.wait_for("chat.postEphemeral", 2)
    for method in ("conversations.replies", "chat.postEphemeral"):
        by_channel = {
            (call.args.get("channel") or call.args.get("channel_id")): call.token
            for call in mock_slack.of(method)
        }
        assert by_channel == {"C_ACME": ACME.token, "C_GLOBEX": GLOBEX.token}, method
    assert len(posts) == 2
    await server.wait_logged(4)
    logged = list_events(server.mot.store, LogFilter(), limit=10)
    assert {row["workspace"] for row in logged} == {"T_ACME", "T_GLOBEX"}


async def test_a_workspace_that_never_installed_is_told_to_install(oauth_server, mock_slack):
    server = await oauth_server()
    await server.install(ACME)
    mock_slack.calls.clear()
    await server.tip("T_STRANGER", BILLING)
    (answer,) = await mock_slack.wait_for("response_url")
    assert "mot-coach is not installed in this workspace" in answer.args["text"]
    assert mock_slack.of("auth.test") == []  # no token was found to ask with


async def test_forged_expired_and_replayed_install_links_are_refused(oauth_server, mock_slack):
    server = await oauth_server()
    mock_slack.install(ACME)

    # forged: a state this server never issued, with a cookie to match
    status, page = await server.finish_install(ACME.code, "forged-state", "forged-state")
    assert status == 400 and "expired or was already used" in page
    # another browser: a real state, without the cookie set when it was issued
    start = await server.begin_install()
    status, page = await server.finish_install(ACME.code, start.state, None)
    assert status == 400 and "not started in this browser" in page
    # expired: issued more than 10 minutes ago
    start = await server.begin_install()
    with server.mot.store.engine.begin() as connection:
        connection.execute(
            slack_oauth_states.update()
            .where(slack_oauth_states.c.state == start.state)
            .values(expire_at=slack_oauth_states.c.expire_at - timedelta(minutes=10, seconds=1))
        )
    status, page = await server.finish_install(ACME.code, start.state, start.cookie)
    assert status == 400 and "expired or was already used" in page
    assert mock_slack.of("oauth.v2.access") == []  # no code was spent on a bad link

    # a good link works once; replayed, it is refused
    start = await server.begin_install()
    status, page = await server.finish_install(ACME.code, start.state, start.cookie)
    assert status == 200 and "installed in Acme" in page
    status, page = await server.finish_install(ACME.code, start.state, start.cookie)
    assert status == 400 and "expired or was already used" in page
    assert 'href="/slack/install"' in page  # where to start again
    assert len(mock_slack.of("oauth.v2.access")) == 1
    assert raw(server, "SELECT team_id FROM slack_bots") == [("T_ACME",)]


async def test_a_code_slack_refuses_gives_a_clear_page(oauth_server, mock_slack):
    server = await oauth_server()
    start = await server.begin_install()
    status, page = await server.finish_install("code-nobody-issued", start.state, start.cookie)
    assert status == 401 and "did not accept the authorization code" in page
    assert raw(server, "SELECT COUNT(*) FROM slack_installations") == [(0,)]


@pytest.mark.parametrize("keep", ["keep", "purge"])
async def test_uninstalling_one_workspace_deletes_its_tokens_only(oauth_server, mock_slack, keep):
    server = await oauth_server(mot_uninstall_log=keep)
    await server.install(ACME)
    await server.install(GLOBEX)
    for team in ("T_ACME", "T_GLOBEX"):
        await server.tip(team, BILLING)
    await mock_slack.wait_for("response_url", 2)
    await server.wait_logged(2)

    status, _, _ = await server.team_event("T_ACME", {"type": "app_uninstalled"})
    assert status == 200
    assert raw(server, "SELECT team_id FROM slack_bots") == [("T_GLOBEX",)]
    assert raw(server, "SELECT team_id FROM slack_installations") == [("T_GLOBEX",)]
    workspaces = sorted(r["workspace"] for r in list_events(server.mot.store, LogFilter()))
    assert workspaces == (["T_ACME", "T_GLOBEX"] if keep == "keep" else ["T_GLOBEX"])

    mock_slack.response_tokens.clear()
    await server.tip("T_ACME", BILLING)
    await server.tip("T_GLOBEX", BILLING)
    answers = await mock_slack.wait_for("response_url", 4)
    by_team = {
        token.split("-")[0]: call.args.get("text", "")
        for token, call in zip(mock_slack.response_tokens, answers[2:], strict=True)
    }
    assert "mot-coach is not installed in this workspace" in by_team["T_ACME"]
    assert "Billing dispute" in by_team["T_GLOBEX"]


async def test_revoked_bot_token_is_deleted(oauth_server, mock_slack):
    server = await oauth_server()
    await server.install(ACME)
    await server.install(GLOBEX)
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}}
    status, _, _ = await server.team_event("T_GLOBEX", event)
    assert status == 200
    assert raw(server, "SELECT team_id FROM slack_bots") == [("T_ACME",)]


async def test_tokens_are_encrypted_at_rest_and_a_wrong_key_is_a_clear_error(
    oauth_server, mock_slack, caplog
):
    server = await oauth_server()
    await server.install(ACME)
    for table in ("slack_bots", "slack_installations"):
        ((stored,),) = raw(server, f"SELECT bot_token FROM {table}")
        assert stored.startswith("fernet:") and ACME.token not in stored

    caplog.set_level(logging.INFO)
    wrong = await oauth_server(mot_token_key=[OTHER_KEY])
    assert "MOT_TOKEN_KEY does not decrypt the stored Slack tokens" in caplog.text
    assert "T_ACME" in caplog.text
    status, _, _ = await wrong.tip("T_ACME", BILLING)
    assert status == 200  # served, not crashed: the workspace is told to reinstall
    (answer,) = await mock_slack.wait_for("response_url")
    assert "mot-coach is not installed in this workspace" in answer.args["text"]

    # both keys, the new one first: old tokens read, and new ones are sealed with the new key
    rotated = await oauth_server(mot_token_key=[OTHER_KEY, server.settings.mot_token_key[0]])
    await rotated.tip("T_ACME", BILLING)
    await mock_slack.wait_for("response_url", 2)
    assert mock_slack.of("auth.test")[-1].token == ACME.token


async def test_without_a_key_tokens_are_stored_plain_with_a_warning(
    oauth_server, mock_slack, caplog
):
    caplog.set_level(logging.WARNING)
    server = await oauth_server(mot_token_key=[])
    assert "MOT_TOKEN_KEY is not set: Slack tokens are stored unencrypted" in caplog.text
    await server.install(ACME)
    assert raw(server, "SELECT bot_token FROM slack_bots") == [(ACME.token,)]
    await server.tip("T_ACME", BILLING)
    await mock_slack.wait_for("response_url")
    assert mock_slack.of("auth.test")[0].token == ACME.token


async def test_expiring_tokens_are_rotated_and_stored(oauth_server, mock_slack):
    server = await oauth_server()
    expiring = Workspace("T_ROT", "Rotor", "code-rot", "xoxe.xoxb-T_ROT-0", expires_in=600)
    await server.install(expiring)
    mock_slack.calls.clear()
    await server.tip("T_ROT", BILLING)
    await mock_slack.wait_for("response_url")
    refresh = [c for c in mock_slack.of("oauth.v2.access") if c.args.get("grant_type")]
    assert len(refresh) == 1 and refresh[0].args["refresh_token"].startswith("xoxe-1-T_ROT")
    (auth,) = mock_slack.of("auth.test")
    assert auth.token != expiring.token and auth.token.startswith("xoxe.xoxb-T_ROT-")
    bot = await server.mot.oauth.installations.async_find_bot(enterprise_id=None, team_id="T_ROT")
    assert bot.bot_token == auth.token and bot.bot_token_expires_at > time.time() + 3600


def test_installations_table_is_read_by_a_fresh_store(database_url):
    """The tables come from the migration (0010), not from create_all at run time."""
    store = Store(database_url)
    store.ensure_schema()
    with store.engine.connect() as connection:
        names = set(connection.dialect.get_table_names(connection))
    assert {"slack_installations", "slack_bots", "slack_oauth_states"} <= names
    store.close()


async def test_single_workspace_mode_serves_no_install_pages(slack_server):
    server = await slack_server()
    base = server.url.removesuffix("/slack/events")
    async with server.session.get(base + "/slack/install") as response:
        assert response.status == 404
    assert server.mot.oauth is None
    assert SUPPORT in server.settings.mot_support_channels


async def test_the_digest_goes_to_each_workspace_with_its_own_token_and_records(
    oauth_server, mock_slack
):
    from bot.commands.digest import destinations, send_digest
    from bot.store.digest import build_digest
    from bot.store.records import utcnow
    from tests.store_helpers import event_row

    server = await oauth_server(mot_leads_channel="C_LEADS")
    await server.install(ACME)
    await server.install(GLOBEX)
    store = server.mot.store
    yesterday = utcnow() - timedelta(days=1)
    store.insert_events(
        [event_row(workspace="T_ACME", created_at=yesterday) for _ in range(2)]
        + [event_row(workspace="T_GLOBEX", created_at=yesterday)]
    )
    assert destinations(server.settings) == ["slack"]
    digest = build_digest(store, 7)
    assert digest["tips"] == 3
    assert await send_digest(server.settings, store, digest, ["slack"]) == []
    posts = {call.token: call.args["text"] for call in mock_slack.of("chat.postMessage")}
    assert posts == {
        ACME.token: "Weekly coaching digest: 2 tips, 0 shown; acceptance -",
        GLOBEX.token: "Weekly coaching digest: 1 tips, 0 shown; acceptance -",
    }
    assert {c.args["channel"] for c in mock_slack.of("chat.postMessage")} == {"C_LEADS"}


async def test_a_workspace_with_its_own_leads_channel_gets_its_digest_there(
    oauth_server, mock_slack
):
    from bot.commands.digest import send_digest
    from bot.store.digest import build_digest
    from bot.workspaces.model import WorkspaceKey, WorkspaceSettings
    from bot.workspaces.stored import write_stored

    server = await oauth_server(mot_leads_channel="C_LEADS")
    await server.install(ACME)
    await server.install(GLOBEX)
    store = server.mot.store
    key = WorkspaceKey("slack", "T_GLOBEX")
    write_stored(store, key, WorkspaceSettings(leads_channel="C_GLOBEX_LEADS"), "lead")
    assert await send_digest(server.settings, store, build_digest(store, 7), ["slack"]) == []
    channels = {call.token: call.args["channel"] for call in mock_slack.of("chat.postMessage")}
    assert channels == {ACME.token: "C_LEADS", GLOBEX.token: "C_GLOBEX_LEADS"}


def test_oauth_mode_and_token_key_settings(monkeypatch):
    from pydantic import ValidationError

    from bot.config import Settings

    monkeypatch.setenv("SLACK_CLIENT_ID", "123.456")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("SLACK_SCOPES", "commands, chat:write")
    settings = Settings()
    assert settings.slack_oauth and settings.slack_scopes == ["commands", "chat:write"]
    assert not Settings(slack_bot_token="xoxb-one").slack_oauth  # one workspace wins
    assert "commands" in Settings(slack_scopes=" ").slack_scopes  # blank: the default
    with pytest.raises(ValidationError) as error:
        Settings(mot_token_key="not-a-fernet-key")
    assert "key 1 is not a Fernet key" in str(error.value)
    assert "Fernet.generate_key()" in str(error.value)
    with pytest.raises(ValidationError):
        Settings(mot_uninstall_log="archive")


async def test_app_home_shows_a_workspace_only_its_own_records(oauth_server, mock_slack):
    from bot.store.records import utcnow
    from tests.store_helpers import event_row

    server = await oauth_server(mot_leads=["U_LEAD"])
    await server.install(ACME)
    await server.install(GLOBEX)
    now = utcnow()
    server.mot.store.insert_events(
        [
            event_row(
                workspace="T_ACME", agent="U_LEAD", playbook="billing-dispute", created_at=now
            ),
            event_row(workspace="T_GLOBEX", agent="U_LEAD", playbook="praise", created_at=now),
        ]
    )
    mock_slack.calls.clear()
    for team in ("T_ACME", "T_GLOBEX"):
        await server.team_event(team, {"type": "app_home_opened", "user": "U_LEAD", "tab": "home"})
    published = await mock_slack.wait_for("views.publish", 2)
    views = {call.token: json.dumps(call.args["view"]) for call in published}
    assert set(views) == {ACME.token, GLOBEX.token}
    assert "billing-dispute" in views[ACME.token] and "praise" not in views[ACME.token]
    assert "praise" in views[GLOBEX.token] and "billing-dispute" not in views[GLOBEX.token]


async def test_install_pages_say_so_when_the_database_is_unreachable(mock_slack, tmp_path):
    settings = oauth_settings(mock_slack, f"sqlite:///{tmp_path}/no-such-folder/log.db")
    server = await OAuthServer(mock_slack, settings).start()
    try:
        async with server.browser.get(server.base + "/slack/install") as response:
            assert response.status == 503
            assert "cannot reach its database just now" in await response.text()
        status, page = await server.finish_install("code", "state", "state")
        assert status == 503 and "Try again in a moment" in page
    finally:
        await server.stop()


async def test_an_org_wide_grid_install_serves_its_workspaces_as_one(oauth_server, mock_slack):
    server = await oauth_server()
    grid = Workspace("T_UNUSED", "Initech", "code-grid", "xoxb-grid-1", enterprise="E_GRID")
    page = await server.install(grid)
    assert "installed in Initech" in page
    assert raw(server, "SELECT enterprise_id, team_id FROM slack_bots") == [("E_GRID", None)]
    mock_slack.calls.clear()
    for team in ("T_EAST", "T_WEST"):  # two workspaces of the org
        await server.tip(team, BILLING, enterprise="E_GRID")
    await mock_slack.wait_for("response_url", 2)
    assert {call.token for call in mock_slack.of("auth.test")} == {grid.token}
    await server.wait_logged(2)
    assert {r["workspace"] for r in list_events(server.mot.store, LogFilter())} == {"E_GRID"}


async def test_installed_workspaces_are_coached_with_their_own_knowledge(oauth_server, mock_slack):
    """Issue 15's whole path: two workspaces installed through OAuth, each with its own
    settings (stored from the dashboard's table), coached with its own token and knowledge."""
    from bot.workspaces.model import WorkspaceKey, WorkspaceSettings
    from bot.workspaces.stored import write_stored

    server = await oauth_server()
    await server.install(ACME)
    await server.install(GLOBEX)
    store = server.mot.store
    for team, refund_time in (("T_ACME", "within 2 days (Acme)"), ("T_GLOBEX", "in 8 days")):
        own = WorkspaceSettings(knowledge={"facts": {"refund_time": refund_time}})
        write_stored(store, WorkspaceKey("slack", team), own, "lead")
    mock_slack.response_tokens.clear()
    for team in ("T_ACME", "T_GLOBEX"):
        await server.tip(team, BILLING)
    answers = await mock_slack.wait_for("response_url", 2)
    by_team = {
        token.split("-")[0]: json.dumps(call.args)
        for token, call in zip(mock_slack.response_tokens, answers, strict=True)
    }
    assert "within 2 days (Acme)" in by_team["T_ACME"] and "8 days" not in by_team["T_ACME"]
    assert "in 8 days" in by_team["T_GLOBEX"] and "(Acme)" not in by_team["T_GLOBEX"]
    assert {call.token for call in mock_slack.of("auth.test")} >= {ACME.token, GLOBEX.token}
