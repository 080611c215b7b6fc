"""Opening the suggestion log for a command, with a UserError (not a traceback) if it is down."""

from __future__ import annotations

import getpass

from sqlalchemy.exc import SQLAlchemyError

from bot import messages
from bot.config import Settings
from bot.messages import UserError
from bot.services import build_store
from bot.store import FilterError, LogFilter, Store, error_summary
from bot.store.filters import FILTER_NAMES, parse_whole_number


def cli_actor() -> str:
    """Who ran a command, for the audit log."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def unreachable(store: Store, exc: BaseException) -> UserError:
    return UserError(messages.database_unreachable(store.shown_url, error_summary(exc)))


def open_log(settings: Settings) -> Store:
    """The store, migrated to the newest schema; a database that is down is a UserError."""
    store = build_store(settings)
    try:
        store.ensure_schema()
    except SQLAlchemyError as exc:
        raise unreachable(store, exc) from None
    return store


def log_filter_from(args) -> LogFilter:
    try:
        return LogFilter.parse({name: getattr(args, name, None) for name in FILTER_NAMES})
    except FilterError as exc:
        raise UserError(messages.bad_filter(str(exc))) from None


def whole_number_from(value, name: str, maximum: int) -> int:
    """A page, page size or id given on the command line; anything else is a UserError."""
    try:
        return parse_whole_number(value, name, maximum)
    except FilterError as exc:
        raise UserError(str(exc)) from None
