"""The login limit's counting and the session table's bounds, on SQLite and PostgreSQL, with the
clock given: refusals that grow, a per-name cap that spaces (never locks), idle rows forgotten."""

from datetime import timedelta

from sqlalchemy import func, select

from bot.store import Store
from bot.store.dashboard_sessions import forget_expired_sessions, session_is_open, start_session
from bot.store.logins import LoginLimit, claim_attempt, forget_idle_logins, record_success
from bot.store.models import dashboard_sessions, login_attempts
from bot.store.records import utcnow

LIMIT = LoginLimit()


def _store(database_url):
    store = Store(database_url)
    store.ensure_schema()
    return store


def _rows(store, table) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def test_refusals_grow_after_each_further_failure(database_url):
    store, now = _store(database_url), utcnow()
    assert all(claim_attempt(store, "203.0.113.9", "alice", LIMIT, now).allowed for _ in range(5))
    refused = claim_attempt(store, "203.0.113.9", "alice", LIMIT, now)
    assert (refused.allowed, refused.retry_after, refused.reason) == (False, 60, "address")
    assert claim_attempt(store, "198.51.100.7", "alice", LIMIT, now).allowed  # another address
    later = now + timedelta(seconds=61)
    assert claim_attempt(store, "203.0.113.9", "alice", LIMIT, later).allowed  # one more check
    assert claim_attempt(store, "203.0.113.9", "alice", LIMIT, later).retry_after == 120
    much_later = later + timedelta(seconds=121)
    assert claim_attempt(store, "203.0.113.9", "alice", LIMIT, much_later).allowed
    assert claim_attempt(store, "203.0.113.9", "alice", LIMIT, much_later).retry_after == 240
    store.close()


def test_a_name_guessed_from_many_addresses_is_spaced_not_locked(database_url):
    store, now = _store(database_url), utcnow()
    for i in range(LIMIT.name_max_failures):
        assert claim_attempt(store, f"203.0.113.{i}", "alice", LIMIT, now).allowed
    spaced = claim_attempt(store, "198.51.100.7", "alice", LIMIT, now)
    assert (spaced.allowed, spaced.reason) == (False, "name") and spaced.retry_after <= 10
    soon = now + timedelta(seconds=LIMIT.name_spacing_seconds + 1)
    assert claim_attempt(store, "198.51.100.7", "alice", LIMIT, soon).allowed  # the lead gets in
    record_success(store, "198.51.100.7", "alice")
    assert claim_attempt(store, "198.51.100.7", "bob", LIMIT, soon).allowed  # other names: free
    store.close()


def test_a_success_clears_the_address_count(database_url):
    store, now = _store(database_url), utcnow()
    for _ in range(4):
        claim_attempt(store, "198.51.100.7", "alice", LIMIT, now)
    record_success(store, "198.51.100.7", "alice")
    assert all(claim_attempt(store, "198.51.100.7", "alice", LIMIT, now).allowed for _ in range(5))
    store.close()


def test_idle_counters_and_expired_sessions_are_forgotten(database_url):
    store, now = _store(database_url), utcnow()
    for i in range(6):
        claim_attempt(store, f"203.0.113.{i}", "alice", LIMIT, now)
    assert forget_idle_logins(store, LIMIT, now) == 0  # still counting
    assert _rows(store, login_attempts) == 7  # six address counters and one for the name
    a_window_later = now + timedelta(seconds=LIMIT.window_seconds + 1)
    assert forget_idle_logins(store, LIMIT, a_window_later) == 7
    start_session(store, "sid-old", "alice", "hash", 60, now=now)
    start_session(store, "sid-new", "alice", "hash", 3600, now=now)
    assert forget_expired_sessions(store, now + timedelta(seconds=61)) == 1
    assert _rows(store, dashboard_sessions) == 1
    assert session_is_open(store, "sid-new", "alice", "hash", now)
    assert not session_is_open(store, "sid-new", "bob", "hash", now)  # another user's cookie
    store.close()
