"""`mot-coach serve`: a real process on a real port, stopped with SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


@pytest.fixture
def server():
    port = _free_port()
    env = {**os.environ, "MOT_SUPPORT_CHANNELS": "C0SUPPORT,help-desk"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _get(base + "/healthz")
            break
        except OSError:
            assert process.poll() is None, process.stdout.read().decode()
            time.sleep(0.1)
    yield process, base
    if process.poll() is None:
        process.kill()
        process.wait()


def test_healthz_and_status_page(server):
    _, base = server
    status, body = _get(base + "/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, page = _get(base + "/")
    assert status == 200
    assert "billing-dispute" in page and "offline" in page
    assert "C0SUPPORT, help-desk" in page
    assert "not configured" in page  # Slack without tokens


def test_sigterm_shuts_down_cleanly(server):
    process, _ = server
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0
    assert b"Traceback" not in process.stdout.read()
