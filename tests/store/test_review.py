"""Reviewing the log on SQLite and PostgreSQL: filters, scope, stats, and the `logs` commands."""

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from bot.store import FilterError, LogFilter, Scope
from bot.store.queries import count_events, iter_events, list_events
from bot.store.stats import compute_stats
from tests.conftest import REPO
from tests.store_helpers import event_row

DAY1, DAY2 = datetime(2026, 3, 1, 9, 30), datetime(2026, 3, 2, 23, 59)


@pytest.fixture
def seeded(store):
    """Nine chat events and one CLI tip, whose counts are easy to check by hand."""
    rows = [
        # agent, channel, playbook, trigger, outcome, level, day
        ("U_ANA", "C1", "billing-dispute", "command", "used", "escalate", DAY1),
        ("U_ANA", "C1", "billing-dispute", "command", "edited", "watch", DAY1),
        ("U_ANA", "C2", "billing-dispute", "nudge", "dismissed", "escalate", DAY1),
        ("U_ANA", "C2", "billing-dispute", "nudge", "shown", "none", DAY2),
        ("U_BEN", "C1", "order-status", "mention", "used", "none", DAY2),
        ("U_BEN", "C1", "order-status", "command", None, "none", DAY2),
        ("U_BEN", "C3", "praise", "command", "dismissed", "none", DAY2),
        ("U_BEN", "C3", "praise", "command", None, "escalate", DAY2),
        ("U_BEN", "C3", None, "command", None, "none", DAY2),
        (None, None, "order-status", "command", None, "none", DAY2),  # from `mot-coach tip`
    ]
    store.insert_events(
        [
            event_row(
                agent=a,
                channel=c,
                channel_kind="slack" if c else "cli",
                workspace=None if c is None else "T2" if c == "C3" else "T1",
                playbook=p,
                trigger=t,
                outcome=o,
                escalation_level=level,
                created_at=day,
                excerpt=[{"role": "customer", "text": '=HYPERLINK("http://x")', "author": None}],
            )
            for a, c, p, t, o, level, day in rows
        ]
    )
    return store


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, 10),
        ({"agent": "U_ANA"}, 4),
        ({"channel": "C1"}, 4),
        ({"workspace": "T2"}, 3),
        ({"playbook": "billing-dispute", "trigger": "nudge"}, 2),
        ({"channel_kind": "cli"}, 1),
        ({"outcome": "none"}, 3),
        ({"outcome": "dismissed"}, 2),
        ({"since": "2026-03-02"}, 7),
        ({"until": "2026-03-01"}, 3),  # a bare date includes that whole day
        ({"since": "2026-03-01T10:00", "until": "2026-03-02T12:00"}, 0),
        ({"channel_kind": "teams"}, 0),
        ({"level": "calm"}, 6),
        ({"level": "none"}, 6),  # the stored name of calm
        ({"level": "escalate", "agent": "U_ANA"}, 2),
        ({"attention": "yes"}, 4),  # escalated or dismissed (ignored)
        ({"outcome": "cli"}, 1),
    ],
)
def test_filters(seeded, values, expected):
    assert count_events(seeded, LogFilter.parse(values)) == expected
    assert len(list_events(seeded, LogFilter.parse(values), limit=100)) == expected


def test_scope_limits_every_read(seeded):
    only_c1 = LogFilter().within(Scope.parse(["C1"]))
    assert {r["channel"] for r in list_events(seeded, only_c1)} == {"C1"}
    workspace_t2 = LogFilter().within(Scope.parse(["workspace:T2"]))
    assert count_events(seeded, workspace_t2) == 3
    assert {r["channel"] for r in iter_events(seeded, workspace_t2)} == {"C3"}
    assert compute_stats(seeded, only_c1).total == 4


def test_list_pages_newest_first(seeded):
    first = list_events(seeded, LogFilter(), limit=4)
    rest = list_events(seeded, LogFilter(), limit=10, offset=4)
    times = [r["created_at"] for r in first + rest]
    assert times == sorted(times, reverse=True) and len({r["id"] for r in first + rest}) == 10


@pytest.mark.parametrize(
    "values, phrase",
    [
        ({"since": "last week"}, "since: 'last week' is not a date"),
        ({"trigger": "shout"}, "trigger: 'shout' is not one of"),
        ({"since": "2026-03-02", "until": "2026-03-01T00:00"}, "since must be before until"),
    ],
)
def test_bad_filters_say_what_is_wrong(values, phrase):
    with pytest.raises(FilterError, match=phrase):
        LogFilter.parse(values)


