"""Teams multi-tenant, over real POSTs to /api/messages: each tenant is served with its own
settings (a file for one, the dashboard's table for the other), and a tenant outside
MOT_TEAMS_TENANTS is refused before the bot runs: no outbound call, no log record."""

import json
import logging

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.store import Store
from bot.teams.endpoint import TEAMS_BOT
from bot.web.app import create_app
from bot.workspaces import WorkspaceKey, WorkspaceSettings
from bot.workspaces.stored import write_stored
from tests.teams import activities as A
from tests.teams.conftest import teams_settings

CHARGED_TWICE = "mot-tip I was charged twice for my order and I want a refund now"
CHANNEL_A, CHANNEL_B = "19:acme-support@thread.tacv2", "19:bolt-support@thread.tacv2"


def in_tenant(activity: dict, tenant: str, channel: str | None = None) -> dict:
    """The activity as tenant `tenant` sends it (in its own 1:1 chat, or its `channel`)."""
    activity["conversation"]["tenantId"] = tenant
    activity["channelData"]["tenant"] = {"id": tenant}
    if activity["conversation"]["conversationType"] == "personal":
        activity["conversation"]["id"] = f"a:personal-{tenant}"
    if channel:
        activity["conversation"]["id"] = activity["conversation"]["id"].replace(A.CHANNEL, channel)
        data = activity["channelData"]
        data["teamsChannelId"], data["channel"] = channel, {"id": channel}
    return activity


@pytest.fixture
async def tenants_client(tmp_path):
    """Tenant `acme` configured by its file, `bolt` from the dashboard's table; both allowed."""
    folder = tmp_path / "workspaces"
    folder.mkdir()
    (folder / "acme.yaml").write_text(
        f"channel: teams\nworkspace: acme\nsupport_channels: ['{CHANNEL_A}']\n"
        "agents: ['29:acme-ana']\nleads_channel: '19:acme-leads@thread.tacv2'\n"
        "knowledge: {facts: {refund_time: within 3 days (ACME policy)}}\n"
    )
    settings = teams_settings(
        tmp_path,
        mot_teams_tenants=["acme", "bolt"],
        mot_workspaces_dir=folder,
        mot_support_channels=[],
    )
    store = Store(settings.mot_database_url)
    bolt = {
        "support_channels": [CHANNEL_B],
        "agents": ["29:bolt-ben"],
        "leads_channel": "19:bolt-leads@thread.tacv2",
        "knowledge": {"facts": {"refund_time": "in 9 days"}},
    }
    write_stored(store, WorkspaceKey("teams", "bolt"), WorkspaceSettings(**bolt), "alice")
    store.close()
    client = TestClient(TestServer(create_app(settings), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


async def post(client, activity):
    return await client.post("/api/messages", json=activity)


async def test_a_tenant_outside_the_allow_list_is_refused_before_the_bot_runs(
    tenants_client, connector, caplog, tmp_path
):
    with caplog.at_level(logging.WARNING, logger="bot.teams.gate"):
        response = await post(
            tenants_client, in_tenant(A.personal(connector.url, CHARGED_TWICE), "evil")
        )
    assert response.status == 403
    assert "does not serve your organisation" in (await response.json())["error"]
    assert "tenant evil, which is not in MOT_TEAMS_TENANTS" in caplog.text
    no_tenant = A.personal(connector.url, CHARGED_TWICE)
    del no_tenant["conversation"]["tenantId"], no_tenant["channelData"]["tenant"]
    assert (await post(tenants_client, no_tenant)).status == 403
    assert connector.calls == []  # nothing sent
    store = tenants_client.server.app[TEAMS_BOT].runtime.store
    store.ensure_schema()
    with store.engine.connect() as connection:
        from sqlalchemy import func, select

        from bot.store.models import events, processed_events

        assert connection.execute(select(func.count()).select_from(events)).scalar() == 0
        assert connection.execute(select(func.count()).select_from(processed_events)).scalar() == 0


async def test_each_tenant_is_coached_with_its_own_knowledge(tenants_client, connector):
    for tenant in ("acme", "bolt"):
        activity = in_tenant(A.personal(connector.url, CHARGED_TWICE), tenant)
        assert (await post(tenants_client, activity)).status == 201
    [acme] = connector.cards("a:personal-acme")
    [bolt] = connector.cards("a:personal-bolt")
    assert "within 3 days (ACME policy)" in json.dumps(acme)
    assert "in 9 days" in json.dumps(bolt)
    assert "in 9 days" not in json.dumps(acme) and "ACME" not in json.dumps(bolt)
    store = tenants_client.server.app[TEAMS_BOT].runtime.store
    with store.engine.connect() as connection:
        from sqlalchemy import select

        from bot.store.models import events

        logged = connection.execute(select(events.c.workspace).order_by(events.c.id)).scalars()
        assert list(logged) == ["acme", "bolt"]


async def test_each_tenant_listens_to_its_own_support_channels(tenants_client, connector):
    bot = tenants_client.server.app[TEAMS_BOT]
    customer = A.user("29:cus", "Carla Customer")
    said = "My order never arrived and nobody answers"
    for tenant, channel, root in [
        ("acme", CHANNEL_A, "1700000000101"),  # acme's support channel
        ("acme", CHANNEL_B, "1700000000102"),  # bolt's, not acme's
        ("bolt", CHANNEL_B, "1700000000103"),
        ("bolt", CHANNEL_A, "1700000000104"),
    ]:
        activity = in_tenant(
            A.channel_message(connector.url, root, said, customer), tenant, channel
        )
        assert (await post(tenants_client, activity)).status == 201
    tracked = {
        root
        for channel, root in [
            (CHANNEL_A, "1700000000101"),
            (CHANNEL_B, "1700000000102"),
            (CHANNEL_B, "1700000000103"),
            (CHANNEL_A, "1700000000104"),
        ]
        if await bot.tracker.get_async(channel, f"{channel};messageid={root}")
    }
    assert tracked == {"1700000000101", "1700000000103"}


async def test_each_tenant_nudges_its_own_agent_and_alerts_its_own_leads(tenants_client, connector):
    customer = A.user("29:cus", "Carla Customer")
    angry = (
        "This is unacceptable! Third time I am writing. I want to speak to your manager right "
        "now or I cancel and tell everyone on twitter."
    )
    chains = [("acme", CHANNEL_A, "29:acme-ana", "1700000000201")]
    chains.append(("bolt", CHANNEL_B, "29:bolt-ben", "1700000000202"))
    for tenant, channel, agent, root in chains:
        for text, sender in [
            ("My order has not arrived", customer),
            ("Let me check that for you", A.user(agent, f"Agent {tenant}")),
            (angry, customer),
        ]:
            activity = A.channel_message(connector.url, root, text, sender)
            assert (await post(tenants_client, in_tenant(activity, tenant, channel))).status == 201
    people = {
        (c["channelData"]["tenant"]["id"], c["members"][0]["id"])
        for c in connector.created
        if not c["isGroup"]
    }
    assert people == {("acme", "29:acme-ana"), ("bolt", "29:bolt-ben")}
    alerts = {
        (c["channelData"]["tenant"]["id"], c["channelData"]["channel"]["id"])
        for c in connector.created
        if c["isGroup"]
    }
    assert alerts == {
        ("acme", "19:acme-leads@thread.tacv2"),
        ("bolt", "19:bolt-leads@thread.tacv2"),
    }
