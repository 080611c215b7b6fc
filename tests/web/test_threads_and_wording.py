"""Links back to the thread in Slack or Teams, and the words the dashboard uses."""

from datetime import datetime

import pytest

from bot.config import Settings
from bot.store import LogFilter
from bot.web.threads import thread_link
from bot.web.wording import ago, range_text

SLACK = {"channel_kind": "slack", "workspace": "T1", "channel": "C9", "thread": "1700000000.000100"}


def test_slack_links_use_the_workspace_address_when_known():
    assert thread_link(SLACK, {"T1": "acme"}) == (
        "https://acme.slack.com/archives/C9/p1700000000000100"
    )
    assert thread_link(SLACK, {}) == "slack://channel?team=T1&id=C9"
    assert thread_link({**SLACK, "workspace": None}, {}) is None


def test_teams_links_open_the_reply_chain():
    row = {
        "channel_kind": "teams",
        "workspace": "tenant-1",
        "channel": "19:abc@thread.tacv2",
        "thread": "19:abc@thread.tacv2;messageid=1712345678901",
    }
    assert thread_link(row, {}) == (
        "https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1712345678901"
        "?parentMessageId=1712345678901&tenantId=tenant-1"
    )
    assert thread_link({**row, "thread": "a:1-personal-chat"}, {}) is None


def test_cli_tips_have_no_thread():
    assert thread_link({"channel_kind": "cli", "thread": None}, {"T1": "acme"}) is None


def test_workspace_domains_setting():
    settings = Settings(mot_slack_workspace_domains="T1=acme, T2=https://acme-eu.slack.com/")
    assert settings.mot_slack_workspace_domains == {"T1": "acme", "T2": "acme-eu"}
    with pytest.raises(ValueError, match="must be TEAM_ID=subdomain"):
        Settings(mot_slack_workspace_domains="acme")


@pytest.mark.parametrize(
    "seconds, words",
    [
        (5, "just now"),
        (600, "10 min ago"),
        (7200, "2 h ago"),
        (90000, "yesterday"),
        (3 * 86400, "3 days ago"),
    ],
)
def test_ago(seconds, words):
    now = datetime(2026, 3, 10, 12, 0)
    assert ago(datetime.fromtimestamp(now.timestamp() - seconds), now) == words


def test_the_date_range_in_words():
    assert range_text(LogFilter()) == "all time"
    assert range_text(LogFilter.parse({"since": "2026-03-01"})) == "from 1 Mar 2026 to now (UTC)"
    both = LogFilter.parse({"since": "2026-03-01", "until": "2026-03-07"})
    assert range_text(both) == "from 1 Mar 2026 to 7 Mar 2026 (UTC)"
