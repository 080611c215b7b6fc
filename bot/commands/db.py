"""`mot-coach db upgrade | current`: the suggestion log's schema (alembic migrations)."""

from __future__ import annotations

from bot.config import Settings


def add_parser(commands) -> None:
    p = commands.add_parser("db", help="the suggestion log's database schema")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("upgrade", help="migrate to the newest schema; replay the spool").set_defaults(
        run=run_upgrade
    )
    sub.add_parser("current", help="the schema revision, and the newest").set_defaults(
        run=run_current
    )


# SQLAlchemy and alembic load inside the commands, so other commands start fast.
def run_upgrade(args, settings: Settings) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.commands.log_access import unreachable
    from bot.services import build_sink
    from bot.store import migrate

    sink = build_sink(settings)
    store = sink.store
    try:
        before = migrate.current_revision(store.engine)
        after = migrate.upgrade(store.engine)
        replayed = sink.replay_spool()
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    change = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    print(f"{store.shown_url}: {change} revision {after} (newest)")
    if replayed:
        print(f"replayed {replayed} spooled record(s) from {sink.spool.path}")
    return 0


def run_current(args, settings: Settings) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.commands.log_access import unreachable
    from bot.services import build_store
    from bot.store import migrate

    store = build_store(settings)
    try:
        current = migrate.current_revision(store.engine)
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    head = migrate.script_head()
    state = "newest" if current == head else f"newest is {head}; run `mot-coach db upgrade`"
    print(f"{store.shown_url}: revision {current or 'none (empty)'} ({state})")
    return 0
