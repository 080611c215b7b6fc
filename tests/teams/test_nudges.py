"""Listening in a channel over real HTTP: an escalating reply chain nudges its agent privately,
once per delivery (Teams retries), within the cooldown; high risk alerts the leads channel."""

import json

from tests.teams import activities as A
from tests.teams.conftest import _client, logged_events, teams_settings

CUSTOMER = A.user("29:cus", "Carla Customer")
ANA = A.user("29:ana", "Ana Agent")
ANGRY = (
    "This is unacceptable! Third time I am writing. I want to speak to your manager right "
    "now or I cancel and tell everyone on twitter."
)


async def post(client, activity):
    response = await client.post("/api/messages", json=activity)
    assert response.status == 201, await response.text()


async def _open_chain(client, connector, root):
    await post(client, A.channel_message(connector.url, root, "My order has not arrived", CUSTOMER))
    await post(client, A.channel_message(connector.url, root, "Let me check that for you", ANA))


async def test_same_activity_twice_nudges_the_agent_once(
    teams_client, connector, tmp_path, card_validator
):
    await _open_chain(teams_client, connector, "1700000000100")
    assert connector.calls == []  # calm so far: no nudge
    angry = A.channel_message(connector.url, "1700000000100", ANGRY, CUSTOMER)
    await post(teams_client, angry)
    await post(teams_client, angry)  # Teams' retry after 15 s: same activity id
    assert len(connector.created) == 1
    assert connector.created[0]["members"] == [{"id": "29:ana", "name": "Ana Agent"}]
    [card] = connector.cards("a:personal-")
    card_validator.validate(card)
    assert "Heads-up" in json.dumps(card)
    assert connector.activities(A.CHANNEL) == []  # never public
    [event] = logged_events(tmp_path)
    assert (event["channel_kind"], event["trigger"], event["agent"]) == ("teams", "nudge", "29:ana")
    assert event["thread"] == f"{A.CHANNEL};messageid=1700000000100"
    assert event["outcome"] == "shown"  # logged once the nudge reached Ana


async def test_a_nudge_teams_refuses_is_logged_but_not_shown(teams_client, connector, tmp_path):
    await _open_chain(teams_client, connector, "1700000000150")
    connector.refuse_chats = True
    await post(teams_client, A.channel_message(connector.url, "1700000000150", ANGRY, CUSTOMER))
    assert connector.created == [] and connector.cards("a:personal-") == []
    [event] = logged_events(tmp_path)
    assert (event["trigger"], event["agent"], event["outcome"]) == ("nudge", "29:ana", None)


async def test_cooldown_holds_back_a_second_nudge_on_the_same_chain(teams_client, connector):
    await _open_chain(teams_client, connector, "1700000000200")
    await post(teams_client, A.channel_message(connector.url, "1700000000200", ANGRY, CUSTOMER))
    await post(
        teams_client,
        A.channel_message(connector.url, "1700000000200", "Still waiting. Manager. Now.", CUSTOMER),
    )
    assert len(connector.created) == 1


async def test_high_risk_alerts_the_leads_channel(tmp_path, connector, card_validator):
    leads = "19:leads@thread.tacv2"
    client = await _client(teams_settings(tmp_path, mot_leads_channel=leads))
    try:
        await _open_chain(client, connector, "1700000000300")
        await post(client, A.channel_message(connector.url, "1700000000300", ANGRY, CUSTOMER))
    finally:
        await client.close()
    [alert] = [c for c in connector.created if c["isGroup"]]
    assert alert["channelData"]["channel"] == {"id": leads}
    [card] = connector.cards("a:channel-")
    card_validator.validate(card)
    assert "High-risk" in json.dumps(card) and "Ana Agent" in json.dumps(card)


async def test_channels_outside_support_channels_are_ignored(tmp_path, connector):
    client = await _client(teams_settings(tmp_path, mot_support_channels=["19:other@thread"]))
    try:
        await _open_chain(client, connector, "1700000000400")
        await post(client, A.channel_message(connector.url, "1700000000400", ANGRY, CUSTOMER))
    finally:
        await client.close()
    assert connector.calls == []


async def test_dedupe_and_cooldown_hold_on_postgresql_too(tmp_path, connector):
    """Two app instances (two processes' worth of state) on one PostgreSQL log: a retry that
    lands on the other instance still nudges once."""
    from tests.store_helpers import fresh_database_url

    url, cleanup = fresh_database_url("postgresql", tmp_path)
    first = await _client(teams_settings(tmp_path, mot_database_url=url))
    second = await _client(teams_settings(tmp_path, mot_database_url=url))
    try:
        await _open_chain(first, connector, "1700000000500")
        # the chain's history reaches the other instance through the log's database
        angry = A.channel_message(connector.url, "1700000000500", ANGRY, CUSTOMER)
        await post(first, angry)
        await post(second, angry)
    finally:
        await first.close()
        await second.close()
        cleanup()
    assert len(connector.created) == 1


async def test_a_customer_who_needs_care_alerts_the_leads_below_the_alert_score(
    tmp_path, connector, card_validator
):
    leads = "19:leads@thread.tacv2"
    client = await _client(teams_settings(tmp_path, mot_leads_channel=leads))
    grief = "My husband passed away last week; the order was his. Can you cancel it?"
    try:
        await _open_chain(client, connector, "1700000000400")
        await post(client, A.channel_message(connector.url, "1700000000400", grief, CUSTOMER))
    finally:
        await client.close()
    [card] = connector.cards("a:channel-")
    card_validator.validate(card)
    text = json.dumps(card)
    assert "Needs care" in text and "bereavement" in text and "care: bereavement" in text


async def test_hardship_at_watch_alerts_the_leads_too(tmp_path, connector, card_validator):
    leads = "19:leads@thread.tacv2"
    settings = teams_settings(tmp_path, mot_leads_channel=leads, mot_alert_score=0.95)
    client = await _client(settings)
    try:
        await _open_chain(client, connector, "1700000000500")
        hardship = "I can't afford food this month after you took the payment twice."
        await post(client, A.channel_message(connector.url, "1700000000500", hardship, CUSTOMER))
    finally:
        await client.close()
    [card] = connector.cards("a:channel-")
    card_validator.validate(card)
    assert "hardship" in json.dumps(card)
