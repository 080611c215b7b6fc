import re

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.store import Store
from bot.web.app import create_app
from bot.web.passwords import hash_password
from tests.store_helpers import event_row

PASSWORDS = {"alice": "alice-password", "bob": "bob-password"}
# Fast hashes for tests; real ones (mot-coach dashboard hash-password) use 600,000 rounds.
USERS = {name: hash_password(password, iterations=1000) for name, password in PASSWORDS.items()}
SCOPES = {"bob": ["C1"]}  # bob leads channel C1 only
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def seeded_store(database_url):
    """Two conversations: one in C1 (bob's channel), one in C2 (not bob's)."""
    store = Store(database_url)
    store.ensure_schema()
    store.insert_events(
        [
            event_row(
                channel="C1",
                agent="U_ANA",
                playbook="billing-dispute",
                outcome="used",
                excerpt=[{"role": "customer", "text": "Charged twice for order 1", "author": None}],
            ),
            event_row(
                channel="C2",
                agent="U_BEN",
                playbook="order-status",
                outcome="dismissed",
                escalation_level="escalate",
                escalation_reasons=["asks for a manager"],
                excerpt=[
                    {"role": "customer", "text": "SECRET-C2 where is my parcel", "author": None}
                ],
            ),
        ]
    )
    yield store
    store.close()


def dashboard_settings(database_url, tmp_path, **extra) -> Settings:
    return Settings(
        mot_database_url=database_url,
        mot_dashboard_users=USERS,
        mot_dashboard_scopes=SCOPES,
        mot_spool_path=tmp_path / "spool.jsonl",
        **extra,
    )


@pytest.fixture
async def client(seeded_store, database_url, tmp_path):
    app = create_app(dashboard_settings(database_url, tmp_path))
    async with TestClient(TestServer(app)) as client:
        yield client


async def csrf_token(client, path="/dashboard/login") -> str:
    page = await client.get(path, allow_redirects=False)
    return CSRF.search(await page.text())[1]


async def login(client, user, password=None, **form):
    token = await csrf_token(client)
    data = {"username": user, "password": password or PASSWORDS[user], "csrf_token": token, **form}
    return await client.post("/dashboard/login", data=data, allow_redirects=False)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, through Playwright (tests/web/browser_helpers.py)."""
    from tests.web import browser_helpers  # it imports this module

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_helpers.CHROMIUM, args=browser_helpers.ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh context at 1280 x 900, the width the dashboard is designed and pictured at."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
