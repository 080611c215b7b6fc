"""`mot-coach digest` to a Teams leads channel through the mock Bot Connector, using the
channel's conversation reference the bot stored when it saw the channel."""

import json

from tests.digest_helpers import run_digest, seed_week
from tests.teams import activities as A
from tests.teams.test_nudges import CUSTOMER, post


async def test_digest_posts_a_card_in_the_leads_channel(
    teams_client, connector, tmp_path, card_validator
):
    url = f"sqlite:///{tmp_path}/teams.db"
    await post(teams_client, A.channel_message(connector.url, "1700000000800", "Hi", CUSTOMER))
    seed_week(url).close()
    env = {
        "MOT_DATABASE_URL": url,
        "MOT_TEAMS_EMULATOR": "true",
        "MOT_LEADS_CHANNEL": "teams=" + A.CHANNEL,
        "MOT_DASHBOARD_URL": "https://coach.example.com",
        "SLACK_BOT_TOKEN": "",
    }
    code, out, err = await run_digest(env)
    assert code == 0, err
    assert out.strip() == "digest sent to teams"
    [created] = [c for c in connector.created if c["isGroup"]]
    assert created["channelData"]["channel"] == {"id": A.CHANNEL}
    [card] = connector.cards("a:channel-")
    card_validator.validate(card)
    text = json.dumps(card)
    assert "Weekly coaching digest" in text and "after a used tip: 100% of 1" in text
    assert "https://coach.example.com/dashboard/logs/" in text
    assert card["actions"][0]["url"] == "https://coach.example.com/dashboard/stats"


async def test_a_channel_the_bot_never_saw_is_a_clear_error(connector, tmp_path):
    url = f"sqlite:///{tmp_path}/never.db"
    seed_week(url).close()
    env = {
        "MOT_DATABASE_URL": url,
        "MOT_TEAMS_EMULATOR": "true",
        "MOT_LEADS_CHANNEL": "teams=19:leads@thread.tacv2",
        "SLACK_BOT_TOKEN": "",
    }
    code, _, err = await run_digest(env)
    assert code == 1 and "has not seen the leads channel 19:leads@thread.tacv2" in err
    assert connector.created == []
