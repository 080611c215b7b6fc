"""Schema migrations (alembic), run on start-up and by `mot-coach db upgrade`.

Two processes starting at once do not both migrate: PostgreSQL takes an advisory lock and SQLite
a write lock (BEGIN IMMEDIATE) before reading the current revision.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from bot.store.database import WRITE
from bot.store.revision import HEAD

_ADVISORY_LOCK = 0x6D6F7463  # "motc"


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "bot.store:migrations")
    return config


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def revisions() -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    return [
        script.revision
        for script in reversed(list(ScriptDirectory.from_config(_config()).walk_revisions()))
    ]


def current_revision(engine: Engine) -> str | None:
    """The database's revision; None for an empty database. Raises if it is unreachable."""
    with engine.connect() as connection:
        tables = connection.dialect.get_table_names(connection)
        if "alembic_version" not in tables:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_current(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return False
    return version == HEAD


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Migrate to `revision` (default: the newest); returns the database's revision after."""
    from alembic import command

    config = _config()
    with engine.connect() as connection:
        connection.execution_options(**WRITE)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    return current_revision(engine)
