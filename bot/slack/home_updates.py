"""Publishing App Home: when a user opens it, and again after they act on a tip, so that what
they see there (their recent tips and what came of them) is never stale."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.home import WEEK, agent_home, lead_home
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)


def home_view(mot: SlackCoaching, user: str, workspace: str | None = None) -> dict:
    """`user`'s tips and, for a lead, the team's figures; with many workspaces (OAuth), of
    `workspace` only, so that no workspace sees another's records."""
    from bot.store.filters import LogFilter
    from bot.store.queries import list_events
    from bot.store.records import utcnow
    from bot.store.stats import compute_stats

    store = mot.store
    if store is None:
        return agent_home([])
    store.ensure_schema()
    own = {"channel_kind": "slack"}
    if mot.oauth is not None:
        own["workspace"] = workspace or "-"  # no workspace: nothing, rather than everyone's
    tips = list_events(store, LogFilter(agent=user, **own), limit=10)
    if not mot.people.is_lead(user):
        return agent_home(tips)
    since = utcnow() - WEEK
    stats = compute_stats(store, LogFilter(since=since, **own))
    nudges = list_events(store, LogFilter(since=since, trigger="nudge", **own), 5)
    return lead_home(stats, nudges, mot.settings.mot_slack_dashboard_url, tips)


async def publish_home(
    mot: SlackCoaching, client: AsyncWebClient, user: str, workspace: str | None = None
) -> None:
    """Publish `user`'s App Home; an unreadable log shows an empty one rather than none."""
    try:
        view = await asyncio.to_thread(home_view, mot, user, workspace)
    except Exception:
        log.exception("App Home for %s: the log is unreadable", user)
        view = agent_home([])
    await client.views_publish(user_id=user, view=view)
