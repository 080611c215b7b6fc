"""StoreSink: the Coach's sink that writes every result to the log, and never costs a tip.

When the database is unreachable the record goes to the spool and is replayed, in order, before
the next write that succeeds (and on `serve`'s schedule). The sink puts the record's id into
`result.context["log_id"]`; channels pass it back to `record_outcome`.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from bot.store.outage import OutageGuard, error_summary
from bot.store.records import event_row, outcome_row
from bot.store.spool import Spool
from bot.store.store import Store

log = logging.getLogger(__name__)
GROUP_LIMIT = 500  # results written in one transaction by the writer thread


class StoreSink:
    def __init__(
        self, store: Store, spool: Spool, content_mode: str = "redacted", observe: bool = True
    ):
        """`observe`: count every result in the Prometheus metrics (off for a one-off command,
        which serves no /metrics and need not load prometheus_client)."""
        self.store = store
        self.observe = observe
        self.spool = spool
        self.content_mode = content_mode
        # Every write still tries the database (a record waiting in the spool is replayed as
        # soon as it is back); the guard only keeps the warning to one per outage.
        self.outage = OutageGuard(
            store,
            log,
            f"coaching records at {store.shown_url}",
            f"keeping them in {spool.path} until it is back",
        )
        self._queue: queue.SimpleQueue = queue.SimpleQueue()  # (records, future), or None: stop
        self._writer: threading.Thread | None = None
        self._writer_lock = threading.Lock()

    def record(self, result: Any, shown_to: str | None = None) -> None:
        """Log a result; with `shown_to`, its "shown" outcome too, in the same transaction.
        (Channels record before sending and mark shown after: bot/delivered.py.)"""
        self._write(self._records(result, shown_to))

    def submit(self, result: Any, shown_to: str | None = None) -> Future:
        """`record`, by the sink's writer thread: returns at once, with a future that is done
        when the result is written (or spooled). Results submitted while a write is under way
        are written together, in one transaction (group commit), which is what keeps a busy
        server's log writes cheap."""
        return self._enqueue(self._records(result, shown_to))

    def submit_outcome(self, log_id: str, kind: str, **details: Any) -> Future:
        """`record_outcome`, by the writer thread (with `submit`'s group commit): a channel
        marks a tip "shown" this way once it has been sent."""
        row = outcome_row(log_id, kind, content_mode=self.content_mode, **details)
        return self._enqueue([("outcome", row)])

    def _enqueue(self, records: list[tuple[str, dict]]) -> Future:
        future: Future = Future()
        self._queue.put((records, future))
        self._start_writer()
        return future

    def close(self) -> None:
        """Write what is queued, then stop the writer thread."""
        if self._writer is not None and self._writer.is_alive():
            self._queue.put(None)
            self._writer.join()

    def _records(self, result: Any, shown_to: str | None) -> list[tuple[str, dict]]:
        if self.observe:
            from bot import metrics

            metrics.observe_result(result)
        row = event_row(result, self.content_mode)
        result.context["log_id"] = row["uid"]
        records = [("event", row)]
        if shown_to is not None:
            shown = outcome_row(row["uid"], "shown", content_mode=self.content_mode, actor=shown_to)
            records.append(("outcome", shown))
        return records

    def _start_writer(self) -> None:
        with self._writer_lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(
                    target=self._write_groups, name="mot-log-writer", daemon=True
                )
                self._writer.start()

    def _write_groups(self) -> None:
        while True:
            group = [self._queue.get()]
            while group[-1] is not None and len(group) < GROUP_LIMIT:
                try:
                    group.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            submitted = [item for item in group if item is not None]
            if submitted:
                self._write_group(submitted)
            if group[-1] is None:
                return

    def _write_group(self, submitted: list[tuple[list, Future]]) -> None:
        try:
            self._write([record for records, _ in submitted for record in records])
            error = None
        except Exception as exc:  # the spool failed too: every caller hears of it
            error = exc
        for _, future in submitted:
            if future.cancelled():  # its caller stopped waiting (a server shutting down)
                continue
            if error is None:
                future.set_result(None)
            else:
                future.set_exception(error)

    def record_outcome(self, log_id: str, kind: str, **details: Any) -> None:
        """What the agent did with a tip: shown | used | edited | dismissed | rated.

        details: suggestion_index, edit_ratio (0..1), rating (1 | -1), comment, actor.
        """
        row = outcome_row(log_id, kind, content_mode=self.content_mode, **details)
        self._write([("outcome", row)])

    def replay_spool(self) -> int:
        """Write every spooled record to the database; 0 if none (or another process is at it)."""
        if not self.spool.has_pending():
            return 0
        self.store.ensure_schema()
        replayed = self.spool.replay(self._write_replayed)
        if replayed:
            from bot import metrics

            metrics.REPLAYED.inc(replayed)
            log.info("replayed %d spooled log record(s) from %s", replayed, self.spool.path)
        return replayed

    def _write_replayed(self, records: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
        """Write replayed records; a record the database refuses as invalid is set aside (and
        returned) rather than blocking the spool for good. A database that is down raises."""
        try:
            self.store.write_records(records)
            return []
        except OperationalError:
            raise
        except DBAPIError:
            pass
        refused = []
        for record in records:
            try:
                self.store.write_records([record])
            except OperationalError:
                raise
            except DBAPIError as exc:
                log.error("the log refused a spooled %s (%s)", record[0], error_summary(exc))
                refused.append(record)
        return refused

    def _write(self, records: list[tuple[str, dict]]) -> None:
        try:
            self.replay_spool()  # older records first, so outcomes follow their events
            if self.spool.has_pending():  # another process is replaying: queue behind it
                raise _Queued()
            self.store.ensure_schema()
            self.store.write_records(records)
        except (SQLAlchemyError, _Queued) as exc:
            for kind, row in records:
                self._spool(kind, row, exc)
            return
        self.outage.succeeded()

    def _spool(self, kind: str, row: dict, exc: Exception) -> None:
        if not isinstance(exc, _Queued):
            self.outage.failed(f"write_{kind}", exc)
        from bot import metrics  # loaded on the way into the spool only

        try:
            self.spool.append(kind, row)
            metrics.SPOOLED.inc()
        except OSError as spool_error:
            metrics.STORE_ERRORS.labels(operation="spool").inc()
            log.error(
                "could not spool the %s to %s (%s); record: %s",
                kind,
                self.spool.path,
                spool_error,
                row,
            )
            raise


class _Queued(Exception):
    """The spool is being replayed by another process; this record waits its turn there."""
