"""A coach that holds every assessment at a gate the test opens, so that "the ack comes before
the coaching" is proved by the order of events, never by a stopwatch."""

from __future__ import annotations

import threading

from bot.coach import Coach
from bot.llm.offline import OfflineBackend
from bot.services import build_sink, playbooks_from
from tests.slack.conftest import slack_settings


class GatedCoach(Coach):
    """Counts the assessments running at once and holds each until `gate` is set."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gate = threading.Event()
        self.entered = threading.Event()
        self._lock = threading.Lock()
        self.running = self.most_at_once = self.assessed = 0

    def assess(self, conversation, now=None, asked=False):
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.entered.set()
        try:
            if not self.gate.wait(timeout=30):
                raise TimeoutError("the test never opened the gate")
            return super().assess(conversation, now, asked)
        finally:
            with self._lock:
                self.running -= 1
                self.assessed += 1


def gated_coach(mock, tmp_path, **overrides) -> GatedCoach:
    settings = slack_settings(mock, tmp_path, **overrides)
    return GatedCoach(playbooks_from(settings), OfflineBackend(), build_sink(settings))
