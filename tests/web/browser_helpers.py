"""Running `mot-coach serve` on a seeded SQLite log and driving Debian's chromium through
Playwright: shared by the dashboard's browser tests."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from bot.store import Store
from tests.serving import serving
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


@contextmanager
def serve_log(folder: Path, rows: list[dict], **env_extra: str):
    """A log holding `rows` and `mot-coach serve` in front of it: yields (base URL, store)."""
    url = f"sqlite:///{folder}/mot-coach.db"
    store = Store(url)
    store.ensure_schema()
    if rows:
        store.insert_events(rows)
    env = {
        **os.environ,
        # this checkout's bot/, not whichever one the shared venv's editable install points at
        "PYTHONPATH": str(REPO),
        "MOT_DATABASE_URL": url,
        "MOT_DASHBOARD_SCOPES": "bob=C1",
        "MOT_DASHBOARD_USERS": ",".join(f"{u}:{h}" for u, h in USERS.items()),
        **env_extra,
    }
    try:
        with serving(env, cwd=folder, ready="/readyz", seconds=30) as served:
            yield served.base, store
    finally:
        store.close()


def sign_in(page, base: str, user: str, password: str | None = None) -> None:
    page.goto(base + "/dashboard/logs")
    assert "/dashboard/login" in page.url
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password or PASSWORDS[user])
    page.click("button[type=submit]")
