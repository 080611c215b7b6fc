"""`mot-coach digest`: the leads' weekly digest, sent now (or printed with --json)."""

from __future__ import annotations

import asyncio
import json
import logging
import sys

from sqlalchemy.exc import SQLAlchemyError

from bot.channels.places import leads_channel_for
from bot.commands.log_access import open_log, unreachable
from bot.config import Settings
from bot.messages import UserError
from bot.store.digest import build_digest

log = logging.getLogger(__name__)


def destinations(settings: Settings) -> list[str]:
    """Where a digest can go with these settings."""
    found = []
    slack_on = settings.slack_bot_token or settings.slack_oauth
    if slack_on and leads_channel_for(settings.mot_leads_channel, "slack"):
        found.append("slack")
    teams_on = settings.microsoft_app_id or settings.mot_teams_emulator
    if teams_on and leads_channel_for(settings.mot_leads_channel, "teams"):
        found.append("teams")
    return found


async def send_digest(settings: Settings, store, digest: dict, where: list[str]) -> list[str]:
    """Sends to each destination; the problems, one line each (empty: all sent)."""
    problems = []
    for destination in where:
        try:
            if destination == "slack":
                from bot.slack.digest import send_slack_digest

                await send_slack_digest(settings, digest, store=store)
            else:
                from bot.teams.digest import send_teams_digest

                await send_teams_digest(settings, store, digest)
        except Exception as exc:  # one channel failing does not stop the other
            log.warning("the digest could not be sent to %s: %s", destination, exc)
            problems.append(f"{destination}: {exc}")
    return problems


def run(args, settings: Settings) -> int:
    store = open_log(settings)
    try:
        digest = build_digest(store, args.days, dashboard_url=settings.dashboard_base_url)
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    if args.json:
        print(json.dumps(digest, indent=2, ensure_ascii=False))
        return 0
    where = destinations(settings)
    if not where:
        raise UserError(
            "nowhere to send the digest: set SLACK_BOT_TOKEN (or Slack OAuth) and "
            "MOT_LEADS_CHANNEL (teams=... with MicrosoftAppId for Teams); --json prints it"
        )
    problems = asyncio.run(send_digest(settings, store, digest, where))
    for problem in problems:
        print(f"mot-coach: digest not sent to {problem}", file=sys.stderr)
    sent = [w for w in where if not any(p.startswith(f"{w}:") for p in problems)]
    if sent:
        print(f"digest sent to {', '.join(sent)}")
    return 1 if problems else 0
