"""The weekly digest for team leads, as data: acceptance, effectiveness, the top moments and
the threads worth a look, over the last `days`. Slack (bot/slack/digest.py) and Teams
(bot/teams/digest.py) render it; `mot-coach digest` and `serve` (bot/web/digest_schedule.py)
send it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.store.filters import EVERYTHING, LogFilter, Scope
from bot.store.models import events
from bot.store.records import utcnow
from bot.store.stats import compute_stats
from bot.store.store import Store

TOP_MOMENTS = 3
THREADS_WORTH_A_LOOK = 5


def _worth_a_look(store: Store, since: datetime, until: datetime, scope: Scope) -> list[dict]:
    """Escalated threads of the period, those where the customer came back or stayed at
    escalate after the tip first, then by score: one row per conversation."""
    c = events.c
    statement = (
        select(
            c.id,
            c.playbook,
            c.channel_kind,
            c.channel,
            c.agent,
            c.conversation_id,
            c.escalation_score,
            c.summary,
            c.follow_up,
        )
        .where(c.created_at >= since, c.created_at < until, c.escalation_level == "escalate")
        .where(scope.condition())
        .order_by(c.escalation_score.desc(), c.id.desc())
        .limit(200)
    )
    with store.engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(statement)]

    def still_bad(row: dict) -> bool:
        follow_up = row["follow_up"] or {}
        return bool(follow_up.get("came_back")) or follow_up.get("escalation_level") == "escalate"

    seen, found = set(), []
    for row in sorted(rows, key=lambda r: (not still_bad(r), -r["escalation_score"])):
        if row["conversation_id"] in seen:
            continue
        seen.add(row["conversation_id"])
        summary = row["summary"] or {}
        found.append(
            {
                "id": row["id"],
                "playbook": row["playbook"],
                "channel": f"{row['channel_kind']} {row['channel'] or ''}".strip(),
                "agent": row["agent"],
                "escalation_score": round(row["escalation_score"], 2),
                "wants": summary.get("wants"),
                "at_stake": summary.get("at_stake"),
                "still_escalated": still_bad(row),
            }
        )
        if len(found) == THREADS_WORTH_A_LOOK:
            break
    return found


def build_digest(
    store: Store,
    days: float = 7,
    now: datetime | None = None,
    dashboard_url: str | None = None,
    scope: Scope = EVERYTHING,
) -> dict:
    """The digest of the log, or of one workspace's part of it (`scope`)."""
    until = now or utcnow()
    since = until - timedelta(days=days)
    stats = compute_stats(store, LogFilter(since=since, until=until, scope=scope))
    effect = stats.effectiveness.overall.to_dict()
    base = (dashboard_url or "").rstrip("/")
    threads = _worth_a_look(store, since, until, scope)
    for thread in threads:
        thread["link"] = f"{base}/dashboard/logs/{thread['id']}" if base else None
    return {
        "since": since.isoformat(timespec="minutes"),
        "until": until.isoformat(timespec="minutes"),
        "tips": stats.total,
        "shown": stats.overall.shown,
        "acceptance": stats.overall.to_dict()["rate"],
        "effectiveness": {
            "used_helped_rate": effect["used"]["helped_rate"],
            "used_tips": effect["used"]["tips"],
            "ignored_helped_rate": effect["ignored"]["helped_rate"],
            "ignored_tips": effect["ignored"]["tips"],
            "verdict": effect["verdict"],
        },
        "top_moments": [
            {"moment": moment, "tips": n} for moment, n in list(stats.moments.items())[:TOP_MOMENTS]
        ],
        "threads": threads,
        "dashboard": f"{base}/dashboard/stats" if base else None,
    }


def digest_lines(digest: dict) -> list[str]:
    """The digest in plain lines, shared by every channel's rendering."""
    pct = lambda v: "-" if v is None else f"{v:.0%}"  # noqa: E731
    effect = digest["effectiveness"]
    lines = [
        f"{digest['tips']} tips, {digest['shown']} shown; acceptance {pct(digest['acceptance'])}",
        f"Customers helped after a used tip: {pct(effect['used_helped_rate'])} of "
        f"{effect['used_tips']}; after an ignored one: {pct(effect['ignored_helped_rate'])} of "
        f"{effect['ignored_tips']} ({effect['verdict']})",
    ]
    if digest["top_moments"]:
        lines.append(
            "Top moments: "
            + ", ".join(f"{m['moment'] or 'none'} ({m['tips']})" for m in digest["top_moments"])
        )
    return lines
