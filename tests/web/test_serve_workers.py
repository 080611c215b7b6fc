"""`mot-coach serve --workers N`: N processes answer on one port, and stop together."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.serving import serving
from tests.web.test_serve import _get

WORKERS = 3


def _parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.fixture
def workers(tmp_path):
    env = {**os.environ, "MOT_DATABASE_URL": f"sqlite:///{tmp_path}/log.db"}
    with serving(env, "--workers", str(WORKERS)) as served:
        yield served


def _answering(base: str, wanted: int, attempts: int = 300) -> set[int]:
    """The worker pids seen over fresh connections (the kernel spreads them by port hash)."""
    seen: set[int] = set()
    for _ in range(attempts):
        request = urllib.request.Request(base + "/healthz", headers={"Connection": "close"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200
            seen.add(json.loads(response.read())["worker"])
        if len(seen) == wanted:
            break
    return seen


def test_every_worker_answers_on_the_one_port(workers):
    process, base = workers.process, workers.base
    seen = _answering(base, WORKERS)
    assert len(seen) == WORKERS
    assert all(_parent_of(pid) == process.pid for pid in seen)
    status, page = _get(base + "/")
    assert status == 200 and "billing-dispute" in page


def test_sigterm_stops_every_worker(workers):
    process, base = workers.process, workers.base
    seen = _answering(base, WORKERS)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in seen)
    assert b"Traceback" not in workers.output()


def test_workers_stop_when_the_parent_is_killed(workers):
    process, base = workers.process, workers.base
    seen = _answering(base, WORKERS)
    process.kill()  # SIGKILL: the parent cannot pass anything on
    process.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in seen)


def test_a_worker_that_dies_stops_the_service(workers):
    process, base = workers.process, workers.base
    seen = _answering(base, WORKERS)
    os.kill(next(iter(seen)), signal.SIGKILL)
    assert process.wait(timeout=30) == 1  # for the process manager to restart it whole
    assert not any(_alive(pid) for pid in seen)
    assert b"stopping the others" in workers.output()


@pytest.mark.parametrize("value", ["0", "65", "two", "-1"])
def test_a_bad_number_of_workers_is_refused_in_one_line(value):
    run = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--workers", value],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "is not a number of workers (1 to 64)" in run.stderr
    assert "Traceback" not in run.stderr
