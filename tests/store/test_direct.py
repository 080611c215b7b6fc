"""A one-off command's direct SQLite write (bot/store/direct.py) stores what the Store would,
and hands the result to the full StoreSink whenever the Store has work to do first."""

import re
import sqlite3

import pytest
from sqlalchemy import JSON

from bot.coach import Coach
from bot.commands.inputs import read_conversation
from bot.store import Spool, Store, StoreSink
from bot.store.direct import JSON_COLUMNS, DirectSQLiteSink, sqlite_file
from bot.store.models import events
from bot.store.records import event_row
from tests.conftest import EXAMPLES

SQLALCHEMY_DATETIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")


# Not ASCII, with PII to redact and a name to drop (MOT_LOG_CONTENT=none)
ACCENTED = """Customer: Hola, soy José. My card 4111 1111 1111 1111 was charged twice: £49.99 😡
Agent: Sorry to hear that, José.
Customer: Refund one please, to jose.garcia@example.com if you need to write.
"""


def _result(playbooks, example="double-charge.txt"):
    coach = Coach(playbooks)
    conversation = read_conversation(str(EXAMPLES / example))
    return coach.coach(conversation, trigger="command", context={"channel_kind": "cli"})


def _migrated(path):
    store = Store(f"sqlite:///{path}")
    store.ensure_schema()
    return store


def _rows(path):
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        names = [row["name"] for row in connection.execute("PRAGMA table_info(coaching_events)")]
        typed = ", ".join(f'"{n}", typeof("{n}") AS "{n}:type"' for n in names)
        return [dict(r) for r in connection.execute(f"SELECT {typed} FROM coaching_events")]


def _full_sink(store, spool, mode, built):
    def full():
        built.append(store)
        return StoreSink(store, spool, content_mode=mode, observe=False)

    return full


def _direct(path, mode, built, spool=None):
    spool = spool or Spool(f"{path}.spool.jsonl")
    return DirectSQLiteSink(
        str(path), spool, mode, _full_sink(Store(f"sqlite:///{path}"), spool, mode, built)
    )


@pytest.mark.parametrize("mode", ["redacted", "none", "full"])
@pytest.mark.parametrize("example", ["double-charge.txt", ACCENTED])
def test_the_direct_write_stores_the_row_the_store_writes(tmp_path, playbooks, mode, example):
    by_store, direct = tmp_path / "store.db", tmp_path / "direct.db"
    _migrated(by_store), _migrated(direct)
    if example == ACCENTED:
        (tmp_path / "accented.txt").write_text(ACCENTED, encoding="utf-8")
        example = tmp_path / "accented.txt"
    result = _result(playbooks, example)
    built = []
    _direct(direct, mode, built).record(result)
    assert built == []  # written without the Store
    # the same result through the Store (same uid: the direct sink set context["log_id"])
    StoreSink(_migrated(by_store), Spool(tmp_path / "s.jsonl"), mode, observe=False).record(result)
    [expected], [written] = _rows(by_store), _rows(direct)
    assert SQLALCHEMY_DATETIME.fullmatch(written["created_at"])
    for row in (expected, written):
        del row["id"], row["created_at"]
    assert written == expected
    assert written["content_mode"] == mode and written["uid"] == result.context["log_id"]


def test_the_json_columns_are_the_stores(playbooks):
    row = event_row(_result(playbooks), "redacted")
    stored_as_json = {c.name for c in events.columns if isinstance(c.type, JSON) and c.name in row}
    assert stored_as_json == JSON_COLUMNS


def test_a_new_database_is_created_and_migrated_by_the_store(tmp_path, playbooks):
    path, built = tmp_path / "new.db", []
    _direct(path, "redacted", built).record(_result(playbooks))
    assert len(built) == 1 and len(_rows(path)) == 1


def test_records_waiting_in_the_spool_are_replayed_first(tmp_path, playbooks):
    path, built = tmp_path / "log.db", []
    _migrated(path)
    spool = Spool(tmp_path / "log.db.spool.jsonl")
    waiting = event_row(_result(playbooks, "tense-escalation.txt"), "redacted")
    spool.append("event", waiting)
    result = _result(playbooks)
    _direct(path, "redacted", built, spool).record(result)
    assert len(built) == 1 and not spool.has_pending()
    assert [row["uid"] for row in _rows(path)] == [waiting["uid"], result.context["log_id"]]


def test_a_database_at_another_schema_revision_is_left_to_the_store(tmp_path, playbooks):
    path = tmp_path / "log.db"
    _migrated(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    sink = DirectSQLiteSink(str(path), Spool(tmp_path / "s.jsonl"), "redacted", full=None)
    assert sink._insert(event_row(_result(playbooks), "redacted")) is False
    assert _rows(path) == []


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///./mot-coach.db", "./mot-coach.db"),
        ("sqlite:////var/lib/mot/log.db", "/var/lib/mot/log.db"),
        (" sqlite:///log.db ", "log.db"),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:///log.db?timeout=30", None),
        ("sqlite:///my%20log.db", None),
        ("sqlite+pysqlite:///log.db", None),
        ("postgresql://postgres@127.0.0.1:5432/mot", None),
    ],
)
def test_only_plain_sqlite_file_urls_are_written_directly(url, path):
    assert sqlite_file(url) == path
