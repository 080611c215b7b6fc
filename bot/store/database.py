"""Connecting to the log's database: SQLite (a file, WAL mode) or PostgreSQL through psycopg 3."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

HINT = "use sqlite:///path/to/file.db or postgresql://user:password@host:5432/dbname"
# A write transaction on SQLite asks for the write lock up front, so that two processes that
# both read before writing wait for each other instead of failing with SQLITE_BUSY.
WRITE = {"sqlite_begin": "IMMEDIATE"}


class DatabaseURLError(ValueError):
    """MOT_DATABASE_URL is malformed or names a database the log does not support."""


def database_url(raw: str) -> URL:
    """The URL to connect with; plain postgresql:// (and postgres://) use psycopg 3."""
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise DatabaseURLError(f"MOT_DATABASE_URL {raw!r} is not a database URL; {HINT}") from None
    backend, _, driver = url.drivername.partition("+")
    if backend in ("postgresql", "postgres"):
        return url.set(drivername=f"postgresql+{driver or 'psycopg'}")
    if backend == "sqlite" and driver in ("pysqlite", ""):
        return url
    raise DatabaseURLError(f"MOT_DATABASE_URL: {backend!r} databases are not supported; {HINT}")


def shown_url(url: URL) -> str:
    """The URL for messages: never the password."""
    return url.render_as_string(hide_password=True)


def create_database_engine(url: URL, busy_timeout_ms: int = 5000) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url, busy_timeout_ms)
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=5,
            connect_args={"connect_timeout": max(1, busy_timeout_ms // 1000)},
        )
    except (NoSuchModuleError, ImportError) as exc:
        message = f"MOT_DATABASE_URL: no driver for {url.drivername} ({exc})"
        raise DatabaseURLError(message) from None


def _sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        poolclass=StaticPool if in_memory else None,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".rstrip())

    return engine
