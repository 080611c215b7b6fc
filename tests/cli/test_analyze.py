"""`mot-coach analyze`: past transcripts in every supported format, as a user runs it."""

import csv
import json

import pytest

from bot.analysis.phrases import PhraseCounter
from bot.analysis.sources import Conversations, Row, read_conversations
from tests.cli.test_cli import assert_clean_failure, mot
from tests.conftest import EVAL_DIR, eval_rows

MONDAY_9 = 1_700_470_800  # 2023-11-20 09:00 UTC, a Monday
ANGRY = "This is the third time I'm asking! I want a manager now or I'm going to my lawyer."


def _thread(n: int, *, angry: bool, wait: float = 120.0) -> dict:
    start = MONDAY_9 + n * 60
    first = f"I was charged twice for order {n}, mail me at user{n}@example.com"
    messages = [
        {"role": "customer", "text": first, "ts": start},
        {"role": "agent", "text": "Let me check that.", "ts": start + wait},
    ]
    if angry:
        messages.append({"role": "customer", "text": ANGRY, "ts": start + wait + 60})
    return {"id": f"t{n}", "messages": messages}


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _analyze(path, *extra) -> dict:
    run = mot("analyze", str(path), "--json", *extra)
    assert run.returncode == 0, run.stderr.decode()
    return json.loads(run.stdout)


def test_classify_jsonl_gives_moments_hot_spots_waits_and_redacted_examples(tmp_path):
    threads = [_thread(n, angry=n % 4 == 0, wait=120 + n) for n in range(40)]
    report = _analyze(_jsonl(tmp_path / "t.jsonl", threads))
    assert report["conversations"] == 40 and report["messages"] == 90
    assert report["escalations"] == 10 and report["escalation_rate"] == 0.25
    shares = {m["moment"]: m["share"] for m in report["moments"]}
    assert shares["billing-dispute"] >= 0.75
    assert report["repeat_contacts"] == 10  # "the third time"
    monday = report["hot_spots"]["weekdays"][0]
    assert (monday["day"], monday["conversations"], monday["escalations"]) == ("Mon", 40, 10)
    nine = report["hot_spots"]["hours"][9]
    assert nine["conversations"] == 40 and nine["escalation_rate"] == 0.25
    assert "want a manager" in {p["phrase"] for p in report["hot_spots"]["phrases"]} or any(
        "manager" in p["phrase"] or "lawyer" in p["phrase"] for p in report["hot_spots"]["phrases"]
    )
    longest = report["waits"]["longest"]
    assert [w["conversation"] for w in longest[:2]] == ["t39", "t38"]
    assert longest[0]["seconds"] == 159.0
    text = json.dumps(report["examples"])
    assert "@example.com" not in text and "[EMAIL_1]" in text


