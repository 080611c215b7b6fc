"""Rendering dashboard pages: templates with the session's CSRF token, and error pages."""

from __future__ import annotations

from aiohttp import web

from bot.store import Scope
from bot.store.filters import EVERYTHING
from bot.web.keys import NEW_SESSION, SESSION, SESSIONS, SETTINGS, TEMPLATES
from bot.web.sessions import COOKIE, Session

SECURITY_HEADERS = {
    # No scripts at all; styles are inline; charts are inline SVG.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' "
    "data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def session_of(request: web.Request) -> Session | None:
    return request.get(SESSION)


def lead_scope(request: web.Request) -> Scope:
    """The workspaces and channels the signed-in lead may see."""
    session = session_of(request)
    places = request.app[SETTINGS].mot_dashboard_scopes.get(session.user if session else "")
    return Scope.parse(places) if places else EVERYTHING


def set_session_cookie(
    request: web.Request, response: web.StreamResponse, session: Session
) -> None:
    codec = request.app[SESSIONS]
    response.set_cookie(
        COOKIE,
        codec.encode(session),
        max_age=codec.lifetime,
        path="/dashboard",
        httponly=True,
        samesite="Lax",
        secure=request.secure,
    )


def render(request: web.Request, template: str, status: int = 200, **context) -> web.Response:
    session = session_of(request)
    if session is None:  # first visit: an anonymous session, so that forms can carry a token
        session = request.app[SESSIONS].new()
        request[SESSION] = session
        request[NEW_SESSION] = True
    html = (
        request.app[TEMPLATES]
        .get_template(template)
        .render(
            csrf_token=request.app[SESSIONS].csrf_token(session),
            user=session.user,
            scope=lead_scope(request) if session.signed_in else EVERYTHING,
            path=request.path,
            **context,
        )
    )
    response = web.Response(text=html, status=status, content_type="text/html")
    if request.get(NEW_SESSION):
        set_session_cookie(request, response, session)
    return response


def error_page(request: web.Request, status: int, title: str, message: str) -> web.Response:
    return render(request, "dashboard/error.html", status=status, title=title, message=message)