def test_sorts_put_what_needs_a_look_first_and_order_levels(seeded):
    rows = list_events(seeded, LogFilter(), limit=100, sort="attention")
    flagged = [bool(r["attention"]) for r in rows]
    assert flagged == [True] * 4 + [False] * 6
    assert rows[0]["attention"] == ["escalated"] and rows[0]["created_at"] == DAY2
    ranks = {"escalate": 2, "watch": 1, "none": 0}
    levels = [ranks[r["escalation_level"]] for r in list_events(seeded, LogFilter(), sort="level")]
    assert levels == sorted(levels, reverse=True)
    oldest = list_events(seeded, LogFilter(), limit=1, sort="oldest")[0]
    assert oldest["created_at"] == DAY1 and oldest["customer_words"] == '=HYPERLINK("http://x")'
    moments = [r["playbook"] for r in list_events(seeded, LogFilter(), limit=100, sort="moment")]
    assert moments == sorted(moments, key=lambda p: (p is None, p or "")) and moments[-1] is None
    agents = [r["agent"] for r in list_events(seeded, LogFilter(), limit=100, sort="agent")]
    assert agents == ["U_ANA"] * 4 + ["U_BEN"] * 5 + [None]
    with pytest.raises(ValueError, match="sort must be one of"):
        list_events(seeded, LogFilter(), sort="loudest")


def test_stats_by_hand(seeded):
    stats = compute_stats(seeded, LogFilter())
    assert stats.total == 10
    assert (stats.overall.shown, stats.overall.accepted, stats.overall.cli) == (6, 3, 1)
    # every breakdown adds up to the total; CLI tips are not "not shown"
    assert stats.outcomes == {
        "used": 2,
        "edited": 1,
        "dismissed": 2,
        "shown": 1,
        "not shown": 3,
        "CLI": 1,
    }
    assert stats.levels == {"calm": 6, "watch": 1, "escalate": 3}
    assert stats.channel_kinds == {"slack": 9, "cli": 1} and stats.needs_look == 4
    assert stats.all_moments["no moment recognised"] == 1
    assert sum(stats.all_moments.values()) == sum(a.tips for a in stats.by_agent) == 10
    assert {a.key for a in stats.by_agent} == {"U_ANA", "U_BEN", "no agent"}
    by_playbook = {a.key: a for a in stats.by_playbook}
    assert (by_playbook["billing-dispute"].shown, by_playbook["billing-dispute"].accepted) == (4, 2)
    assert by_playbook["billing-dispute"].rate == 0.5
    assert by_playbook["order-status"].rate == 1.0 and by_playbook["praise"].rate == 0.0
    by_agent = {a.key: a for a in stats.by_agent}
    assert by_agent["U_ANA"].rate == 0.5 and by_agent["U_BEN"].rate == pytest.approx(1 / 2)
    assert [(d.day, d.escalated, d.watched, d.total) for d in stats.escalations_per_day] == [
        ("2026-03-01", 2, 1, 3),
        ("2026-03-02", 1, 0, 7),
    ]
    assert stats.moments == {"billing-dispute": 4, "order-status": 3, "praise": 2}
    assert stats.moments_per_day["2026-03-02"] == {
        "billing-dispute": 1,
        "order-status": 3,
        "praise": 2,
    }
    assert stats.to_dict()["moments_per_day"]["2026-03-02"]["no moment recognised"] == 1


def _logs(url, *args):
    run = subprocess.run(
        [sys.executable, "-m", "bot", "logs", *args],
        capture_output=True,
        text=True,
        # this checkout's bot/, not whichever one the shared venv's editable install points at
        env={**os.environ, "PYTHONPATH": str(REPO), "MOT_DATABASE_URL": url},
        timeout=60,
    )
    assert "Traceback" not in run.stderr
    return run


