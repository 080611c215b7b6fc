"""The runtime every channel is mounted with: built once by `serve` (bot/web/app.py).

It holds the settings, the Coach (and each workspace's: bot/channels/workspaces.py), the
suggestion log's Store and the sink that writes to it; `LogSink` declares everything a
channel calls on the sink, so nothing probes for methods.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.channels.workspaces import Workspace, Workspaces
from bot.coach import Coach, CoachingResult
from bot.config import Settings

if TYPE_CHECKING:
    from bot.store import Store


class LogSink(Protocol):
    """The suggestion log as channels use it (bot.store.StoreSink is the one implementation)."""

    def submit(self, result: CoachingResult, shown_to: str | None = None) -> Future:
        """Write `result` (its id into result.context["log_id"]); done once written or spooled."""

    def submit_outcome(self, log_id: str, kind: str, **details: Any) -> Future:
        """Write an outcome (shown, used, edited, dismissed, rated) of a logged result."""

    def record_outcome(self, log_id: str, kind: str, **details: Any) -> None:
        """`submit_outcome`, written before it returns."""


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    coach: Coach
    store: Store
    sink: LogSink
    # Each mounted channel's listening (bot/channels/listening.py), by kind, for /healthz.
    listenings: dict[str, Any] = field(default_factory=dict, compare=False)
    # Each event's workspace settings (bot/channels/workspaces.py); None: the environment's.
    workspaces: Workspaces | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.workspaces is None:
            object.__setattr__(self, "workspaces", Workspaces(self.settings, self.coach))

    def workspace(self, kind: str, workspace: str | None) -> Workspace:
        """The settings, places and Coach of an event's workspace (blocking on a cache miss)."""
        return self.workspaces.get(kind, workspace)

    def coach_for(self, context: dict) -> Coach:
        """The Coach of the workspace a coaching context names (`channel_kind`, `workspace`)."""
        kind = context.get("channel_kind")
        if kind not in ("slack", "teams"):
            return self.coach
        return self.workspaces.get(kind, context.get("workspace")).coach

    def coach_in_workspace(
        self, conversation, trigger: str, context: dict, **options: Any
    ) -> CoachingResult:
        """`Coach.coach` with the Coach of the context's workspace (blocking: call it in a
        worker thread, as every channel does)."""
        return self.coach_for(context).coach(conversation, trigger, context, **options)

    def listening_state(self) -> dict[str, dict[str, int]]:
        """Per channel: threads waiting for the database, messages not yet written back."""
        return {
            kind: {"waiting": listening.waiting, "unsaved": listening.tracker.unsaved}
            for kind, listening in self.listenings.items()
        }

    @classmethod
    def build(cls, settings: Settings, coach: Coach | None = None) -> Runtime:
        """The runtime from settings: one Store and sink; `coach` when given (tests)."""
        from bot.services import build_coach, build_sink, workspace_source

        sink = build_sink(settings)
        coach = coach or build_coach(settings, sink=sink)
        source = workspace_source(settings, sink.store)
        workspaces = Workspaces(settings, coach, source)
        return cls(settings, coach, sink.store, sink, workspaces=workspaces)
