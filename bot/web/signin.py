"""What a dashboard sign-in needs from the log's database, run off the event loop: the login
limit (bot/store/logins.py) and the server-side sessions (bot/store/dashboard_sessions.py).

Every call raises SQLAlchemyError while the database is unreachable; the handlers answer 503.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from bot.store import error_summary
from bot.store.dashboard_sessions import end_session, session_is_open, start_session
from bot.store.logins import LoginLimit, Verdict, claim_attempt, record_success
from bot.web.keys import SESSIONS, SETTINGS, STORE
from bot.web.pages import error_page
from bot.web.sessions import Session

LOGIN_LIMIT = LoginLimit()


def _store(request: web.Request):
    store = request.app[STORE]
    store.ensure_schema()
    return store


def _password_hash(request: web.Request, user: str) -> str | None:
    return request.app[SETTINGS].mot_dashboard_users.get(user)


async def count_attempt(request: web.Request, name: str) -> Verdict:
    """Counted before the password is checked; `request.remote` is the client (bot/web/proxies)."""
    address = request.remote or "unknown"
    return await asyncio.to_thread(
        lambda: claim_attempt(_store(request), address, name, LOGIN_LIMIT)
    )


async def signed_in(request: web.Request, session: Session) -> None:
    """After the right password: clear the address's count and open the session."""
    address, user = request.remote or "unknown", session.user
    lifetime = request.app[SESSIONS].lifetime

    def write() -> None:
        store = _store(request)
        record_success(store, address, user)
        start_session(store, session.sid, user, _password_hash(request, user), lifetime)

    await asyncio.to_thread(write)


async def still_open(request: web.Request, session: Session) -> bool:
    password_hash = _password_hash(request, session.user)
    if password_hash is None:  # no longer a dashboard user
        return False
    return await asyncio.to_thread(
        lambda: session_is_open(_store(request), session.sid, session.user, password_hash)
    )


async def signed_out(request: web.Request, session: Session) -> None:
    await asyncio.to_thread(lambda: end_session(_store(request), session.sid))


def unavailable(request: web.Request, exc: Exception) -> web.Response:
    return error_page(
        request,
        503,
        "Sign-in is unavailable",
        f"The dashboard keeps sign-ins and sessions in the log's database, which cannot be "
        f"reached ({error_summary(exc)}). Nothing is lost; try again in a moment.",
    )
