"""`mot-coach digest` against the mock Slack Web API, and the weekly schedule in `serve`."""

from __future__ import annotations

import json
from datetime import datetime

from bot.config import Settings
from bot.store import Store
from bot.web.digest_schedule import is_due, send_if_due, week_key
from bot.web.keys import SETTINGS, STORE
from tests.digest_helpers import run_digest, seed_week


def _env(mock_slack, tmp_path) -> dict:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": mock_slack.url + "/api/",
        "MOT_LEADS_CHANNEL": "C_LEADS",
        "MOT_DATABASE_URL": f"sqlite:///{tmp_path / 'log.db'}",
        "MOT_DASHBOARD_URL": "https://coach.example.com/dashboard/",
    }


async def test_digest_now_posts_to_the_leads_channel(mock_slack, tmp_path):
    env = _env(mock_slack, tmp_path)
    seed_week(env["MOT_DATABASE_URL"]).close()
    code, out, err = await run_digest(env)
    assert code == 0, err
    assert out.strip() == "digest sent to slack"
    (post,) = mock_slack.of("chat.postMessage")
    assert post.args["channel"] == "C_LEADS"
    blocks = post.args["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    text = json.dumps(blocks)
    assert "3 tips, 3 shown; acceptance 33%" in text  # the 30-day-old tip is out of the week
    assert "after a used tip: 100% of 1" in text and "small sample" in text
    assert "billing-dispute (2)" in text
    assert "https://coach.example.com/dashboard/logs/" in text and "still escalated" in text
    assert "wants a refund: they were charged twice" in text
    assert "<https://coach.example.com/dashboard/stats|Open the dashboard>" in text


async def test_digest_json_sends_nothing_and_no_destination_is_a_clear_error(mock_slack, tmp_path):
    env = _env(mock_slack, tmp_path)
    seed_week(env["MOT_DATABASE_URL"]).close()
    code, out, _ = await run_digest(env, "--json")
    assert code == 0 and json.loads(out)["top_moments"][0] == {
        "moment": "billing-dispute",
        "tips": 2,
    }
    code, _, err = await run_digest({**env, "SLACK_BOT_TOKEN": "", "MOT_LEADS_CHANNEL": ""})
    assert code == 2 and "nowhere to send the digest" in err and "Traceback" not in err
    assert mock_slack.of("chat.postMessage") == []


async def test_serve_sends_once_a_week_on_the_day(mock_slack, tmp_path):
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_api_url=mock_slack.url + "/api/",
        mot_leads_channel="C_LEADS",
        mot_database_url=f"sqlite:///{tmp_path / 'log.db'}",
        mot_digest="weekly",
        mot_digest_day="tue",
        mot_digest_hour=9,
    )
    store: Store = seed_week(settings.mot_database_url)
    app = {SETTINGS: settings, STORE: store}
    monday = datetime(2026, 11, 23, 10)
    tuesday_early, tuesday = datetime(2026, 11, 24, 8), datetime(2026, 11, 24, 9, 5)
    assert not is_due(settings, monday) and not is_due(settings, tuesday_early)
    assert not await send_if_due(app, monday)
    assert await send_if_due(app, tuesday)
    assert not await send_if_due(app, tuesday.replace(hour=15))  # claimed for the week
    assert week_key(tuesday) == "digest:2026-W48"
    assert len(mock_slack.of("chat.postMessage")) == 1
    store.close()
