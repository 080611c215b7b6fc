"""Keys for what the web app keeps (aiohttp AppKeys), in one place for every web module."""

from __future__ import annotations

from aiohttp import web
from jinja2 import Environment

from bot.channels.runtime import Runtime
from bot.coach import Coach
from bot.config import Settings
from bot.store import Store, StoreSink
from bot.web.sessions import Session, SessionCodec

COACH = web.AppKey("coach", Coach)
SETTINGS = web.AppKey("settings", Settings)
RUNTIME = web.AppKey("runtime", Runtime)
TEMPLATES = web.AppKey("templates", Environment)
STORE = web.AppKey("store", Store)
SINK = web.AppKey("sink", StoreSink)
SESSIONS = web.AppKey("sessions", SessionCodec)

# Per-request values (aiohttp 3.14 has typed request keys; older releases take strings).
_RequestKey = getattr(web, "RequestKey", None)
SESSION = _RequestKey("session", Session) if _RequestKey else "mot_session"
NEW_SESSION = _RequestKey("new_session", bool) if _RequestKey else "mot_new_session"
