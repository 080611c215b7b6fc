"""The suggestion log: SQLAlchemy models, SQLite by default, PostgreSQL by URL, migrations.

    store = Store("sqlite:///./mot-coach.db")      # or postgresql://user@host/db
    store.ensure_schema()                            # alembic upgrade to the newest revision
    sink = StoreSink(store, Spool("mot-coach.db.spool.jsonl"), content_mode="redacted")
    coach = Coach(playbooks, sink=sink)              # every result is logged (or spooled)

Names load on first use, so that `bot.store.vocabulary` costs no SQLAlchemy import.
"""

from importlib import import_module

_EXPORTS = {
    "DatabaseURLError": "bot.store.database",
    "database_url": "bot.store.database",
    "FilterError": "bot.store.filters",
    "LogFilter": "bot.store.filters",
    "Scope": "bot.store.filters",
    "StoreSink": "bot.store.sink",
    "Spool": "bot.store.spool",
    "Store": "bot.store.store",
    "error_summary": "bot.store.outage",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'bot.store' has no attribute {name!r}")
