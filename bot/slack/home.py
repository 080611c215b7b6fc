"""App Home: an agent's recent tips and what came of them; for leads, the team's figures."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.slack.blocks import escape

RECENT_TIPS = 10
RECENT_ESCALATIONS = 5


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:150]}}


def _tip_line(row: dict) -> str:
    when = row["created_at"].strftime("%d %b %H:%M")
    where = f" in <#{row['channel']}>" if row.get("channel") else ""
    outcome = row.get("outcome") or "not shown"
    if row.get("outcome") == "edited" and row.get("edit_ratio") is not None:
        outcome += f" ({1 - row['edit_ratio']:.0%} kept)"
    rating = {1: " 👍", -1: " 👎"}.get(row.get("rating"), "")
    return f"• {when}{where}: *{escape(row.get('playbook') or 'no moment')}* → {outcome}{rating}"


def agent_home(tips: list[dict]) -> dict:
    blocks = [
        _header("Your coaching"),
        _section(
            "Ask for a tip any time: `/mot-tip`, the message shortcut *Coach me on this thread*, "
            "or mention me in a thread."
        ),
    ]
    blocks.append(_header("Your recent tips"))
    lines = [_tip_line(row) for row in tips[:RECENT_TIPS]]
    blocks.append(_section("\n".join(lines) if lines else "No tips yet."))
    return {"type": "home", "blocks": blocks}


def lead_home(
    stats: Any, escalations: list[dict], dashboard_url: str | None, tips: list[dict]
) -> dict:
    rate = stats.overall.rate
    acceptance = "no tips shown yet" if rate is None else f"{rate:.0%} of {stats.overall.shown}"
    top = sorted(stats.moments.items(), key=lambda item: -item[1])[:5]
    moments = "\n".join(f"• {escape(pb)}: {n}" for pb, n in top) or "No moments this week."
    hot = "\n".join(_tip_line(row) for row in escalations[:RECENT_ESCALATIONS])
    blocks = [
        _header("Team coaching, last 7 days"),
        _section(f"*Acceptance rate:* {acceptance} tips used or edited"),
        _section(f"*Top moments this week*\n{moments}"),
        _section(f"*Recent escalations*\n{hot or 'None this week.'}"),
    ]
    if dashboard_url:
        blocks.append(_section(f"<{dashboard_url}|Open the review dashboard>"))
    home = agent_home(tips)
    return {"type": "home", "blocks": blocks + [{"type": "divider"}] + home["blocks"]}


WEEK = timedelta(days=7)
