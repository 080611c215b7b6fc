"""Dashboard access: login and logout, the guard in front of every dashboard page, CSRF checks.

Credentials come from MOT_DASHBOARD_USERS (hashed); failed logins are throttled per address
and name, and every login, failed or not, is written to the audit log.
"""

from __future__ import annotations

import asyncio
import logging
import time
from urllib.parse import quote

from aiohttp import web

from bot.web.keys import SESSION, SESSIONS, SETTINGS, STORE
from bot.web.pages import SECURITY_HEADERS, error_page, render, session_of, set_session_cookie
from bot.web.passwords import DUMMY_HASH, verify_password
from bot.web.sessions import COOKIE

log = logging.getLogger(__name__)
PUBLIC = ("/dashboard/login",)
THROTTLE = web.AppKey("login_throttle", dict)
MAX_FAILURES, FAILURE_WINDOW = 5, 300.0


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
    throttle = request.app[THROTTLE]
    key = f"{request.remote}|{name}"
    now = time.monotonic()
    recent = [t for t in throttle.get(key, []) if now - t < FAILURE_WINDOW]
    if len(recent) >= MAX_FAILURES:
        return render(
            request,
            "dashboard/login.html",
            status=429,
            configured=True,
            next=target,
            name=name,
            error="Too many failed sign-ins; wait a few minutes.",
        )
    stored = request.app[SETTINGS].mot_dashboard_users.get(name)
    ok = await asyncio.to_thread(verify_password, password, stored or DUMMY_HASH)
    if not (ok and stored):
        throttle[key] = [*recent, now]
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
    throttle.pop(key, None)
    await _audit(request, name, "login", {"ip": request.remote})
    session = request.app[SESSIONS].new(user=name)  # a new id: no session fixation
    response = see_other(target)
    set_session_cookie(request, response, session)
    return response


async def logout(request: web.Request) -> web.Response:
    session = session_of(request)
    response = see_other("/dashboard/login")
    response.del_cookie(COOKIE, path="/dashboard")
    if session and session.user:
        await _audit(request, session.user, "logout", {})
    return response
