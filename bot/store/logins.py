"""The dashboard's login limit, shared by every replica through the log's database.

Each attempt is counted *before* its password is checked, in one write transaction that locks
the rows it counts on (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE), so parallel
guesses cannot slip past the count. Two counters apply:

- per client address and user name: after `max_failures` attempts in the window, attempts are
  refused unchecked for `first_block` seconds, then one more is checked and the refusal doubles,
  up to `longest_block`. A guesser at one address cannot lock the lead out of another.
- per user name from every address: past `name_max_failures` attempts in the window, the name
  gets one password check every `name_spacing` seconds, which slows a distributed guesser
  without locking the lead out.

A success clears its address counter and takes its attempt off the name's count. Counters idle
for a window (and out of any refusal) are deleted by `forget_idle_logins`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, delete, or_, select, update

from bot.store.models import login_attempts
from bot.store.records import utcnow


@dataclass(frozen=True)
class LoginLimit:
    max_failures: int = 5
    window_seconds: float = 300.0
    first_block_seconds: float = 60.0
    longest_block_seconds: float = 3600.0
    name_max_failures: int = 20
    name_spacing_seconds: float = 10.0


@dataclass(frozen=True)
class Verdict:
    """Whether this attempt's password may be checked; if not, for how long and why."""

    allowed: bool
    retry_after: int = 0  # whole seconds
    reason: str | None = None  # "address" (this address and name) | "name" (every address)


def _keys(address: str, name: str) -> tuple[str, str]:
    return f"a:{address}|{name}"[:255], f"n:{name}"[:255]


def _locked(store, connection: Connection, key: str, now: datetime) -> dict:
    """The counter row for `key`, created if missing and locked until the transaction ends."""
    fresh = {"key": key, "attempts": 0, "blocks": 0, "blocked_until": None, "updated_at": now}
    connection.execute(
        store._insert(login_attempts).on_conflict_do_nothing(index_elements=["key"]), fresh
    )
    query = select(login_attempts).where(login_attempts.c.key == key).with_for_update()
    return dict(connection.execute(query).mappings().one())


def _idle(row: dict, now: datetime, limit: LoginLimit) -> bool:
    """No attempt and no refusal for a whole window: the counter starts again."""
    last = max(row["updated_at"], row["blocked_until"] or row["updated_at"])
    return now - last > timedelta(seconds=limit.window_seconds)


def _refused(until: datetime | None, now: datetime, reason: str) -> Verdict | None:
    if until is not None and until > now:
        return Verdict(False, max(1, math.ceil((until - now).total_seconds())), reason)
    return None


def claim_attempt(
    store, address: str, name: str, limit: LoginLimit, now: datetime | None = None
) -> Verdict:
    """Count one sign-in attempt for `name` from `address`, before its password is checked."""
    now = now or utcnow()
    pair_key, name_key = _keys(address, name)
    refused = _already_refused(store, pair_key, name_key, now, limit)
    if refused:  # the common case under attack: a read, no write
        return refused
    with store.writing() as connection:
        pair = _locked(store, connection, pair_key, now)  # always this order: no deadlock
        per_name = _locked(store, connection, name_key, now)
        refused = _refused(pair["blocked_until"], now, "address")
        if refused:
            return refused
        if _idle(per_name, now, limit):
            per_name.update(attempts=0, blocked_until=None)
        if per_name["attempts"] >= limit.name_max_failures:
            refused = _refused(per_name["blocked_until"], now, "name")
            if refused:
                return refused
        if _idle(pair, now, limit):
            pair.update(attempts=0, blocks=0)
        attempts, blocks, blocked_until = pair["attempts"] + 1, pair["blocks"], None
        if attempts >= limit.max_failures:  # refuse the next ones now, in case this one fails
            seconds = limit.first_block_seconds * 2 ** min(blocks, 30)
            blocked_until = now + timedelta(seconds=min(seconds, limit.longest_block_seconds))
            blocks += 1
        _save(connection, pair_key, attempts, blocks, blocked_until, now)
        name_attempts = per_name["attempts"] + 1
        spaced = (
            now + timedelta(seconds=limit.name_spacing_seconds)
            if name_attempts >= limit.name_max_failures
            else None
        )
        _save(connection, name_key, name_attempts, per_name["blocks"], spaced, now)
    return Verdict(True)


def _already_refused(store, pair_key, name_key, now, limit: LoginLimit) -> Verdict | None:
    """A refusal already committed (refusals only end with time, or a success at the address)."""
    query = select(login_attempts).where(login_attempts.c.key.in_((pair_key, name_key)))
    with store.engine.connect() as connection:
        rows = {row["key"]: row for row in connection.execute(query).mappings()}
    pair, per_name = rows.get(pair_key), rows.get(name_key)
    if pair is not None:
        refused = _refused(pair["blocked_until"], now, "address")
        if refused:
            return refused
    if per_name is not None and per_name["attempts"] >= limit.name_max_failures:
        return _refused(per_name["blocked_until"], now, "name")
    return None


def _save(connection, key, attempts, blocks, blocked_until, now) -> None:
    connection.execute(
        update(login_attempts)
        .where(login_attempts.c.key == key)
        .values(attempts=attempts, blocks=blocks, blocked_until=blocked_until, updated_at=now)
    )


def record_success(store, address: str, name: str) -> None:
    """The password was right: clear this address's counter, and take the attempt off the
    name's count (it was counted as a possible failure)."""
    pair_key, name_key = _keys(address, name)
    with store.writing() as connection:
        connection.execute(delete(login_attempts).where(login_attempts.c.key == pair_key))
        connection.execute(
            update(login_attempts)
            .where(and_(login_attempts.c.key == name_key, login_attempts.c.attempts > 0))
            .values(attempts=login_attempts.c.attempts - 1)
        )


def forget_idle_logins(store, limit: LoginLimit, now: datetime | None = None) -> int:
    """Delete counters idle for a window and out of any refusal; how many went."""
    horizon = (now or utcnow()) - timedelta(seconds=limit.window_seconds)
    idle = and_(
        login_attempts.c.updated_at < horizon,
        or_(login_attempts.c.blocked_until.is_(None), login_attempts.c.blocked_until < horizon),
    )
    with store.writing() as connection:
        return connection.execute(delete(login_attempts).where(idle)).rowcount
