"""Each event's workspace, resolved in one place for every channel: its who-and-where (Places),
its Coach (team knowledge, voice, playbooks) and its effective Settings.

A workspace is (`slack`, team id) or (`teams`, tenant id), as the log's `workspace` column
holds it; its overrides come from bot/workspaces/ (a file, else the dashboard's table), over
the environment's settings. Resolutions are cached for CACHE_SECONDS (the dashboard forgets an
edited workspace at once in its own process; other processes see the edit within that time).
When the database cannot be read, the workspace's last known settings stand, else the
environment's: a database outage never costs an agent their tip.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from cachetools import LRUCache, TTLCache

from bot.channels.places import Places
from bot.coach import Coach
from bot.config import Settings
from bot.core.knowledge import Knowledge
from bot.core.playbooks import PlaybookError, load_dir
from bot.workspaces import WorkspaceKey, WorkspaceSettings, WorkspaceSource, effective
from bot.workspaces.source import ENVIRONMENT

log = logging.getLogger(__name__)
CACHE_SECONDS = 30.0
MAX_WORKSPACES = 10_000  # resolved workspaces remembered (least recently used out first)
MAX_COACHES = 64  # distinct knowledge and playbooks among workspaces


@dataclass(frozen=True)
class Workspace:
    key: WorkspaceKey | None  # None: no workspace known (the environment's settings)
    settings: Settings
    places: Places
    coach: Coach
    origin: str  # file | dashboard | environment
    overrides: WorkspaceSettings | None = None


class Workspaces:
    def __init__(
        self,
        settings: Settings,
        coach: Coach,
        source: WorkspaceSource | None = None,
        cache_seconds: float = CACHE_SECONDS,
    ):
        self.settings, self.coach, self.source = settings, coach, source
        self._lock = threading.Lock()  # resolutions happen in the loop and in worker threads
        self._fresh: TTLCache = TTLCache(MAX_WORKSPACES, cache_seconds)
        self._known: LRUCache = LRUCache(MAX_WORKSPACES)  # the last good, for outages
        self._coaches: LRUCache = LRUCache(MAX_COACHES)
        self._defaults = {
            kind: Workspace(None, settings, Places(settings, kind), coach, ENVIRONMENT)
            for kind in ("slack", "teams")
        }

    def default(self, kind: str) -> Workspace:
        return self._defaults[kind]

    def get(self, kind: str, workspace: str | None) -> Workspace:
        """The workspace's settings (blocking: may read the database on a cache miss)."""
        if not workspace or self.source is None:
            return self.default(kind)
        key = WorkspaceKey(kind, workspace)
        with self._lock:
            found = self._fresh.get(key)
        if found is not None:
            return found
        try:
            found = self._resolve(key)
        except Exception as exc:
            with self._lock:
                known = self._known.get(key)
            log.warning(
                "settings of workspace %s cannot be read (%s); using %s",
                key,
                exc,
                "its last known settings" if known else "the environment's",
            )
            return known or self.default(kind)
        with self._lock:
            self._fresh[key] = self._known[key] = found
        return found

    async def get_async(self, kind: str, workspace: str | None) -> Workspace:
        """`get`, with a database read (on a cache miss) off the event loop."""
        if workspace and self.source is not None:
            with self._lock:
                found = self._fresh.get(WorkspaceKey(kind, workspace))
            if found is None:
                return await asyncio.to_thread(self.get, kind, workspace)
            return found
        return self.default(kind)

    def forget(self, key: WorkspaceKey) -> None:
        """After an edit: the next event of the workspace reads its new settings."""
        with self._lock:
            self._fresh.pop(key, None)

    def _resolve(self, key: WorkspaceKey) -> Workspace:
        found = self.source.get(key)
        if found.settings is None:
            return self.default(key.kind)
        with self._lock:
            known = self._known.get(key)
        if known is not None and (known.overrides, known.origin) == (found.settings, found.origin):
            return known  # unchanged: the same object, so what channels built on it stays
        applied = effective(self.settings, self.coach.knowledge, found.settings)
        coach = self._coach(applied.knowledge, applied.playbooks_dir)
        places = Places(applied.settings, key.kind)
        return Workspace(key, applied.settings, places, coach, found.origin, found.settings)

    def _coach(self, knowledge: Knowledge, playbooks_dir: Path | None) -> Coach:
        """The environment's Coach, or one sharing its backend and log with the workspace's
        knowledge and playbooks (built once per distinct pair)."""
        if knowledge == self.coach.knowledge and playbooks_dir is None:
            return self.coach
        with self._lock:
            built = self._coaches.get((knowledge, playbooks_dir))
        if built is not None:
            return built
        playbooks, matcher = self.coach.playbooks, self.coach.matcher
        if playbooks_dir is not None:
            try:
                extra, _ = load_dir(playbooks_dir)
                playbooks, matcher = {**playbooks, **extra}, None
            except PlaybookError as exc:
                log.error("workspace playbooks ignored (the environment's apply): %s", exc)
        built = Coach(
            playbooks,
            backend=self.coach.backend,
            sink=self.coach.sink,
            threshold=self.coach.matcher.threshold,
            knowledge=knowledge,
            matcher=matcher,
        )
        with self._lock:
            self._coaches[(knowledge, playbooks_dir)] = built
        return built
