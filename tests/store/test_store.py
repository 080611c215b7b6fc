"""The store on SQLite and PostgreSQL: what a coaching result records, outcomes, deliveries,
nudge state and the audit log."""

import json
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.coach import Coach
from bot.core.conversation import Conversation
from bot.core.text import edited_fraction
from bot.llm.base import CallInfo
from bot.store import Spool, StoreSink
from bot.store.models import audit_log, events, outcomes
from bot.store.queries import get_event
from bot.store.records import utcnow

PII = "I was charged twice! Card 4111 1111 1111 1111, mail jane@example.com, call 555-123-4567"


@pytest.fixture
def sink(store, tmp_path):
    return StoreSink(store, Spool(tmp_path / "spool.jsonl"), content_mode="redacted")


def _coach(playbooks, sink):
    return Coach(playbooks, sink=sink)


def _slack_context(**extra):
    return {
        "channel_kind": "slack",
        "workspace": "T0AAA",
        "channel": "C0SUP",
        "thread": "17.1",
        "agent": "U0AGENT",
        **extra,
    }


def _only_event(store):
    with store.engine.connect() as connection:
        rows = connection.execute(select(events)).mappings().all()
    assert len(rows) == 1
    return dict(rows[0])


def test_a_coaching_result_records_every_field(store, sink, playbooks):
    conversation = Conversation(id="C0SUP:17.1").add("customer", PII, author="U0CUST")
    result = Coach(playbooks).coach(conversation, trigger="mention", context=_slack_context())
    result.call = CallInfo(
        backend="openai",
        model="gpt-x",
        prompt_id="suggest",
        prompt_version=2,
        prompt_tokens=120,
        completion_tokens=80,
        latency_ms=321.5,
    )
    sink.record(result)
    row = _only_event(store)
    assert result.context["log_id"] == row["uid"]
    assert (row["channel_kind"], row["workspace"], row["channel"], row["thread"], row["agent"]) == (
        "slack",
        "T0AAA",
        "C0SUP",
        "17.1",
        "U0AGENT",
    )
    assert row["trigger"] == "mention" and row["playbook"] == "billing-dispute"
    assert row["confidence"] == pytest.approx(result.assessment.match.confidence)
    assert row["escalation_level"] == result.assessment.escalation.level
    assert row["escalation_reasons"] == list(result.assessment.escalation.reasons)
    assert row["escalation_score"] == pytest.approx(result.assessment.escalation.score, abs=1e-4)
    assert len(row["suggestions"]) == 3 and all(s["why"] for s in row["suggestions"])
    assert (row["backend"], row["model"], row["prompt_version"]) == (
        "offline",
        "gpt-x",
        "suggest-v2",
    )
    assert (row["tokens_prompt"], row["tokens_completion"]) == (120, 80)
    assert row["fallback"] is False and row["latency_ms"] == 321.5
    assert row["created_at"] <= utcnow()


@pytest.mark.parametrize("mode", ["none", "redacted", "full"])
def test_log_content_modes(store, tmp_path, playbooks, mode):
    sink = StoreSink(store, Spool(tmp_path / "spool.jsonl"), content_mode=mode)
    _coach(playbooks, sink).coach(Conversation().add("customer", PII), context=_slack_context())
    row = _only_event(store)
    assert row["content_mode"] == mode
    if mode == "none":
        assert row["excerpt"] is None
    elif mode == "redacted":
        text = row["excerpt"][0]["text"]
        assert "[CARD_1]" in text and "[EMAIL_1]" in text and "[PHONE_1]" in text
        assert "4111" not in text and "jane@" not in text and "charged twice" in text
    else:
        assert row["excerpt"][0]["text"] == PII


def test_outcomes_are_kept_in_order_and_summarised_on_the_event(store, sink, playbooks):
    result = _coach(playbooks, sink).coach(
        Conversation().add("customer", PII), context=_slack_context()
    )
    log_id = result.context["log_id"]
    sink.record_outcome(log_id, "shown", actor="U0AGENT")
    ratio = edited_fraction(result.suggestions[0].text, result.suggestions[0].text + " Thanks!")
    sink.record_outcome(log_id, "edited", suggestion_index=0, edit_ratio=ratio, actor="U0AGENT")
    sink.record_outcome(log_id, "shown")  # a late "shown" never overrides "edited"
    sink.record_outcome(log_id, "rated", rating=-1, comment="too formal; mail jane@example.com")
    event = get_event(store, _only_event(store)["id"])
    assert [o["kind"] for o in event["outcomes"]] == ["shown", "edited", "shown", "rated"]
    assert event["outcome"] == "edited" and 0 < event["edit_ratio"] < 0.2
    assert event["rating"] == -1 and event["comment"] == "too formal; mail [EMAIL_1]"


def test_bad_outcomes_are_refused_with_a_clear_message(sink):
    with pytest.raises(ValueError, match="outcome must be one of"):
        sink.record_outcome("x" * 32, "loved")
    with pytest.raises(ValueError, match="rating must be 1"):
        sink.record_outcome("x" * 32, "rated", rating=5)


def test_writes_are_idempotent_by_uid(store):
    from tests.store_helpers import event_row

    row = event_row()
    assert store.write_records([("event", row)]) == 1
    assert store.write_records([("event", row)]) == 0
    store.insert_events([row, event_row()])  # one new, one already there
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(events)).scalar() == 2


def test_a_delivery_is_claimed_once(store):
    assert store.claim_delivery("Ev0123", "slack") is True
    assert store.claim_delivery("Ev0123", "slack") is False
    assert store.claim_delivery("Ev0124", "slack") is True


