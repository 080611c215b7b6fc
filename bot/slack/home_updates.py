"""Publishing App Home: when a user opens it, and again after they act on a tip, so that what
they see there (their recent tips and what came of them) is never stale."""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.home import WEEK, agent_home, lead_home
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)


def home_view(mot: SlackCoaching, user: str, team: str | None = None) -> dict:
    """`user`'s App Home in workspace `team`: a lead sees that workspace's week only. With many
    workspaces (OAuth), a request naming none sees nothing rather than everyone's."""
    from bot.store.filters import EVERYTHING, LogFilter, Scope
    from bot.store.queries import list_events
    from bot.store.records import utcnow
    from bot.store.stats import compute_stats

    store = mot.store
    if store is None:
        return agent_home([])
    store.ensure_schema()
    if team or mot.oauth is not None:
        scope = Scope(workspaces=frozenset([team or "-"]))
    else:
        scope = EVERYTHING
    tips = list_events(store, LogFilter(agent=user, channel_kind="slack", scope=scope), limit=10)
    if not mot.runtime.workspace("slack", team).places.is_lead(user):
        return agent_home(tips)
    since = utcnow() - WEEK
    stats = compute_stats(store, LogFilter(since=since, channel_kind="slack", scope=scope))
    nudges = list_events(
        store, LogFilter(since=since, channel_kind="slack", trigger="nudge", scope=scope), 5
    )
    return lead_home(stats, nudges, mot.settings.mot_slack_dashboard_url, tips)


async def publish_home(
    mot: SlackCoaching, client: AsyncWebClient, user: str, team: str | None = None
) -> None:
    """Publish `user`'s App Home; an unreadable log shows an empty one rather than none."""
    try:
        view = await asyncio.to_thread(home_view, mot, user, team)
    except Exception:
        log.exception("App Home for %s: the log is unreadable", user)
        view = agent_home([])
    await client.views_publish(user_id=user, view=view)
