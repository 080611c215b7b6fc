"""Dashboard sessions: signed cookies (HMAC-SHA256) and CSRF tokens derived from them.

A cookie holds the session id, the user (None before login) and the expiry, signed with the
dashboard secret. A signed-in session also needs its row in the database, which logout and a new
password delete (bot/store/dashboard_sessions.py); an anonymous one (for the login form) lives in
the cookie only. The CSRF token of a form is an HMAC of the session id, so a page from another
site cannot know it. A login starts a new session id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

COOKIE = "mot_session"
LIFETIME_SECONDS = 12 * 3600


@dataclass(frozen=True)
class Session:
    sid: str
    user: str | None
    expires: int

    @property
    def signed_in(self) -> bool:
        return self.user is not None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionCodec:
    def __init__(self, secret: str | bytes | None = None, lifetime: int = LIFETIME_SECONDS):
        if secret is None:
            secret = secrets.token_bytes(32)
        self._key = secret.encode() if isinstance(secret, str) else secret
        self.lifetime = lifetime

    def _sign(self, purpose: str, data: str) -> str:
        return _b64(hmac.new(self._key, f"{purpose}|{data}".encode(), hashlib.sha256).digest())

    def new(self, user: str | None = None) -> Session:
        return Session(secrets.token_urlsafe(18), user, int(time.time()) + self.lifetime)

    def encode(self, session: Session) -> str:
        payload = _b64(json.dumps([session.sid, session.user, session.expires]).encode())
        return f"{payload}.{self._sign('session', payload)}"

    def decode(self, value: str | None) -> Session | None:
        """The session in a cookie; None if absent, tampered with or expired."""
        if not value or value.count(".") != 1:
            return None
        payload, signature = value.split(".")
        if not hmac.compare_digest(signature, self._sign("session", payload)):
            return None
        try:
            sid, user, expires = json.loads(_unb64(payload))
        except (ValueError, TypeError):
            return None
        if not isinstance(expires, int) or expires < time.time():
            return None
        return Session(str(sid), None if user is None else str(user), expires)

    def csrf_token(self, session: Session) -> str:
        return self._sign("csrf", session.sid)

    def csrf_ok(self, session: Session | None, token: str | None) -> bool:
        if session is None or not token:
            return False
        return hmac.compare_digest(token, self.csrf_token(session))
