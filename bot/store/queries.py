"""Reading the log: pages of events, one event with its outcomes, and streams for export."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select

from bot.store.filters import EVERYTHING, LogFilter, Scope
from bot.store.models import events, outcomes, purges
from bot.store.store import Store
from bot.store.triage import attention_reasons, latest_customer_words, sort_order

# What a list shows: everything but the conversation and the suggestions (of the conversation,
# only the customer's latest words, redacted, as `customer_words`).
SUMMARY_COLUMNS = [
    events.c[name]
    for name in (
        "id",
        "created_at",
        "channel_kind",
        "workspace",
        "channel",
        "thread",
        "agent",
        "trigger",
        "playbook",
        "confidence",
        "escalation_score",
        "escalation_level",
        "outcome",
        "edit_ratio",
        "rating",
        "backend",
        "fallback",
        "latency_ms",
        "escalation_reasons",
    )
]
_FOR_WORDS = [events.c.excerpt, events.c.content_mode]
EXPORT_BATCH = 1000


def _summary(row) -> dict:
    summary = dict(row._mapping)
    summary["customer_words"] = latest_customer_words(summary)
    summary["attention"] = attention_reasons(summary)
    del summary["excerpt"], summary["content_mode"]
    return summary


def list_events(
    store: Store, log_filter: LogFilter, limit: int = 50, offset: int = 0, sort: str = "newest"
) -> list[dict]:
    """A page of summaries in one of the SORTS orders (bot/store/vocabulary.py)."""
    statement = (
        log_filter.apply(select(*SUMMARY_COLUMNS, *_FOR_WORDS))
        .order_by(*sort_order(sort))
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as connection:
        return [_summary(row) for row in connection.execute(statement)]


def count_events(store: Store, log_filter: LogFilter) -> int:
    statement = log_filter.apply(select(func.count()).select_from(events))
    with store.engine.connect() as connection:
        return connection.execute(statement).scalar_one()


def get_event(store: Store, event_id: int, scope: Scope = EVERYTHING) -> dict | None:
    """One event with its outcomes, or None if there is none with this id within `scope`."""
    with store.engine.connect() as connection:
        row = connection.execute(
            select(events).where(events.c.id == event_id, scope.condition())
        ).first()
        if row is None:
            return None
        event = dict(row._mapping)
        event["outcomes"] = [
            dict(o._mapping)
            for o in connection.execute(
                select(outcomes)
                .where(outcomes.c.event_uid == event["uid"])
                .order_by(outcomes.c.created_at, outcomes.c.id)
            )
        ]
    return event


def event_exists(store: Store, event_id: int) -> bool:
    with store.engine.connect() as connection:
        return (
            connection.execute(select(events.c.id).where(events.c.id == event_id)).first()
            is not None
        )


def iter_events(store: Store, log_filter: LogFilter, batch: int = EXPORT_BATCH) -> Iterator[dict]:
    """Every matching event, oldest first, streamed: a server-side cursor on PostgreSQL and
    SQLite's own row-by-row cursor, fetched `batch` rows at a time. Memory stays flat."""
    statement = log_filter.apply(select(events)).order_by(events.c.id)
    with store.engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=batch).execute(
            statement
        )
        for row in result:
            yield dict(row._mapping)


def list_purges(store: Store, limit: int = 20) -> list[dict]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(purges).order_by(purges.c.id.desc()).limit(limit))
        return [dict(row._mapping) for row in rows]
