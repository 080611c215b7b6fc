import json
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.web.app import create_app
from tests.teams.connector import MockConnector

SCHEMAS = Path("/work/shared/schemas")
CARD_SCHEMA = SCHEMAS / "adaptive-card-1.5.json"
MANIFEST_SCHEMA = SCHEMAS / "teams-manifest-1.29.schema.json"
AGENTS = ["29:ana", "29:ben"]


def _validator(path: Path):
    jsonschema = pytest.importorskip("jsonschema")
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    schema = json.loads(path.read_text())
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.fixture(scope="session")
def card_validator():
    return _validator(CARD_SCHEMA)


@pytest.fixture(scope="session")
def manifest_validator():
    return _validator(MANIFEST_SCHEMA)


def teams_settings(tmp_path, **extra) -> Settings:
    values = {
        "mot_database_url": f"sqlite:///{tmp_path}/teams.db",
        "mot_agents": AGENTS,
        "mot_spool_path": tmp_path / "spool.jsonl",
        "mot_teams_emulator": True,  # anonymous activities from loopback, as in local testing
        "mot_support_channels": ["*"],  # every channel and group chat the bot is in
    }
    return Settings(**{**values, **extra})


@pytest.fixture
async def connector():
    mock = MockConnector()
    server = TestServer(mock.app(), host="127.0.0.1")
    await server.start_server()
    mock.url = str(server.make_url("/")).rstrip("/")
    yield mock
    await server.close()


async def _client(settings: Settings):
    client = TestClient(TestServer(create_app(settings), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def teams_client(tmp_path):
    """The whole `serve` app in emulator mode (MOT_TEAMS_EMULATOR), on an ephemeral port."""
    client = await _client(teams_settings(tmp_path))
    yield client
    await client.close()


@pytest.fixture
async def secured_client(tmp_path):
    """The app with an app id set: every request needs a valid Bot Framework token."""
    settings = teams_settings(
        tmp_path,
        microsoft_app_id="11111111-2222-3333-4444-555555555555",
        microsoft_app_password="secret",
    )
    client = await _client(settings)
    yield client
    await client.close()


def logged_events(tmp_path) -> list[dict]:
    """The suggestion log's coaching events, read straight from the SQLite file."""
    import sqlite3

    with sqlite3.connect(tmp_path / "teams.db") as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM coaching_events ORDER BY id")]


def logged_outcomes(tmp_path) -> list[dict]:
    import sqlite3

    with sqlite3.connect(tmp_path / "teams.db") as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM coaching_outcomes ORDER BY id")]
