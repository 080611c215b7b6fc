"""Teams nudge and alert cards carry the thread's three-line summary, redacted: real POSTs to
/api/messages against the mock Bot Connector."""

import json

from tests.teams import activities as A
from tests.teams.conftest import _client, logged_events, teams_settings
from tests.teams.test_nudges import ANGRY, CUSTOMER, post

OPENING = "My order has not arrived. Reach me at carla@example.com."


async def test_nudge_and_alert_cards_carry_the_summary(tmp_path, connector, card_validator):
    leads = "19:leads@thread.tacv2"
    client = await _client(teams_settings(tmp_path, mot_leads_channel={"teams": leads}))
    root = "1700000000900"
    try:
        await post(client, A.channel_message(connector.url, root, OPENING, CUSTOMER))
        ana = A.user("29:ana", "Ana Agent")
        promise = "I'll chase the courier today."
        await post(client, A.channel_message(connector.url, root, promise, ana))
        await post(client, A.channel_message(connector.url, root, ANGRY, CUSTOMER))
    finally:
        await client.close()
    [nudge] = connector.cards("a:personal-")
    [alert] = connector.cards("a:channel-")
    for card in (nudge, alert):
        card_validator.validate(card)
        [facts] = [b for b in card["body"] if b.get("id") == "summary"]
        titles = {f["title"]: f["value"] for f in facts["facts"]}
        assert list(titles) == ["Wants", "Tried or promised", "At stake"]
        assert "agent promised to chase the courier today" in titles["Tried or promised"]
        assert "asks for a manager" in titles["At stake"]
        assert "carla@example.com" not in json.dumps(facts)  # (the card carries the chain)
    [event] = logged_events(tmp_path)
    assert json.loads(event["summary"])["tried"] == titles["Tried or promised"]
