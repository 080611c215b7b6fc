"""Coaching lines in the log: recorded with each result (column added by migration 0008) and
shown by `logs show` and `logs export`, on SQLite and PostgreSQL."""

import csv
import io
import json

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.store import Spool, StoreSink
from tests.store.test_review import _logs

LINES = [
    "They already restarted the router three times: don't ask again; own the follow-up.",
    "Use their name, Dana, and say when they will hear from you.",
]


def test_coaching_lines_are_logged_shown_and_exported(store, playbooks, database_url, tmp_path):
    sink = StoreSink(store, Spool(tmp_path / "spool.jsonl"), content_mode="redacted")
    conversation = Conversation.from_text(
        "Customer: My broadband drops every evening. I restarted the router three times."
    )
    result = Coach(playbooks).coach(conversation, record=False)
    result.coaching = list(LINES)  # built by the coach (bot/coach/service.py); here given
    assert result.to_dict()["coaching"] == LINES
    sink.record(result)
    (event,) = json.loads(_logs(database_url, "list", "--json").stdout)["events"]
    shown = _logs(database_url, "show", str(event["id"]))
    assert shown.returncode == 0, shown.stderr
    assert "Coaching:\n  - They already restarted the router three times" in shown.stdout
    jsonl = _logs(database_url, "export", "--format", "jsonl").stdout
    assert json.loads(jsonl)["coaching"] == LINES
    csv_text = _logs(database_url, "export", "--format", "csv").stdout
    (row,) = csv.DictReader(io.StringIO(csv_text))
    assert row["coaching"] == "\n".join(LINES)


def test_older_events_without_coaching_export_an_empty_cell(store, database_url):
    from tests.store_helpers import event_row

    store.insert_events([event_row()])
    (row,) = csv.DictReader(io.StringIO(_logs(database_url, "export", "--format", "csv").stdout))
    assert row["coaching"] == ""
    assert "Coaching:" not in _logs(database_url, "show", "1").stdout
