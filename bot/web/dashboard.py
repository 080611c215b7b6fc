"""The team-lead dashboard: the triage list (filters, sorts, pages) and one conversation.

The list leads with what a lead needs to choose what to open: the customer's latest words, the
moment by its title, the level, the agent, where, how long ago, and why it needs a look; by
default the events that need a look come first, over the last 30 days (as on the stats page).
Every read is limited to the lead's scope, so a record outside it is "not found", even by URL.
Opening a conversation is written to the audit log before it is shown.
"""

from __future__ import annotations

import asyncio
import math
from datetime import timedelta
from urllib.parse import urlencode

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.store import FilterError, LogFilter, error_summary
from bot.store.filters import FILTER_NAMES, MAX_ID, MAX_PAGE, parse_whole_number
from bot.store.queries import count_events, event_exists, get_event, list_events
from bot.store.records import utcnow
from bot.store.triage import attention_reasons
from bot.store.vocabulary import CHANNEL_KINDS, LEVELS, OUTCOMES, SORTS, TRIGGERS
from bot.web.keys import COACH, SETTINGS, STORE
from bot.web.pages import error_page, lead_scope, render, session_of
from bot.web.threads import thread_link
from bot.web.wording import range_text

PAGE_SIZE = 50
DEFAULT_DAYS = 30  # what the list and the stats show until a filter is chosen
OUTCOME_CHOICES = {"none": "not shown", "cli": "CLI (printed)"}


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
    """The filters as given; until one is (even blank, as "All time" does), the last 30 days."""
    form = {name: request.query.get(name, "").strip() for name in FILTER_NAMES}
    if not any(name in request.query for name in FILTER_NAMES):
        form["since"] = (utcnow() - timedelta(days=DEFAULT_DAYS)).date().isoformat()
    return form


def moment_titles(request: web.Request) -> dict[str, str]:
    return {pid: playbook.title for pid, playbook in request.app[COACH].playbooks.items()}


def filter_choices(request: web.Request) -> dict:
    titles = moment_titles(request)
    return {
        "titles": titles,
        "playbooks": sorted(titles.items(), key=lambda item: item[1].lower()),
        "levels": LEVELS,
        "triggers": TRIGGERS,
        "outcomes": [(o, OUTCOME_CHOICES.get(o, o)) for o in OUTCOMES],
        "channel_kinds": CHANNEL_KINDS,
        "sorts": SORTS,
    }


def parse_sort(request: web.Request) -> str:
    sort = request.query.get("sort", "").strip() or next(iter(SORTS))
    if sort not in SORTS:
        raise FilterError(f"sort: {sort!r} is not one of {', '.join(SORTS)}")
    return sort


def _triage_rows(request: web.Request, rows: list[dict]) -> list[dict]:
    domains = request.app[SETTINGS].mot_slack_workspace_domains
    return [
        row | {"link": thread_link(row, domains), "attention": attention_reasons(row)}
        for row in rows
    ]


async def index(request: web.Request) -> web.Response:
    return web.Response(status=303, headers={"Location": "/dashboard/logs"})


async def log_list(request: web.Request) -> web.Response:
    form = filter_form(request)
    form["sort"] = request.query.get("sort", "").strip()
    try:
        log_filter = LogFilter.parse(form, scope=lead_scope(request))
        sort = parse_sort(request)
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
            range_text=None,
            **filter_choices(request),
        )
    store = request.app[STORE]
    try:
        total = await asyncio.to_thread(count_events, store, log_filter)
        rows = await asyncio.to_thread(
            list_events, store, log_filter, PAGE_SIZE, (page - 1) * PAGE_SIZE, sort
        )
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    query = {**form, "sort": sort}  # blank filters too: "All time" stays all time on page 2
    links = {
        "prev": f"?{urlencode({**query, 'page': page - 1})}" if page > 1 else None,
        "next": f"?{urlencode({**query, 'page': page + 1})}" if page < pages else None,
        **{
            f"by_{key}": f"?{urlencode({**query, 'sort': key})}"
            for key in ("level", "moment", "agent")
        },
        "newest": f"?{urlencode({**query, 'sort': 'newest'})}",
    }
    return render(
        request,
        "dashboard/logs.html",
        form=form,
        error=None,
        rows=_triage_rows(request, rows),
        total=total,
        page=page,
        pages=pages,
        links=links,
        range_text=range_text(log_filter),
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
    return render(
        request,
        "dashboard/detail.html",
        event=_triage_rows(request, [event])[0],
        titles=moment_titles(request),
    )
