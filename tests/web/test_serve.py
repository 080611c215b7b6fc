"""`mot-coach serve`: a real process on a real port, stopped with SIGTERM."""

import json
import os
import signal
import urllib.request

import pytest

from tests.serving import serving


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


@pytest.fixture
def server():
    env = {**os.environ, "MOT_SUPPORT_CHANNELS": "C0SUPPORT,help-desk"}
    with serving(env) as served:
        yield served


def test_healthz_and_status_page(server):
    base = server.base
    status, body = _get(base + "/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, page = _get(base + "/")
    assert status == 200
    assert "billing-dispute" in page and "offline" in page
    assert "C0SUPPORT, help-desk" in page
    assert "not configured" in page  # Slack without tokens


def test_sigterm_shuts_down_cleanly(server):
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=15) == 0
    assert b"Traceback" not in server.output()
