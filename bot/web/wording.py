"""Words the dashboard's templates share: levels and outcomes (the CLI's and the exports'
vocabulary), how long ago, and the date range a page shows."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.store import LogFilter
from bot.store.records import utcnow
from bot.store.vocabulary import level_word, outcome_word


def ago(moment: datetime, now: datetime | None = None) -> str:
    seconds = ((now or utcnow()) - moment).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    return "yesterday" if days == 1 else f"{days} days ago"


def day_text(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def range_text(log_filter: LogFilter) -> str:
    """The dates a page covers, in words: 'from 30 Oct 2026 to now (UTC)', 'all time'."""
    since, until = log_filter.since, log_filter.until
    if since is None and until is None:
        return "all time"
    start = f"from {day_text(since)}" if since else "from the first event"
    if until is None:
        return f"{start} to now (UTC)"
    last = until - timedelta(days=1) if until.time() == datetime.min.time() else until
    return f"{start} to {day_text(last)} (UTC)"


OUTCOME_MEANINGS = {
    "used": "the agent sent a suggestion as it was",
    "edited": "the agent sent a suggestion after rewriting it",
    "dismissed": "the agent dismissed the tip (ignored)",
    "shown": "shown to the agent, no action yet",
    "not shown": "a Slack or Teams tip no agent saw (e.g. an alert to leads only)",
    "CLI": "printed by mot-coach tip at a terminal; not a chat tip",
}

FILTERS = {"level_word": level_word, "ago": ago, "day_text": day_text}
GLOBALS = {"outcome_word": outcome_word, "outcome_meanings": OUTCOME_MEANINGS}
