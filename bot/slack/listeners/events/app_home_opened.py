"""App Home: published when a user opens it; leads (MOT_LEADS) also see the team's figures."""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.async_app import AsyncApp

from bot.slack.home import WEEK, agent_home, lead_home
from bot.slack.listeners.logged import logged
from bot.slack.service import SlackCoaching

log = logging.getLogger(__name__)


def home_view(mot: SlackCoaching, user: str) -> dict:
    from bot.store.filters import LogFilter
    from bot.store.queries import list_events
    from bot.store.records import utcnow
    from bot.store.stats import compute_stats

    store = mot.store
    if store is None:
        return agent_home([])
    store.ensure_schema()
    tips = list_events(store, LogFilter(agent=user, channel_kind="slack"), limit=10)
    if not mot.people.is_lead(user):
        return agent_home(tips)
    since = utcnow() - WEEK
    stats = compute_stats(store, LogFilter(since=since, channel_kind="slack"))
    nudges = list_events(store, LogFilter(since=since, channel_kind="slack", trigger="nudge"), 5)
    return lead_home(stats, nudges, mot.settings.mot_slack_dashboard_url, tips)


def register(app: AsyncApp, mot: SlackCoaching) -> None:
    async def acknowledge(ack) -> None:
        await ack()

    @logged(mot.gate)
    async def publish(event: dict, client) -> None:
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        try:
            view = await asyncio.to_thread(home_view, mot, user)
        except Exception:
            log.exception("App Home for %s: the log is unreadable", user)
            view = agent_home([])
        await client.views_publish(user_id=user, view=view)

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish])
