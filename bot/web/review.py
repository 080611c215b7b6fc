"""Mounts the review side of `serve`: the dashboard, /readyz, /metrics, and maintenance."""

from __future__ import annotations

from aiohttp import web

from bot.store import StoreSink
from bot.web import auth, dashboard, export_stream, health, stats_page, wording
from bot.web.digest_schedule import weekly_digest
from bot.web.keys import SESSIONS, SETTINGS, SINK, STORE, TEMPLATES
from bot.web.maintenance import background_maintenance
from bot.web.sessions import SessionCodec
from bot.web.workspaces_page import mount_workspaces


def mount_review(app: web.Application, sink: StoreSink) -> None:
    """Needs SETTINGS and TEMPLATES set, and `auth.dashboard_guard` among the middlewares."""
    app[SINK], app[STORE] = sink, sink.store
    app[TEMPLATES].filters.update(wording.FILTERS)
    app[TEMPLATES].globals.update(wording.GLOBALS)
    app[SESSIONS] = SessionCodec(app[SETTINGS].mot_dashboard_secret)
    router = app.router
    router.add_get("/readyz", health.readyz)
    router.add_get("/metrics", health.metrics_page)
    router.add_get("/dashboard", dashboard.index)
    router.add_get("/dashboard/", dashboard.index)
    router.add_get("/dashboard/login", auth.login_page)
    router.add_post("/dashboard/login", auth.login)
    router.add_post("/dashboard/logout", auth.logout)
    router.add_get("/dashboard/logs", dashboard.log_list)
    router.add_get("/dashboard/logs/{event_id}", dashboard.log_detail)
    router.add_get("/dashboard/stats", stats_page.stats_page)
    router.add_post("/dashboard/export", export_stream.export)
    mount_workspaces(router)
    app.cleanup_ctx.append(background_maintenance)
    if app[SETTINGS].mot_digest == "weekly":
        app.cleanup_ctx.append(weekly_digest)
