"""Dashboard access: login and logout, the guard in front of every dashboard page, CSRF checks.

Credentials come from MOT_DASHBOARD_USERS (hashed). Each attempt is counted in the database
before its password is checked (bot/web/signin.py), and every checked login, failed or not, is
written to the audit log. A signed-in cookie counts only while its session is open server-side.
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import quote

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.web import signin
from bot.web.keys import SESSION, SESSIONS, SETTINGS, STORE
from bot.web.pages import SECURITY_HEADERS, error_page, render, session_of, set_session_cookie
from bot.web.passwords import DUMMY_HASH, verify_password
from bot.web.sessions import COOKIE, Session

log = logging.getLogger(__name__)
PUBLIC = ("/dashboard/login",)
TOO_MANY = {
    "address": "Too many failed sign-ins for this name from your address; "
    "try again in {seconds} seconds.",
    "name": "Too many failed sign-ins for this name from several addresses; "
    "try again in {seconds} seconds.",
}


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _safe_next(target: str | None) -> str:
    """Only a path inside the dashboard: never another site."""
    if target and target.startswith("/dashboard") and "//" not in target and "\\" not in target:
        return target
    return "/dashboard/logs"


@web.middleware
async def dashboard_guard(request: web.Request, handler):
    if not request.path.startswith("/dashboard"):
        return await handler(request)
    codec = request.app[SESSIONS]
    session = codec.decode(request.cookies.get(COOKIE))
    users = request.app[SETTINGS].mot_dashboard_users
    if session is not None and session.signed_in:
        try:
            if not await signin.still_open(request, session):
                session = None  # logged out, expired or a new password: sign in again
        except SQLAlchemyError as exc:
            request[SESSION] = Session(session.sid, None, session.expires)  # keep the cookie
            response = signin.unavailable(request, exc)
            response.headers.update(SECURITY_HEADERS)
            return response
    request[SESSION] = session
    if request.method == "POST":
        form = await request.post()
        if not codec.csrf_ok(session, form.get("csrf_token")):
            response = error_page(
                request,
                403,
                "Form refused",
                "This form has expired or did "
                "not come from this dashboard (missing or wrong CSRF token). "
                "Reload the page and try again.",
            )
            response.headers.update(SECURITY_HEADERS)
            return response
    signed_in = session is not None and session.user in users
    if request.path not in PUBLIC and not signed_in:
        if request.method == "GET":
            response = see_other("/dashboard/login?next=" + quote(request.path_qs))
        else:
            response = error_page(request, 403, "Signed out", "Please sign in again.")
    else:
        response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _audit(request: web.Request, actor: str, action: str, detail: dict) -> None:
    try:
        await asyncio.to_thread(request.app[STORE].audit, actor, action, None, detail)
    except Exception as exc:  # the log being down must not lock leads out
        log.warning("could not audit %s for %s: %s", action, actor, exc)


async def login_page(request: web.Request) -> web.Response:
    configured = bool(request.app[SETTINGS].mot_dashboard_users)
    return render(
        request,
        "dashboard/login.html",
        configured=configured,
        error=None,
        next=_safe_next(request.query.get("next")),
        name="",
    )


async def login(request: web.Request) -> web.Response:
    form = await request.post()
    name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    target = _safe_next(form.get("next"))
    try:
        verdict = await signin.count_attempt(request, name[:128])
    except SQLAlchemyError as exc:
        return signin.unavailable(request, exc)
    if not verdict.allowed:
        response = render(
            request,
            "dashboard/login.html",
            status=429,
            configured=True,
            next=target,
            name=name,
            error=TOO_MANY[verdict.reason].format(seconds=verdict.retry_after),
        )
        response.headers["Retry-After"] = str(verdict.retry_after)
        return response
    stored = request.app[SETTINGS].mot_dashboard_users.get(name)
    ok = await asyncio.to_thread(verify_password, password, stored or DUMMY_HASH)
    if not (ok and stored):
        await _audit(request, name[:64] or "(blank)", "login_failed", {"ip": request.remote})
        return render(
            request,
            "dashboard/login.html",
            status=401,
            configured=True,
            next=target,
            name=name,
            error="Wrong user name or password.",
        )
    session = request.app[SESSIONS].new(user=name)  # a new id: no session fixation
    try:
        await signin.signed_in(request, session)
    except SQLAlchemyError as exc:
        return signin.unavailable(request, exc)
    await _audit(request, name, "login", {"ip": request.remote})
    response = see_other(target)
    set_session_cookie(request, response, session)
    return response


async def logout(request: web.Request) -> web.Response:
    session = session_of(request)
    if session and session.user:
        try:
            await signin.signed_out(request, session)  # a replayed cookie is refused from now
        except SQLAlchemyError as exc:
            return signin.unavailable(request, exc)
        await _audit(request, session.user, "logout", {})
    response = see_other("/dashboard/login")
    response.del_cookie(COOKIE, path="/dashboard")
    return response
