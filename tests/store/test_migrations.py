"""Migrations: from an empty database and from every earlier revision, on SQLite and PostgreSQL."""

import os
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.store import Store, migrate
from bot.store.models import Base
from tests.store_helpers import event_row

TABLES = {
    "coaching_events",
    "coaching_outcomes",
    "processed_events",
    "nudge_states",
    "purges",
    "audit_log",
    "tracked_messages",
    "conversation_references",
    "login_attempts",
    "dashboard_sessions",
    "slack_installations",
    "slack_bots",
    "slack_oauth_states",
    "workspace_settings",
    "alembic_version",
}


def test_head_constant_matches_the_newest_revision():
    assert migrate.script_head() == migrate.HEAD
    assert migrate.revisions()[-1] == migrate.HEAD
    assert migrate.revisions()[0] == "0001"


def test_upgrade_from_empty_matches_the_models(database_url):
    store = Store(database_url)
    assert migrate.current_revision(store.engine) is None
    assert migrate.upgrade(store.engine) == migrate.HEAD
    with store.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) >= TABLES
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    store.close()


@pytest.mark.parametrize("start", ["0001", "0002", "0003", "0004", "0005", "0006", "0009", "0010"])
def test_upgrade_from_each_earlier_revision_keeps_the_data(database_url, start):
    store = Store(database_url)
    migrate.upgrade(store.engine, start)
    assert migrate.current_revision(store.engine) == start
    store.insert_events([event_row(uid="a" * 32, playbook="praise")])
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.HEAD
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT playbook FROM coaching_events")).scalar() == "praise"
        assert set(inspect(connection).get_table_names()) >= TABLES
    store.close()


def test_ensure_schema_migrates_once_and_is_idempotent(database_url):
    store = Store(database_url)
    store.ensure_schema()
    store.ensure_schema()
    assert migrate.is_current(store.engine)
    assert Store(database_url).ensure_schema() is None  # a second process: nothing to do
    store.close()


def test_sqlite_file_is_in_wal_mode(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/wal.db")
    store.ensure_schema()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


def _mot(*args, url):
    # this checkout's bot/, not whichever one the shared venv's editable install points at
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": repo, "MOT_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_db_upgrade_and_current_commands(database_url):
    before = _mot("db", "current", url=database_url)
    assert before.returncode == 0 and "none (empty)" in before.stdout
    run = _mot("db", "upgrade", url=database_url)
    assert run.returncode == 0, run.stderr
    assert f"upgraded from empty to revision {migrate.HEAD}" in run.stdout
    again = _mot("db", "upgrade", url=database_url)
    assert f"already at revision {migrate.HEAD}" in again.stdout
    assert "(newest)" in _mot("db", "current", url=database_url).stdout


def test_postgres_url_without_driver_maps_to_psycopg():
    from bot.store import database_url

    assert database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert database_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert database_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    "url, phrase",
    [
        ("mysql://root@localhost/db", "'mysql' databases are not supported"),
        ("not a url", "is not a database URL"),
    ],
)
def test_bad_database_url_is_a_clear_error(url, phrase):
    run = _mot("db", "upgrade", url=url)
    assert run.returncode == 2 and phrase in run.stderr and "Traceback" not in run.stderr
