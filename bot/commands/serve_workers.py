"""`mot-coach serve --workers N`: N server processes on one port, so one machine's cores are used.

Each worker is a whole `serve` process (its own event loop, coach, log connections) listening
with SO_REUSEPORT: the kernel spreads new connections over them. Everything the workers must
agree on already goes through the log's database, as between replicas on several machines
(once-only deliveries, nudge cooldowns, tracked threads, the spool replay lock).

The parent only starts and stops them: SIGTERM or SIGINT is passed on, and each worker finishes
its requests. If a worker dies, the others are stopped and `serve` exits with its status, so that
the process manager in charge (systemd, Docker, Kubernetes) restarts the whole service.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait

log = logging.getLogger("bot.serve")
STOP_TIMEOUT = 15.0  # seconds a worker gets to finish its requests after SIGTERM
ORPHAN_CHECK = 1.0  # seconds between a worker's checks that its parent is still there
WATCH_INTERVAL = 1.0  # seconds between the parent's checks that every worker is still there


def reserve_port(host: str, port: int) -> socket.socket:
    """A bound (not listening) SO_REUSEPORT socket: holds `port` (or picks one for 0) while the
    workers bind it too. Not listening, it is never given a connection."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def run_workers(count: int, host: str, port: int, serve_one: Callable[[str, int], int]) -> int:
    """Run `serve_one(host, port)` in `count` processes; returns the exit status for `serve`."""
    reserved = reserve_port(host, port)
    port = reserved.getsockname()[1]
    context = multiprocessing.get_context("fork")  # no thread runs yet: safe, and quick
    workers = [context.Process(target=_worker, args=(serve_one, host, port)) for _ in range(count)]
    for worker in workers:
        worker.start()
    log.info("mot-coach serving on http://%s:%s with %d workers", host, port, count)
    stopping = False

    def stop(_signum=None, _frame=None) -> None:
        nonlocal stopping
        stopping = True
        for worker in workers:
            if worker.is_alive():
                os.kill(worker.pid, signal.SIGTERM)  # a graceful stop, whatever stopped us

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        # The first to end: a stop, or a worker that died. A worker killed early was seen to
        # leave its sentinel unsignalled (1 run in 8), so its exit status is polled as well.
        while not stopping and all(w.is_alive() for w in workers):
            wait([w.sentinel for w in workers], timeout=WATCH_INTERVAL)
        if not stopping:
            failed = next(w for w in workers if not w.is_alive())
            log.error("worker %s exited (%s); stopping the others", failed.pid, failed.exitcode)
            stop()
            stopping = False  # a failure, not a stop that was asked for
        deadline = time.monotonic() + STOP_TIMEOUT
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.kill()
                worker.join()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        reserved.close()
    return 0 if stopping and all(w.exitcode == 0 for w in workers) else 1


def _stop_when_orphaned(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL gives it no chance to stop them) stops too."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os.kill(os.getpid(), signal.SIGTERM)  # the same graceful stop as the parent's


def _worker(serve_one: Callable[[str, int], int], host: str, port: int) -> None:
    # A Ctrl-C in the terminal reaches the whole process group; the parent passes it on once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch = threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), daemon=True)
    watch.start()
    try:
        status = serve_one(host, port)
    except Exception as exc:  # e.g. the app cannot start: said once, without a traceback per worker
        log.error("worker %s could not serve: %s", os.getpid(), exc)
        status = 1
    raise SystemExit(status)
