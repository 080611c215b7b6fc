"""Isolation across two Slack workspaces and two Teams tenants, all through real HTTP: tips
asked for with signed Slack requests (mock Slack) and real /api/messages POSTs, then the
dashboard over aiohttp. A lead scoped to one workspace sees only its records, stats, exports
and settings; admins edit settings within their scope, with CSRF, audited, and the coach uses
the edit from the next message."""

import csv
import io
import re

import aiohttp
import pytest
from sqlalchemy import select

from bot.store.models import events
from bot.web.passwords import hash_password
from bot.workspaces import WorkspaceKey
from bot.workspaces.stored import read_stored
from tests.slack.test_workspaces import command_in, event_in
from tests.teams import activities as A
from tests.teams.test_tenants import in_tenant

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
USERS = ("one", "acme", "root")  # the lead of T_ONE (an admin), of tenant acme, and everyone's
WORDS = {"T_ONE": "Orchid", "T_TWO": "Tulip", "acme": "Maple", "bolt": "Cedar"}
ASK = "I was charged twice for my order {word} and I want a refund now"


class Dashboard:
    """A browser's view of the dashboard: a cookie jar, and the page's CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def sign_in(self, user: str) -> None:
        token = await self.token("/dashboard/login")
        form = {"username": user, "password": f"{user}-password", "csrf_token": token}
        async with self.session.post(self.base + "/dashboard/login", data=form) as response:
            assert response.status == 200, await response.text()

    async def token(self, path: str) -> str:
        async with self.session.get(self.base + path) as response:
            return CSRF.search(await response.text())[1]

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(self.base + path, allow_redirects=False) as response:
            return response.status, await response.text()

    async def post(self, path: str, form: dict, token: str | None = None) -> tuple[int, str]:
        if token is None:
            token = await self.token("/dashboard/workspaces")
        data = {**form, "csrf_token": token} if token else form
        async with self.session.post(self.base + path, data=data, allow_redirects=False) as r:
            return r.status, await r.text()


@pytest.fixture
async def four_workspaces(slack_server, connector, tmp_path, database_url):
    """One app with Slack (T_ONE from the dashboard's table, T_TWO from its file) and Teams
    (tenants acme and bolt), each workspace having asked for one tip; then the dashboard."""
    folder = tmp_path / "workspaces"
    folder.mkdir()
    (folder / "two.yaml").write_text("channel: slack\nworkspace: T_TWO\nsupport_channels: C2\n")
    server = await slack_server(
        mot_database_url=database_url,  # SQLite, and PostgreSQL where MOT_TEST_POSTGRES_URL is set
        mot_support_channels=[],
        mot_workspaces_dir=folder,
        mot_teams_emulator=True,
        mot_log_content="full",
        mot_dashboard_users={u: hash_password(f"{u}-password", iterations=1000) for u in USERS},
        mot_dashboard_scopes={"one": ["workspace:T_ONE"], "acme": ["workspace:acme"]},
        mot_dashboard_admins=["one", "root"],
    )
    for team, user in (("T_ONE", "U_ANA"), ("T_TWO", "U_BEN")):
        await command_in(server, team, "C1", user, ASK.format(word=WORDS[team]))
    base = server.url.removesuffix("/slack/events")
    for tenant in ("acme", "bolt"):
        activity = in_tenant(
            A.personal(connector.url, "mot-tip " + ASK.format(word=WORDS[tenant])), tenant
        )
        async with server.session.post(base + "/api/messages", json=activity) as response:
            assert response.status == 201
    await server.wait_logged(4)
    with server.mot.store.engine.connect() as connection:
        rows = connection.execute(select(events.c.id, events.c.workspace)).all()
    server.event_ids = {workspace: event_id for event_id, workspace in rows}
    dashboards = []

    async def dashboard(user: str) -> Dashboard:
        board = Dashboard(base)
        dashboards.append(board)
        await board.sign_in(user)
        return board

    yield server, dashboard
    for board in dashboards:
        await board.session.close()


@pytest.mark.parametrize(("lead", "own"), [("one", "T_ONE"), ("acme", "acme")])
async def test_a_scoped_lead_sees_only_their_workspace(four_workspaces, lead, own):
    server, dashboard = four_workspaces
    board = await dashboard(lead)
    others = [w for w in WORDS if w != own]
    status, page = await board.get("/dashboard/logs?since=")
    assert status == 200 and WORDS[own] in page
    assert not any(WORDS[w] in page for w in others)
    for workspace in others:
        status, page = await board.get(f"/dashboard/logs/{server.event_ids[workspace]}")
        assert status == 404 and WORDS[workspace] not in page
    status, page = await board.get(f"/dashboard/logs/{server.event_ids[own]}")
    assert status == 200 and WORDS[own] in page
    status, page = await board.get("/dashboard/stats?since=")
    assert re.search(r'id="fig-total">1<', page), "stats count only the lead's workspace"
    status, exported = await board.post(
        "/dashboard/export", {"format": "csv"}, await board.token("/dashboard/logs")
    )
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert status == 200 and [row["workspace"] for row in rows] == [own]
    status, page = await board.get("/dashboard/workspaces")
    assert f">{own}</a>" in page and not any(f">{w}</a>" in page for w in others)
    for kind, workspace in (("slack", "T_TWO"), ("teams", "bolt")):
        if workspace == own:
            continue
        status, page = await board.get(f"/dashboard/workspaces/{kind}/{workspace}")
        assert status == 404
        status, _ = await board.post(
            f"/dashboard/workspaces/{kind}/{workspace}", {"support_channels": "C_EVIL"}
        )
        assert status == 404
    denied = [e for e in server.mot.store.audit_entries() if e["action"] == "view_denied"]
    assert {e["target"] for e in denied} >= {"workspace:teams:bolt"}
    assert read_stored(server.mot.store, WorkspaceKey("teams", "bolt")) is None


async def test_only_admins_edit_and_file_workspaces_are_read_only(four_workspaces):
    server, dashboard = four_workspaces
    acme = await dashboard("acme")
    status, page = await acme.get("/dashboard/workspaces/teams/acme")
    assert status == 200 and "Only dashboard admins" in page and 'type="submit">Save' not in page
    status, _ = await acme.post("/dashboard/workspaces/teams/acme", {"agents": "29:me"})
    assert status == 403
    root = await dashboard("root")
    status, page = await root.get("/dashboard/workspaces/slack/T_TWO")
    assert status == 200 and "Configured by its file" in page and 'value="C2"' in page
    status, _ = await root.post("/dashboard/workspaces/slack/T_TWO", {"support_channels": "C9"})
    assert status == 409
    assert read_stored(server.mot.store, WorkspaceKey("teams", "acme")) is None
    assert read_stored(server.mot.store, WorkspaceKey("slack", "T_TWO")) is None


async def test_an_admin_edit_is_checked_audited_and_used_from_the_next_message(
    four_workspaces,
):
    server, dashboard = four_workspaces
    one = await dashboard("one")
    path = "/dashboard/workspaces/slack/T_ONE"
    status, page = await one.post(path, {"support_channels": "C_NEW"}, token="")
    assert status == 403 and "CSRF" in page  # no token: refused
    status, page = await one.post(path, {"voice_formality": "loud", "leads": "U_LEAD"})
    assert status == 400 and "form: knowledge.voice.formality" in page
    assert 'value="U_LEAD"' in page  # what was typed is kept
    edit = {"support_channels": "C_NEW", "fact_refund_time": "in 1 day (edited)"}
    status, _ = await one.post(path, edit)
    assert status == 303
    status, page = await one.get(path + "?saved=1")
    assert 'value="C_NEW"' in page and 'value="in 1 day (edited)"' in page
    [entry] = [e for e in server.mot.store.audit_entries() if e["action"] == "workspace_settings"]
    assert entry["actor"] == "one" and entry["target"] == "workspace:slack:T_ONE"
    assert entry["detail"]["changed"] == ["knowledge", "support_channels"]
    await command_in(server, "T_ONE", "C_NEW", "U_CAT", ASK.format(word="Iris"))
    answers = await server.mock.wait_for("response_url", 3)
    assert "in 1 day (edited)" in str(answers[-1].args)
    await event_in(server, "T_ONE", "C_NEW", "U_CUS", "My parcel is late", 1_800_000_000.0)
    await server.wait_thread(1_800_000_000.0, 1, channel="C_NEW")