def test_logs_list_command(seeded, database_url):
    table = _logs(database_url, "list", "--agent", "U_BEN", "--outcome", "none", "--limit", "1")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "WHEN", "(UTC)"] and "U_BEN" in lines[1]
    assert lines[-1] == "1-1 of 3 event(s), needs a look first; --page 2 for more"
    # needs a look first, moments by their titles, levels and outcomes in words
    assert "Praise and thanks" in lines[1] and "escalate 0.20" in lines[1]
    assert lines[1].endswith("not shown")
    assert lines[2].strip() == '[needs a look: escalated] “=HYPERLINK("http://x")”'
    calm = _logs(database_url, "list", "--level", "calm", "--sort", "oldest").stdout.splitlines()
    assert "calm 0.20" in calm[1] and "Billing dispute" in calm[1] and "U_ANA" in calm[1]
    cli = _logs(database_url, "list", "--outcome", "cli").stdout.splitlines()
    assert cli[1].rstrip().endswith("CLI") and "1-1 of 1 event(s)" in cli[-1]
    flagged = _logs(database_url, "list", "--needs-look", "--level", "escalate").stdout
    assert "3 event(s)" in flagged and flagged.count("[needs a look: escalated") == 3
    data = json.loads(_logs(database_url, "list", "--playbook", "praise", "--json").stdout)
    assert data["total"] == 2 and {e["playbook"] for e in data["events"]} == {"praise"}
    assert {e["customer_words"] for e in data["events"]} == {'=HYPERLINK("http://x")'}
    assert "excerpt" not in data["events"][0]  # a list shows the latest words, not the thread
    bad = _logs(database_url, "list", "--since", "someday")
    assert bad.returncode == 2 and "bad filter: since" in bad.stderr


def test_logs_stats_command(seeded, database_url):
    data = json.loads(_logs(database_url, "stats", "--json", "--channel", "C1").stdout)
    assert data["total"] == 4 and data["acceptance"]["rate"] == 1.0
    text = _logs(database_url, "stats").stdout
    assert "acceptance (used + edited / shown): 50.0% (3 of 6 shown)" in text
    assert "Escalations per day" in text and "2026-03-01" in text
    assert (
        "  CLI                           1" in text and "  calm                          6" in text
    )
    assert "no moment recognised" in text and "no agent" in text and "(none)" not in text
    empty = _logs(database_url, "stats", "--since", "2030-01-01").stdout
    assert empty.startswith("No coaching events for these filters.")


def test_logs_export_both_formats(seeded, database_url, tmp_path):
    out = tmp_path / "log.csv"
    run = _logs(database_url, "export", "--format", "csv", "--agent", "U_ANA", "-o", str(out))
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 and {r["agent"] for r in rows} == {"U_ANA"}
    assert rows[0]["playbook"] == "billing-dispute" and rows[0]["outcome"] == "used"
    assert [r["escalation_level"] for r in rows] == ["escalate", "watch", "escalate", "calm"]
    assert rows[0]["excerpt"].startswith("customer: =HYPERLINK")  # text, not a formula cell
    jsonl = _logs(database_url, "export", "--format", "jsonl", "--outcome", "none")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(records) == 3 and all(r["outcome"] is None for r in records)
    assert records[0]["suggestions"][0]["why"] == "Fixes it"
    assert records[0]["escalation_level"] == "none"  # JSON keeps the stored value
    assert datetime.fromisoformat(records[0]["created_at"]) == DAY2
    entry = seeded.audit_entries()[0]
    assert (entry["action"], entry["target"]) == ("export", "jsonl")
    unwritable = _logs(database_url, "export", "--format", "csv", "-o", str(tmp_path / "x/y"))
    assert unwritable.returncode == 2 and "cannot write it" in unwritable.stderr
    assert entry["detail"]["filters"] == {"outcome": "none"}


def test_logs_show_is_audited(seeded, database_url):
    first_id = list_events(seeded, LogFilter(), limit=100)[-1]["id"]
    run = _logs(database_url, "show", str(first_id))
    assert run.returncode == 0 and "Moment: billing-dispute" in run.stdout
    assert "Outcome: used" in run.stdout
    assert seeded.audit_entries()[0]["target"] == f"event:{first_id}"
    missing = _logs(database_url, "show", "999999")
    assert missing.returncode == 2 and "no log entry 999999" in missing.stderr


def test_the_list_shows_the_customers_latest_words_redacted(store):
    store.insert_events(
        [
            event_row(
                content_mode="full",
                excerpt=[
                    {"role": "customer", "text": "first message", "author": None},
                    {"role": "customer", "text": "mail me at jo@example.com", "author": None},
                    {"role": "agent", "text": "Sure.", "author": "U_ANA"},
                ],
            ),
            event_row(content_mode="none", excerpt=None),
        ]
    )
    words = [r["customer_words"] for r in list_events(store, LogFilter(), sort="oldest")]
    assert words == ["mail me at [EMAIL_1]", None]  # the latest customer message, redacted
