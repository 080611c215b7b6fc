"""`/readyz` (the log's database is reachable and migrated) and `/metrics` (Prometheus)."""

from __future__ import annotations

import asyncio

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from bot import metrics
from bot.store import error_summary
from bot.web.keys import SINK, STORE

READY_TIMEOUT = 10.0


def _check(store) -> None:
    store.ensure_schema()
    store.ping()


async def readyz(request: web.Request) -> web.Response:
    store, spool = request.app[STORE], request.app[SINK].spool
    try:
        await asyncio.wait_for(asyncio.to_thread(_check, store), READY_TIMEOUT)
    except Exception as exc:  # any failure to reach the database means "not ready"
        metrics.STORE_ERRORS.labels(operation="readiness").inc()
        reason = "timed out" if isinstance(exc, TimeoutError) else error_summary(exc)
        return web.json_response(
            {"status": "unavailable", "database": store.dialect, "error": reason}, status=503
        )
    pending = await asyncio.to_thread(spool.pending)
    return web.json_response({"status": "ready", "database": store.dialect, "spooled": pending})


async def metrics_page(request: web.Request) -> web.Response:
    body = await asyncio.to_thread(generate_latest, REGISTRY)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
