import pytest

from bot.store import Store


@pytest.fixture
def store(database_url):
    """A migrated Store on each database."""
    store = Store(database_url)
    store.ensure_schema()
    yield store
    store.close()
