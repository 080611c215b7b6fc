"""Server-side dashboard sessions in the log's database, shared by every replica.

The cookie names a session (bot/web/sessions.py signs it); the table says whether it is still
open. Logout deletes the row, so a replayed cookie is refused. Each row keeps a tag of the
user's password hash when it began: once MOT_DASHBOARD_USERS holds another hash for that user,
the user's older sessions are deleted on sight. Expired rows are deleted at each login and by
`serve`'s maintenance, so the table stays as small as the sessions really open.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, select

from bot.store.models import dashboard_sessions
from bot.store.records import utcnow


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def password_tag(password_hash: str) -> str:
    """Stands for a password hash without storing it again."""
    return _digest(f"password|{password_hash}")


def start_session(
    store, sid: str, user: str, password_hash: str, lifetime_seconds: int, now=None
) -> None:
    now = now or utcnow()
    tag = password_tag(password_hash)
    table = dashboard_sessions.c
    with store.writing() as connection:
        stale = (table.expires_at <= now) | and_(table.user == user, table.password_tag != tag)
        connection.execute(delete(dashboard_sessions).where(stale))
        connection.execute(
            dashboard_sessions.insert().values(
                sid_hash=_digest(sid),
                user=user[:128],
                password_tag=tag,
                created_at=now,
                expires_at=now + timedelta(seconds=lifetime_seconds),
            )
        )


def session_is_open(
    store, sid: str, user: str, password_hash: str, now: datetime | None = None
) -> bool:
    """True while the session `sid` of `user` is open under the user's current password."""
    now = now or utcnow()
    table = dashboard_sessions.c
    with store.engine.connect() as connection:
        row = connection.execute(
            select(table.user, table.password_tag, table.expires_at).where(
                table.sid_hash == _digest(sid)
            )
        ).first()
    if row is None or row.user != user or row.expires_at <= now:
        return False
    tag = password_tag(password_hash)
    if row.password_tag != tag:  # the password changed: end every session under the old one
        with store.writing() as connection:
            connection.execute(
                delete(dashboard_sessions).where(
                    and_(table.user == user, table.password_tag != tag)
                )
            )
        return False
    return True


def end_session(store, sid: str) -> None:
    with store.writing() as connection:
        connection.execute(
            delete(dashboard_sessions).where(dashboard_sessions.c.sid_hash == _digest(sid))
        )


def forget_expired_sessions(store, now: datetime | None = None) -> int:
    with store.writing() as connection:
        expired = dashboard_sessions.c.expires_at <= (now or utcnow())
        return connection.execute(delete(dashboard_sessions).where(expired)).rowcount
