"""The runtime every channel is mounted with: built once by `serve` (bot/web/app.py).

It holds the settings, the Coach, the suggestion log's Store and the sink that writes to it;
`LogSink` declares everything a channel calls on the sink, so nothing probes for methods.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

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

    def listening_state(self) -> dict[str, dict[str, int]]:
        """Per channel: threads waiting for the database, messages not yet written back."""
        return {
            kind: {"waiting": listening.waiting, "unsaved": listening.tracker.unsaved}
            for kind, listening in self.listenings.items()
        }

    @classmethod
    def build(cls, settings: Settings, coach: Coach | None = None) -> Runtime:
        """The runtime from settings: one Store and sink; `coach` when given (tests)."""
        from bot.services import build_coach, build_sink

        sink = build_sink(settings)
        return cls(settings, coach or build_coach(settings, sink=sink), sink.store, sink)
