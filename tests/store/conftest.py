import pytest

from bot.store import Store
from tests.store_helpers import fresh_database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database, once on SQLite and once on PostgreSQL (skipped where it is unset)."""
    url, cleanup = fresh_database_url(request.param, tmp_path)
    yield url
    cleanup()


@pytest.fixture
def store(database_url):
    """A migrated Store on each database."""
    store = Store(database_url)
    store.ensure_schema()
    yield store
    store.close()
