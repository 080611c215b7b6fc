"""Retention: purge log records older than a cutoff, and record every purge.

Purge records and the audit log are kept: they are the trail of who removed and saw what.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select

from bot.store.models import (
    events,
    follow_ups,
    nudge_states,
    outcomes,
    processed_events,
    purges,
    tracked_messages,
)
from bot.store.records import utcnow
from bot.store.store import Store


@dataclass
class PurgeResult:
    cutoff: datetime
    events_deleted: int
    outcomes_deleted: int
    other_deleted: int
    recorded: bool

    def to_dict(self) -> dict:
        return asdict(self) | {"cutoff": self.cutoff.isoformat(timespec="seconds")}


def cutoff_for(days: float, now: datetime | None = None) -> datetime:
    if days <= 0:
        raise ValueError("older-than must be more than 0 days")
    return (now or utcnow()) - timedelta(days=days)


def count_older(store: Store, cutoff: datetime) -> int:
    with store.engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(events).where(events.c.created_at < cutoff)
        ).scalar_one()


def purge(
    store: Store, cutoff: datetime, reason: str, actor: str | None = None, record_empty: bool = True
) -> PurgeResult:
    """Delete events (and their outcomes), deliveries, nudge states and tracked thread messages
    older than `cutoff`, in one transaction, and add a row to `purges` (for an empty purge only
    if `record_empty`)."""
    old_event_uids = select(events.c.uid).where(events.c.created_at < cutoff)
    with store.writing() as connection:
        outcomes_deleted = connection.execute(
            delete(outcomes).where(
                or_(outcomes.c.event_uid.in_(old_event_uids), outcomes.c.created_at < cutoff)
            )
        ).rowcount
        other_deleted = connection.execute(
            delete(follow_ups).where(
                or_(follow_ups.c.event_uid.in_(old_event_uids), follow_ups.c.created_at < cutoff)
            )
        ).rowcount
        events_deleted = connection.execute(
            delete(events).where(events.c.created_at < cutoff)
        ).rowcount
        other_deleted += connection.execute(
            delete(processed_events).where(processed_events.c.created_at < cutoff)
        ).rowcount
        other_deleted += connection.execute(
            delete(nudge_states).where(nudge_states.c.last_nudged_at < cutoff)
        ).rowcount
        other_deleted += connection.execute(
            delete(tracked_messages).where(tracked_messages.c.created_at < cutoff)
        ).rowcount
        result = PurgeResult(cutoff, events_deleted, outcomes_deleted, other_deleted, False)
        if record_empty or events_deleted or outcomes_deleted or other_deleted:
            _record(connection, result, reason, actor)
    return result


def purge_workspace(store: Store, channel_kind: str, workspace: str, reason: str) -> PurgeResult:
    """Delete every event of one workspace (or Teams tenant), with its outcomes, follow-ups
    and tracked messages, in one transaction, and record the purge (actor: the workspace)."""
    where = (events.c.channel_kind == channel_kind) & (events.c.workspace == workspace)
    uids = select(events.c.uid).where(where)
    with store.writing() as connection:
        outcomes_deleted = connection.execute(
            delete(outcomes).where(outcomes.c.event_uid.in_(uids))
        ).rowcount
        other_deleted = connection.execute(
            delete(follow_ups).where(follow_ups.c.event_uid.in_(uids))
        ).rowcount
        events_deleted = connection.execute(delete(events).where(where)).rowcount
        other_deleted += connection.execute(
            delete(tracked_messages).where(
                (tracked_messages.c.channel_kind == channel_kind)
                & (tracked_messages.c.workspace == workspace)
            )
        ).rowcount
        result = PurgeResult(utcnow(), events_deleted, outcomes_deleted, other_deleted, False)
        _record(connection, result, reason, f"{channel_kind}:{workspace}")
    return result


def _record(connection, result: PurgeResult, reason: str, actor: str | None) -> None:
    connection.execute(
        purges.insert().values(
            created_at=utcnow(),
            cutoff=result.cutoff,
            reason=reason,
            actor=None if actor is None else actor[:128],
            events_deleted=result.events_deleted,
            outcomes_deleted=result.outcomes_deleted,
            other_deleted=result.other_deleted,
        )
    )
    result.recorded = True
