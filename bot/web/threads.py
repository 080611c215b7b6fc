"""Links from the dashboard back to a conversation in Slack or Teams, where the log knows it.

Slack: https://<domain>.slack.com/archives/<channel>/p<ts without the dot> when the workspace's
address is configured (MOT_SLACK_WORKSPACE_DOMAINS), else Slack's documented deep link into
the channel, slack://channel?team=T&id=C. Teams: a channel reply chain (conversation id
"19:...;messageid=N") opens at https://teams.microsoft.com/l/message/<channel>/<N>.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

_SLACK_TS = re.compile(r"^\d{1,12}\.\d{1,8}$")
_TEAMS_CHAIN = re.compile(r"^(?P<channel>[^;]+);messageid=(?P<message>\d+)$")


def slack_link(row: dict, domains: dict[str, str]) -> str | None:
    team, channel, thread = row.get("workspace"), row.get("channel"), row.get("thread") or ""
    if not channel:
        return None
    domain = domains.get(team or "")
    if domain and _SLACK_TS.match(thread):
        return (
            f"https://{domain}.slack.com/archives/{quote(channel, safe='')}/"
            f"p{thread.replace('.', '')}"
        )
    if domain:
        return f"https://{domain}.slack.com/archives/{quote(channel, safe='')}"
    if team:
        return "slack://channel?" + urlencode({"team": team, "id": channel})
    return None


def teams_link(row: dict) -> str | None:
    chain = _TEAMS_CHAIN.match(row.get("thread") or "")
    if not chain:
        return None
    message = chain["message"]
    query = {"parentMessageId": message}
    if row.get("workspace"):
        query["tenantId"] = row["workspace"]
    return (
        f"https://teams.microsoft.com/l/message/{quote(chain['channel'], safe='')}/{message}?"
        + urlencode(query)
    )


def thread_link(row: dict, slack_domains: dict[str, str]) -> str | None:
    """Where the lead can read the whole conversation, or None (CLI tips, unknown threads)."""
    if row.get("channel_kind") == "slack":
        return slack_link(row, slack_domains)
    if row.get("channel_kind") == "teams":
        return teams_link(row)
    return None
