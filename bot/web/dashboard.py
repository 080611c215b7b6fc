"""The team-lead dashboard: the log (filters, pages) and one conversation.

Every read is limited to the lead's scope, so a record outside it is "not found", even by URL.
Opening a conversation is written to the audit log before it is shown.
"""

from __future__ import annotations

import asyncio
import math
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.store import FilterError, LogFilter, error_summary
from bot.store.filters import FILTER_NAMES, MAX_ID, MAX_PAGE, parse_whole_number
from bot.store.queries import count_events, event_exists, get_event, list_events
from bot.store.vocabulary import CHANNEL_KINDS, OUTCOMES, TRIGGERS
from bot.web.keys import COACH, STORE
from bot.web.pages import error_page, lead_scope, render, session_of

PAGE_SIZE = 50


def database_down(request: web.Request, exc: Exception) -> web.Response:
    return error_page(
        request,
        503,
        "The log is unreachable",
        f"The suggestion log's database cannot be reached ({error_summary(exc)}). "
        "Nothing the coach records is lost: it waits in the spool until the "
        "database is back. Try again in a moment.",
    )


def filter_form(request: web.Request) -> dict:
    return {name: request.query.get(name, "").strip() for name in FILTER_NAMES}


def filter_choices(request: web.Request) -> dict:
    return {
        "playbooks": sorted(request.app[COACH].playbooks),
        "triggers": TRIGGERS,
        "outcomes": OUTCOMES,
        "channel_kinds": CHANNEL_KINDS,
    }


async def index(request: web.Request) -> web.Response:
    return web.Response(status=303, headers={"Location": "/dashboard/logs"})


async def log_list(request: web.Request) -> web.Response:
    form = filter_form(request)
    try:
        log_filter = LogFilter.parse(form, scope=lead_scope(request))
        page = parse_whole_number(request.query.get("page"), "page", MAX_PAGE)
    except FilterError as exc:
        return render(
            request,
            "dashboard/logs.html",
            status=400,
            form=form,
            error=str(exc),
            rows=[],
            total=0,
            page=1,
            pages=1,
            links={},
            **filter_choices(request),
        )
    store = request.app[STORE]
    try:
        total = await asyncio.to_thread(count_events, store, log_filter)
        rows = await asyncio.to_thread(
            list_events, store, log_filter, PAGE_SIZE, (page - 1) * PAGE_SIZE
        )
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    query = {k: v for k, v in form.items() if v}
    links = {
        "prev": f"?{urlencode({**query, 'page': page - 1})}" if page > 1 else None,
        "next": f"?{urlencode({**query, 'page': page + 1})}" if page < pages else None,
    }
    return render(
        request,
        "dashboard/logs.html",
        form=form,
        error=None,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        links=links,
        **filter_choices(request),
    )


async def log_detail(request: web.Request) -> web.Response:
    try:
        event_id = parse_whole_number(request.match_info["event_id"], "id", MAX_ID)
    except FilterError:
        raise web.HTTPNotFound() from None
    store, user, scope = request.app[STORE], session_of(request).user, lead_scope(request)
    try:
        event = await asyncio.to_thread(get_event, store, event_id, scope)
        if event is None:
            if not scope.unrestricted and await asyncio.to_thread(event_exists, store, event_id):
                await asyncio.to_thread(
                    store.audit,
                    user,
                    "view_denied",
                    f"event:{event_id}",
                    {"scope": scope.describe()},
                )
            return error_page(
                request,
                404,
                "Not found",
                f"There is no log entry {event_id} in the workspaces and channels you may review.",
            )
        await asyncio.to_thread(
            store.audit,
            user,
            "view",
            f"event:{event_id}",
            {"channel": event["channel"], "workspace": event["workspace"]},
        )
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    return render(request, "dashboard/detail.html", event=event)
