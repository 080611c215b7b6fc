"""`mot-coach serve` as a real process on a free port, for tests that talk to it over HTTP."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen
    base: str  # http://127.0.0.1:PORT
    log: IO[bytes]  # everything the process printed; a file, so that it never blocks writing

    def output(self) -> bytes:
        self.log.seek(0)
        return self.log.read()


@contextmanager
def serving(
    env: dict[str, str],
    *args: str,
    cwd: Path | None = None,
    ready: str = "/healthz",
    seconds: float = 60,
) -> Iterator[Served]:
    """`mot-coach serve --port P *args` with `env`, once `ready` answers. Its output goes to a
    file, not a pipe: a pipe nobody reads fills up and blocks the server's logging. Stopped
    with SIGTERM afterwards, unless the test already stopped it."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port), *args],
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        served = Served(process, f"http://127.0.0.1:{port}", log)
        deadline = time.monotonic() + seconds
        try:
            while True:
                try:
                    urllib.request.urlopen(served.base + ready, timeout=2).close()
                    break
                except OSError:
                    assert process.poll() is None, served.output().decode()
                    assert time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.1)  # polling a port that is not open yet: no event to wait on
            yield served
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