def test_csv_rows_interleaved_across_conversations(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Ticket_ID", "Timestamp", "Sender", "Message"])
        writer.writerow(["a", "2023-11-20T09:00:00Z", "customer", "My parcel never arrived"])
        writer.writerow(["b", "2023-11-20T09:01:00Z", "customer", "Thank you, great service!"])
        writer.writerow(["a", "2023-11-20T11:00:00Z", "agent", "Sorry, checking now."])
        writer.writerow(["b", "2023-11-20T09:02:00Z", "agent", "Glad to help"])
        writer.writerow(["c", "not a time", "customer", "hello"])
        writer.writerow(["d", "", "robot", "beep"])
    run = mot("analyze", str(path), "--json")
    assert run.returncode == 0
    err = run.stderr.decode()
    assert "line 6: timestamp 'not a time' is neither a number nor ISO 8601" in err
    assert "line 7: role 'robot' is neither a customer nor an agent" in err
    report = json.loads(run.stdout)
    assert report["conversations"] == 2 and report["skipped_lines"] == 2
    assert report["waits"]["longest"][0] == {
        "conversation": "a",
        "moment": "order-status",
        "seconds": 7200.0,
    }


def test_zendesk_tickets_with_comments(tmp_path):
    ticket = {
        "id": 42,
        "requester_id": 7,
        "comments": [
            {
                "author_id": 7,
                "body": "My card was declined twice",
                "public": True,
                "created_at": "2023-11-20T09:00:00Z",
            },
            {
                "author_id": 99,
                "body": "Internal: check the gateway",
                "public": False,
                "created_at": "2023-11-20T09:05:00Z",
            },
            {
                "author_id": 99,
                "plain_body": "I'm looking into it",
                "public": True,
                "created_at": "2023-11-20T09:30:00Z",
            },
        ],
    }
    report = _analyze(_jsonl(tmp_path / "zendesk.json", [ticket]))
    assert report["conversations"] == 1 and report["messages"] == 2  # the note is skipped
    assert report["waits"]["longest"][0]["seconds"] == 1800.0
    assert "Internal" not in json.dumps(report)


def test_freshdesk_conversations_grouped_by_ticket(tmp_path):
    parts = [
        {
            "ticket_id": 5,
            "body_text": "The app crashes on start",
            "incoming": True,
            "private": False,
            "created_at": "2023-11-20T09:00:00Z",
        },
        {
            "ticket_id": 5,
            "body_text": "Escalating internally",
            "incoming": False,
            "private": True,
            "created_at": "2023-11-20T09:01:00Z",
        },
        {
            "ticket_id": 5,
            "body_text": "Which version do you have?",
            "incoming": False,
            "private": False,
            "created_at": "2023-11-20T09:10:00Z",
        },
        {
            "ticket_id": 6,
            "body_text": "Thanks so much, all sorted!",
            "incoming": True,
            "private": False,
            "created_at": "2023-11-20T10:00:00Z",
        },
    ]
    report = _analyze(_jsonl(tmp_path / "freshdesk.jsonl", parts), "--format", "freshdesk")
    assert report["conversations"] == 2 and report["messages"] == 3
    assert report["waits"]["longest"][0] == {
        "conversation": "5",
        "moment": "product-defect",
        "seconds": 600.0,
    }


def test_one_message_per_line_jsonl(tmp_path):
    rows = [
        {"conversation_id": "x", "role": "customer", "text": "Where is my order?", "ts": 10},
        {"conversation_id": "x", "role": "agent", "text": "On its way", "ts": 70},
    ]
    report = _analyze(_jsonl(tmp_path / "messages.jsonl", rows))
    assert report["conversations"] == 1 and report["waits"]["longest"][0]["seconds"] == 60.0


def test_html_report_by_default(tmp_path):
    path = _jsonl(tmp_path / "t.jsonl", [_thread(n, angry=n % 2 == 0) for n in range(6)])
    out = tmp_path / "report.html"
    run = mot("analyze", str(path), "-o", str(out))
    assert run.returncode == 0 and run.stderr == b""  # no progress bar off a terminal
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.count('<svg class="chart"') == 5
    links = page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace, not a request
    assert "http://" not in links and "https://" not in links and "@example.com" not in page


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        ("", "no conversation with a customer message"),
        ("conversation_id,text\nx,hello\n", "the CSV header has no column for role"),
        ("\x00\x01binary", "binary data, not text"),
    ],
)
def test_bad_files_get_one_clear_line(tmp_path, content, phrase):
    path = tmp_path / ("bad.csv" if "," in content else "bad.jsonl")
    path.write_text(content, encoding="utf-8")
    assert_clean_failure(mot("analyze", str(path)), phrase)


def test_a_missing_file_and_an_unknown_format(tmp_path):
    assert_clean_failure(mot("analyze", str(tmp_path / "nope.jsonl")), "no such file")
    assert_clean_failure(mot("analyze", "x", "--format", "xml"), "invalid choice")


def test_interleaved_conversations_stay_within_the_open_bound():
    grouped = Conversations(max_open=2, max_messages=3)
    closed = []
    for n in range(5):
        closed += list(grouped.add(Row(f"c{n}", "customer", "hi", None)))
    for _ in range(10):
        closed += list(grouped.add(Row("c4", "customer", "again", None)))
    assert [c.id for c in closed] == ["c0", "c1", "c2"] and len(grouped.open) == 2
    assert len(grouped.open["c4"].messages) == 3  # later messages are counted, not kept
    assert grouped.messages == 15


def test_runs_on_the_development_data():
    rows = eval_rows("escalate-zuters-dev.jsonl")  # skips where ../shared/eval is absent
    report = _analyze(EVAL_DIR / "escalate-zuters-dev.jsonl")
    assert report["conversations"] == len(rows)
    labelled = sum(1 for r in rows if r.get("escalate"))
    assert 0 < report["escalations"] <= len(rows) and labelled > 0
    assert sum(m["conversations"] for m in report["moments"]) == len(rows)
    assert report["examples"] and report["hot_spots"]["phrases"]


def test_read_conversations_reports_bad_lines_and_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 1, "text": "hello"}\nnot json\n[1]\n{"id": 2, "text": "hi"}\n')
    errors = []
    found = list(read_conversations(str(path), on_error=lambda n, r: errors.append((n, r))))
    assert [c.id for c in found] == ["1", "2"]
    assert [n for n, _ in errors] == [2, 3]


def test_workers_give_the_same_report_as_one_process(tmp_path):
    path = _jsonl(
        tmp_path / "t.jsonl", [_thread(n, angry=n % 3 == 0, wait=60 + n) for n in range(30)]
    )
    one = _analyze(path, "--workers", "1")
    two = _analyze(path, "--workers", "2")
    assert one == two and one["conversations"] == 30


def test_phrase_counters_keep_to_their_capacity_and_keep_what_recurs():
    counter = PhraseCounter(capacity=10)
    for n in range(500):
        counter.add({"want a manager", f"rare phrase {n}"})
    assert len(counter.counts) <= 10 and counter.documents == 500
    assert counter.counts["want a manager"] >= 490  # pruning drops the rare ones, not this
