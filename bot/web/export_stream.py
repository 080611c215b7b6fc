"""Dashboard export: the filtered log as a CSV or JSON-lines download, streamed.

A worker thread reads the database through a streaming cursor and hands chunks over a small
bounded queue, so neither the process nor the event loop ever holds the whole log.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterator

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.store import FilterError, LogFilter
from bot.store.export import CONTENT_TYPES, FORMATS, export_chunks
from bot.store.queries import iter_events
from bot.store.records import utcnow
from bot.web.dashboard import FILTER_NAMES, database_down
from bot.web.keys import STORE
from bot.web.pages import error_page, lead_scope, session_of

log = logging.getLogger(__name__)
_DONE = object()


async def chunks_from_thread(
    make: Callable[[], Iterator[str]], depth: int = 8
) -> AsyncIterator[str]:
    """Run a blocking generator in its own thread; yield its items here, with backpressure."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        generator = make()
        try:
            for item in generator:
                if stop.is_set():
                    break
                asyncio.run_coroutine_threadsafe(queue.put(item), loop).result()
        except BaseException as exc:  # handed to the consumer, which re-raises it
            item = exc
        else:
            item = _DONE
        finally:
            generator.close()
        if not stop.is_set():
            asyncio.run_coroutine_threadsafe(queue.put(item), loop).result()

    worker = threading.Thread(target=produce, name="mot-export", daemon=True)
    worker.start()
    try:
        while (item := await queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while not queue.empty():  # unblock a producer waiting on a full queue
            queue.get_nowait()


async def export(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    fmt = str(form.get("format", ""))
    if fmt not in FORMATS:
        return error_page(request, 400, "Unknown format", "Export as csv or jsonl.")
    try:
        log_filter = LogFilter.parse(
            {n: form.get(n) for n in FILTER_NAMES}, scope=lead_scope(request)
        )
    except FilterError as exc:
        return error_page(request, 400, "Bad filter", str(exc))
    store, user = request.app[STORE], session_of(request).user
    try:
        await asyncio.to_thread(
            store.audit,
            user,
            "export",
            fmt,
            {"filters": log_filter.as_params(), "scope": log_filter.scope.describe()},
        )
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    name = f"mot-coach-log-{utcnow():%Y%m%d-%H%M%S}.{fmt}"
    response = web.StreamResponse(
        headers={
            "Content-Type": CONTENT_TYPES[fmt],
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{name}"',
        }
    )
    await response.prepare(request)
    try:
        async for chunk in chunks_from_thread(
            lambda: export_chunks(iter_events(store, log_filter), fmt)
        ):
            await response.write(chunk.encode("utf-8"))
    except SQLAlchemyError as exc:  # too late for an error page: cut the download short
        log.error("export for %s failed midway: %s", user, exc)
        raise
    await response.write_eof()
    return response
