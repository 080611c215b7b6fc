"""Settings per workspace on the dashboard: the list, and one workspace's settings to view or,
for an admin, to edit.

Who sees what: a lead sees the workspaces of their MOT_DASHBOARD_SCOPES (every workspace
when they have no scope; none when their scope names channels only, since a workspace's
settings span all its channels). Who edits: the users in MOT_DASHBOARD_ADMINS, within what
they see. A workspace outside the lead's scope is "not found", even by URL, and the attempt
is audited; every edit is audited with the fields it changed. A workspace configured by a
file (MOT_WORKSPACES_DIR) is shown read-only: git is its source.
"""

from __future__ import annotations

import asyncio
from urllib.parse import quote

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.core.playbooks import KNOWLEDGE_SLOTS
from bot.store import Scope
from bot.web.auth import see_other
from bot.web.dashboard import database_down
from bot.web.keys import RUNTIME, SETTINGS, STORE
from bot.web.pages import error_page, lead_scope, render, session_of
from bot.web.workspace_form import form_from_settings, settings_from_form
from bot.workspaces import KINDS, WorkspaceError, WorkspaceKey
from bot.workspaces.source import DASHBOARD, FILE
from bot.workspaces.stored import logged_workspaces, read_stored, stored_rows, write_stored

AUDIT_EDIT, AUDIT_DENIED = "workspace_settings", "view_denied"


def sees(scope: Scope, key: WorkspaceKey) -> bool:
    return scope.unrestricted or key.id in scope.workspaces


def is_admin(request: web.Request) -> bool:
    session = session_of(request)
    return bool(session and session.user in request.app[SETTINGS].mot_dashboard_admins)


def _key(request: web.Request) -> WorkspaceKey:
    kind, workspace = request.match_info["kind"], request.match_info["workspace"].strip()
    if kind not in KINDS or not workspace or len(workspace) > 128:
        raise web.HTTPNotFound()
    return WorkspaceKey(kind, workspace)


def _listing(request: web.Request) -> list[dict]:
    store, source = request.app[STORE], request.app[RUNTIME].workspaces.source
    rows = stored_rows(store)
    keys = logged_workspaces(store) | set(source.files if source else ())
    scope = lead_scope(request)
    return [
        {
            "key": key,
            "origin": FILE if source and source.in_file(key) else DASHBOARD if key in rows else "",
            "name": (rows.get(key, {}).get("settings") or {}).get("name")
            or (source.files[key].name if source and source.in_file(key) else None),
            "updated": rows.get(key),
        }
        for key in sorted(keys)
        if sees(scope, key)
    ]


async def workspace_list(request: web.Request) -> web.Response:
    try:
        workspaces = await asyncio.to_thread(_listing, request)
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    return render(
        request, "dashboard/workspaces.html", workspaces=workspaces, admin=is_admin(request)
    )


async def workspace_open(request: web.Request) -> web.Response:
    """The list's "open" form: to a workspace by its kind and id (one not yet in the log)."""
    kind, workspace = request.query.get("kind", ""), request.query.get("workspace", "").strip()
    if kind not in KINDS or not workspace:
        return see_other("/dashboard/workspaces")
    return see_other(f"/dashboard/workspaces/{kind}/{quote(workspace[:128], safe='')}")


async def _denied(request: web.Request, key: WorkspaceKey) -> web.Response:
    scope, user = lead_scope(request), session_of(request).user
    try:
        await asyncio.to_thread(
            request.app[STORE].audit,
            user,
            AUDIT_DENIED,
            f"workspace:{key}",
            {"scope": scope.describe()},
        )
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    return error_page(
        request, 404, "Not found", f"There is no workspace {key.id} among those you may review."
    )


async def _page(request, key, form=None, errors=(), status=200, saved=False) -> web.Response:
    runtime = request.app[RUNTIME]
    source = runtime.workspaces.source
    in_file = bool(source and source.in_file(key))
    if in_file:
        stored = source.files[key]
    else:
        stored = await asyncio.to_thread(read_stored, request.app[STORE], key)
    return render(
        request,
        "dashboard/workspace.html",
        status=status,
        key=key,
        form=form if form is not None else form_from_settings(stored),
        errors=list(errors),
        saved=saved,
        in_file=in_file,
        editable=is_admin(request) and not in_file,
        environment=runtime.settings,
        knowledge=runtime.coach.knowledge,
        slots=KNOWLEDGE_SLOTS,
    )


async def workspace_page(request: web.Request) -> web.Response:
    key = _key(request)
    if not sees(lead_scope(request), key):
        return await _denied(request, key)
    try:
        return await _page(request, key, saved=request.query.get("saved") == "1")
    except SQLAlchemyError as exc:
        return database_down(request, exc)


async def workspace_save(request: web.Request) -> web.Response:
    key = _key(request)
    if not sees(lead_scope(request), key):
        return await _denied(request, key)
    source = request.app[RUNTIME].workspaces.source
    if not is_admin(request):
        return error_page(
            request, 403, "Not allowed", "Only dashboard admins (MOT_DASHBOARD_ADMINS) may edit."
        )
    if source and source.in_file(key):
        return error_page(
            request,
            409,
            "Configured in a file",
            f"Workspace {key.id} is configured in MOT_WORKSPACES_DIR; change its file instead.",
        )
    form = await request.post()
    try:
        settings = await asyncio.to_thread(settings_from_form, form)
    except WorkspaceError as exc:
        filled = {name: str(form.get(name, "")) for name in form_from_settings(None)}
        return await _page(request, key, filled, exc.problems, status=400)
    store, user = request.app[STORE], session_of(request).user
    try:
        before = await asyncio.to_thread(read_stored, store, key)
        await asyncio.to_thread(write_stored, store, key, settings, user)
        written = settings.model_dump(mode="json", exclude_none=True)
        detail = {"changed": _changed(before, settings), "settings": written}
        await asyncio.to_thread(store.audit, user, AUDIT_EDIT, f"workspace:{key}", detail)
    except SQLAlchemyError as exc:
        return database_down(request, exc)
    request.app[RUNTIME].workspaces.forget(key)
    return see_other(f"/dashboard/workspaces/{key.kind}/{quote(key.id, safe='')}?saved=1")


def _changed(before, after) -> list[str]:
    old = before.model_dump(exclude_none=True) if before else {}
    new = after.model_dump(exclude_none=True)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def mount_workspaces(router: web.UrlDispatcher) -> None:
    router.add_get("/dashboard/workspaces", workspace_list)
    router.add_get("/dashboard/workspaces/open", workspace_open)
    router.add_get("/dashboard/workspaces/{kind}/{workspace}", workspace_page)
    router.add_post("/dashboard/workspaces/{kind}/{workspace}", workspace_save)
