"""Running `mot-coach serve` on a seeded SQLite log and driving Debian's chromium through
Playwright: shared by the dashboard's browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bot.store import Store
from tests.web.conftest import PASSWORDS, USERS

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_log(folder: Path, rows: list[dict], **env_extra: str):
    """A log holding `rows` and `mot-coach serve` in front of it: yields (base URL, store)."""
    url = f"sqlite:///{folder}/mot-coach.db"
    store = Store(url)
    store.ensure_schema()
    if rows:
        store.insert_events(rows)
    port = _free_port()
    env = {
        **os.environ,
        # this checkout's bot/, not whichever one the shared venv's editable install points at
        "PYTHONPATH": str(REPO),
        "MOT_DATABASE_URL": url,
        "MOT_DASHBOARD_SCOPES": "bob=C1",
        "MOT_DASHBOARD_USERS": ",".join(f"{u}:{h}" for u, h in USERS.items()),
        **env_extra,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/readyz", timeout=2)
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)  # polling a port that is not open yet: no event to wait on
        yield base, store
    finally:
        server.terminate()
        server.wait(timeout=15)
        store.close()


def sign_in(page, base: str, user: str, password: str | None = None) -> None:
    page.goto(base + "/dashboard/logs")
    assert "/dashboard/login" in page.url
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password or PASSWORDS[user])
    page.click("button[type=submit]")
