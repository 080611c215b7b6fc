"""Wiring: builds the Coach and its parts from Settings. Channels and commands start here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.coach import Coach, SuggestionSink
from bot.config import Settings
from bot.core.compiled import compiled_playbooks
from bot.core.knowledge import Knowledge, KnowledgeError, load_knowledge
from bot.core.matcher import Matcher
from bot.core.playbooks import Playbook, PlaybookError
from bot.llm.base import BackendError
from bot.llm.registry import create_backend
from bot.messages import UserError

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only for commands that log
    from bot.store import Spool, Store, StoreSink
    from bot.workspaces import WorkspaceSource


def playbooks_from(settings: Settings) -> dict[str, Playbook]:
    return compiled_from(settings)[0]


def matching_coach(settings: Settings) -> Coach:
    """A Coach for matching and escalation only (classify, eval): no backend, no log."""
    playbooks, matcher = compiled_from(settings)
    return Coach(playbooks, threshold=settings.mot_match_threshold, matcher=matcher)


def compiled_from(settings: Settings) -> tuple[dict[str, Playbook], Matcher]:
    """The playbooks and their matcher, from MOT_CACHE_DIR when unchanged since last time."""
    try:
        return compiled_playbooks(settings.mot_playbooks_dir, settings.cache_dir)
    except PlaybookError as exc:
        raise UserError("invalid playbooks (MOT_PLAYBOOKS_DIR):\n" + str(exc)) from None


def knowledge_from(settings: Settings) -> Knowledge:
    try:
        return load_knowledge(settings.mot_knowledge_file)
    except KnowledgeError as exc:
        problems = "; ".join(exc.problems)
        raise UserError(f"invalid team knowledge (MOT_KNOWLEDGE_FILE): {problems}") from None


def build_coach(
    settings: Settings, backend_name: str | None = None, sink: SuggestionSink | None = None
) -> Coach:
    """A ready Coach; a bad backend or playbook folder is a UserError naming what to fix."""
    try:
        backend = create_backend(backend_name or settings.mot_llm_backend, settings)
    except BackendError as exc:
        raise UserError(str(exc)) from None
    playbooks, matcher = compiled_from(settings)
    return Coach(
        playbooks,
        backend=backend,
        sink=sink if sink is not None else build_sink(settings),
        threshold=settings.mot_match_threshold,
        knowledge=knowledge_from(settings),
        matcher=matcher,
    )


def build_store(settings: Settings) -> Store:
    """The suggestion log's Store (not yet connected); a bad MOT_DATABASE_URL is a UserError."""
    from bot.store import DatabaseURLError, Store

    try:
        return Store(settings.mot_database_url)
    except DatabaseURLError as exc:
        raise UserError(str(exc)) from None


def spool_for(settings: Settings, store: Store) -> Spool:
    return _spool(settings, store.sqlite_path)


def _spool(settings: Settings, sqlite_path: str | None) -> Spool:
    """MOT_SPOOL_PATH, else beside the SQLite file, else in the working directory."""
    from bot.store import Spool

    if settings.mot_spool_path:
        return Spool(settings.mot_spool_path)
    if sqlite_path and sqlite_path != ":memory:":
        return Spool(sqlite_path + ".spool.jsonl")
    return Spool("mot-coach-spool.jsonl")


def build_sink(settings: Settings, store: Store | None = None, observe: bool = True) -> StoreSink:
    """The Coach's sink: every result to the log, or to the spool while the log is down.
    `observe`: count results in the metrics (for a process that serves /metrics)."""
    from bot.store import StoreSink

    store = store or build_store(settings)
    spool = spool_for(settings, store)
    return StoreSink(store, spool, content_mode=settings.mot_log_content, observe=observe)


def workspace_source(settings: Settings, store: Store) -> WorkspaceSource:
    """Settings per workspace: MOT_WORKSPACES_DIR's files, then the log's table; a bad file
    is a UserError naming the file and the field."""
    from bot.workspaces import WorkspaceError, WorkspaceSource, load_workspace_dir

    try:
        files = load_workspace_dir(settings.mot_workspaces_dir)
    except WorkspaceError as exc:
        raise UserError("invalid workspace settings (MOT_WORKSPACES_DIR):\n" + str(exc)) from None
    return WorkspaceSource(store, files)


def one_off_sink(settings: Settings) -> SuggestionSink:
    """The sink of a command that coaches once and exits (`tip`): it serves no /metrics, and on
    a SQLite log it writes without loading SQLAlchemy when it can (bot/store/direct.py)."""
    from bot.store.direct import DirectSQLiteSink, sqlite_file

    def full() -> StoreSink:
        return build_sink(settings, observe=False)

    path = sqlite_file(settings.mot_database_url)
    if path is None:
        return full()
    return DirectSQLiteSink(path, _spool(settings, path), settings.mot_log_content, full)