def test_nudge_cooldown_per_conversation(store):
    now = utcnow()
    assert store.allow_nudge("T1:C1:17.1", "watch", 600, now=now) is True
    assert store.allow_nudge("T1:C1:17.1", "watch", 600, now=now + timedelta(seconds=60)) is False
    assert store.allow_nudge("T1:C1:99.9", "watch", 600, now=now) is True  # another thread
    # rising to "escalate" nudges again at once, but only once
    assert store.allow_nudge("T1:C1:17.1", "escalate", 600, now=now + timedelta(seconds=90))
    assert not store.allow_nudge("T1:C1:17.1", "escalate", 600, now=now + timedelta(seconds=95))
    assert store.allow_nudge("T1:C1:17.1", "watch", 600, now=now + timedelta(seconds=800))


def test_audit_entries(store):
    store.audit("alice", "view", "event:7", {"channel": "C1"})
    store.audit("alice", "export", "csv", {"filters": {}})
    entries = store.audit_entries()
    assert [(e["actor"], e["action"], e["target"]) for e in entries] == [
        ("alice", "export", "csv"),
        ("alice", "view", "event:7"),
    ]
    assert entries[1]["detail"] == {"channel": "C1"}
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(audit_log)).scalar() == 2
        assert connection.execute(select(func.count()).select_from(outcomes)).scalar() == 0


def test_context_fills_in_what_the_backend_call_does_not_say(store, sink, playbooks):
    _coach(playbooks, sink).coach(
        Conversation().add("customer", PII),
        context=_slack_context(model="local-llm", prompt_version="suggest-v1", tokens_prompt="15"),
    )
    row = _only_event(store)
    assert (row["model"], row["prompt_version"], row["tokens_prompt"]) == (
        "local-llm",
        "suggest-v1",
        15,
    )


def _count(store, table) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def test_submitted_results_are_written_together_and_each_caller_hears_when(store, sink, playbooks):
    """The writer thread's group commit: results submitted while a write is under way share
    the next transaction, every future ends when its result is stored."""
    from sqlalchemy import event

    coach = Coach(playbooks)
    results = [
        coach.coach(Conversation().add("customer", PII), context=_slack_context(), record=False)
        for _ in range(40)
    ]
    commits = []
    event.listen(store.engine, "commit", lambda connection: commits.append(1))
    slow_first = threading.Event()
    write = sink._write

    def slow_write(records):
        if not slow_first.is_set():
            slow_first.set()
            time.sleep(0.3)  # the first write is slow: the rest queue up behind it
        write(records)

    sink._write = slow_write
    futures = [sink.submit(results[0], shown_to="U0AGENT")]
    assert slow_first.wait(5)
    futures += [sink.submit(result, shown_to="U0AGENT") for result in results[1:]]
    for future in futures:
        future.result(timeout=10)
    assert _count(store, events) == 40 and _count(store, outcomes) == 40
    assert len(commits) <= 3  # 40 results, not 40 transactions
    assert {r.context["log_id"] for r in results} == set(_column(store, events.c.uid))
    with store.engine.connect() as connection:
        shown = connection.execute(select(events.c.outcome)).scalars().all()
    assert shown == ["shown"] * 40
    sink.close()
    assert not sink._writer.is_alive()


def test_close_writes_what_is_still_queued(store, sink, playbooks):
    coach = Coach(playbooks)
    for _ in range(25):
        sink.submit(coach.coach(Conversation().add("customer", PII), record=False))
    sink.close()
    assert _count(store, events) == 25


def test_a_submitted_result_is_spooled_while_the_database_is_down(tmp_path, playbooks):
    from bot.store import Store

    down = Store(f"sqlite:///{tmp_path / 'missing-dir' / 'log.db'}")  # cannot be opened
    spool = Spool(tmp_path / "spool.jsonl")
    sink = StoreSink(down, spool)
    result = Coach(playbooks).coach(Conversation().add("customer", PII), record=False)
    sink.submit(result, shown_to="U0AGENT").result(timeout=10)  # answered, not raised
    assert spool.has_pending()
    kinds = [json.loads(line)["kind"] for line in spool.path.read_text().splitlines()]
    assert kinds == ["event", "outcome"]
    sink.close()


def test_a_spool_that_fails_too_reaches_every_caller(tmp_path, playbooks):
    from bot.store import Store

    down = Store(f"sqlite:///{tmp_path / 'missing-dir' / 'log.db'}")
    (tmp_path / "spool.jsonl").mkdir()  # a spool that cannot be written
    sink = StoreSink(down, Spool(tmp_path / "spool.jsonl"))
    result = Coach(playbooks).coach(Conversation().add("customer", PII), record=False)
    with pytest.raises(OSError):
        sink.submit(result).result(timeout=10)
    sink.close()


def _column(store, column) -> list:
    with store.engine.connect() as connection:
        return connection.execute(select(column)).scalars().all()


def test_a_caller_that_stopped_waiting_does_not_stop_the_writer(store, sink, playbooks):
    coach = Coach(playbooks)
    gate = threading.Event()
    write = sink._write
    sink._write = lambda records: (gate.wait(5), write(records))
    abandoned = sink.submit(coach.coach(Conversation().add("customer", PII), record=False))
    assert abandoned.cancel()  # as asyncio.wrap_future does when its task is cancelled
    writer = sink._writer
    gate.set()
    time.sleep(0.1)  # the abandoned result is written meanwhile
    sink.submit(coach.coach(Conversation().add("customer", PII), record=False)).result(5)
    assert sink._writer is writer and writer.is_alive()  # the same thread: it never died
    assert _count(store, events) == 2
    sink.close()
