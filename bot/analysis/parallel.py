"""Observing conversations in worker processes, with a bounded number of batches in flight so
that memory stays flat however large the file (the reader waits while workers catch up)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from bot.analysis.tally import Observation, observe
from bot.coach import Coach
from bot.core.conversation import Conversation

BATCH = 256  # conversations per task
IN_FLIGHT_PER_WORKER = 2
_coach: Coach | None = None  # each worker's own (inherited on fork, else built at start)


def _start(coach: Coach | None) -> None:
    global _coach
    if coach is not None:
        _coach = coach
        return
    from bot.config import Settings
    from bot.services import playbooks_from

    settings = Settings()
    _coach = Coach(playbooks_from(settings), threshold=settings.mot_match_threshold)


def _observe_batch(batch: list[Conversation]) -> list[Observation]:
    return [found for c in batch if (found := observe(_coach, c)) is not None]


def _batches(conversations: Iterable[Conversation]) -> Iterator[list[Conversation]]:
    iterator = iter(conversations)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def observations(
    coach: Coach, conversations: Iterable[Conversation], workers: int
) -> Iterator[Observation]:
    """Every conversation's observation, in the input's order."""
    if workers <= 1:
        for conversation in conversations:
            if (found := observe(coach, conversation)) is not None:
                yield found
        return
    methods = multiprocessing.get_all_start_methods()
    forked = "fork" in methods
    context = multiprocessing.get_context("fork" if forked else None)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(coach if forked else None,)
    ) as pool:
        pending = deque()
        for batch in _batches(conversations):
            pending.append(pool.submit(_observe_batch, batch))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
