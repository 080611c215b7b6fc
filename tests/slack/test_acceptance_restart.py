"""Acceptance without clicks after a restart and across replicas: a tip shown by one process is
still open in the log, so the agent's reply reaching another process (or the same one after a
restart) is compared with it and its outcome recorded, once."""

from __future__ import annotations

import dataclasses
import logging
import time

import pytest
from sqlalchemy import select

from bot.coach import Coach
from bot.llm.offline import OfflineBackend
from bot.services import build_sink, playbooks_from
from bot.slack.acceptance import infer_acceptance
from bot.store import Store
from bot.store.models import events, outcomes
from tests.slack.conftest import SUPPORT, slack_settings
from tests.store_helpers import database_with_outage

OPENING = "I was charged twice for my order."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)
EMAIL, CARD = "jane.doe@example.com", "4111 1111 1111 1111"
PII_SUGGESTION = f"Refunded to card {CARD}; the receipt went to {EMAIL}."


async def replica(slack_server, tmp_path, url: str, name: str, coach=None, **overrides):
    """A `serve` process on the shared log, with its own spool."""
    return await slack_server(
        coach=coach,
        mot_database_url=url,
        mot_spool_path=tmp_path / f"{name}.jsonl",
        mot_lead_alerts=False,
        **overrides,
    )


async def nudged_tip(server, root: float, opening: str = OPENING):
    """A thread that escalates on `server`: the tip it showed the agent, once it is logged."""
    logged = len(server.mock.of("chat.postEphemeral"))
    await server.say("U_CUST", opening, root)
    await server.say("U_AGENT", "Let me check that for you.", root + 1, thread=root)
    await server.wait_thread(root, 2)
    await server.say("U_CUST", ANGRY, root + 2, thread=root)
    await server.mock.wait_for("chat.postEphemeral", logged + 1)
    thread = server.mot.tracker.cached(SUPPORT, f"{root:.6f}")
    while not thread.pending:  # remembered just after the nudge is posted and logged
        await server.settle(0.01)
    return thread.pending[-1]


def outcome_rows(url: str, uid: str) -> tuple[str | None, float | None, list[tuple]]:
    """The event's outcome and edit ratio, and its outcomes: (kind, index, ratio, actor)."""
    store = Store(url)
    try:
        with store.engine.connect() as connection:
            event = connection.execute(
                select(events.c.outcome, events.c.edit_ratio).where(events.c.uid == uid)
            ).one()
            rows = connection.execute(
                select(
                    outcomes.c.kind,
                    outcomes.c.suggestion_index,
                    outcomes.c.edit_ratio,
                    outcomes.c.actor,
                )
                .where(outcomes.c.event_uid == uid)
                .order_by(outcomes.c.id)
            ).all()
    finally:
        store.close()
    return event.outcome, event.edit_ratio, [tuple(row) for row in rows]


async def wait_outcome(server, url: str, uid: str) -> tuple[str | None, float | None, list]:
    """Until the event has an outcome beyond "shown"."""
    for _ in range(250):
        found = outcome_rows(url, uid)
        if found[0] not in (None, "shown"):
            return found
        await server.settle(0.02)
    raise AssertionError(f"{uid} kept the outcome {outcome_rows(url, uid)[0]}")


def logged_suggestions(url: str, uid: str) -> list[str]:
    store = Store(url)
    try:
        with store.engine.connect() as connection:
            row = connection.execute(select(events.c.suggestions).where(events.c.uid == uid)).one()
    finally:
        store.close()
    return [s["text"] for s in row.suggestions]


async def test_tip_shown_before_a_restart_is_used_after_it(database_url, slack_server, tmp_path):
    a = await replica(slack_server, tmp_path, database_url, "a")
    root = time.time()
    tip = await nudged_tip(a, root)
    await a.stop()
    b = await replica(slack_server, tmp_path, database_url, "b")
    await b.say("U_AGENT", tip.suggestions[1], root + 3, thread=root)
    outcome, ratio, rows = await wait_outcome(b, database_url, tip.log_id)
    assert (outcome, ratio) == ("used", 0.0)
    assert rows == [("shown", None, None, "U_AGENT"), ("used", 1, 0.0, "U_AGENT")]


async def test_edited_and_ignored_replies_on_another_replica_count_once(
    database_url, slack_server, tmp_path
):
    """Both replicas run; the tips are shown by a, the replies reach b. a still holds the first
    tip in memory when the agent's next message reaches it: no second outcome."""
    a = await replica(slack_server, tmp_path, database_url, "a")
    b = await replica(slack_server, tmp_path, database_url, "b")
    root = time.time()
    first = await nudged_tip(a, root)
    second = await nudged_tip(a, root + 100)
    edited = "Hi Ana, thanks for waiting. " + first.suggestions[2] + " Speak soon, Sam."
    await b.say("U_AGENT", edited, root + 3, thread=root)
    await b.say("U_AGENT", "Okay, checking now.", root + 103, thread=root + 100)
    outcome, ratio, first_rows = await wait_outcome(b, database_url, first.log_id)
    assert outcome == "edited" and 0 < ratio < 0.6
    assert first_rows == [("shown", None, None, "U_AGENT"), ("edited", 2, ratio, "U_AGENT")]
    outcome, ratio, rows = await wait_outcome(b, database_url, second.log_id)
    assert (outcome, ratio) == ("dismissed", None)
    assert [row[:2] for row in rows] == [("shown", None), ("dismissed", None)]

    notes = len(a.mock.of("chat.postEphemeral"))
    await a.say("U_AGENT", "Please calm down.", root + 4, thread=root)
    (note,) = (await a.mock.wait_for("chat.postEphemeral", notes + 1))[notes:]
    assert "calm down" in note.args["text"]  # a handled the reply to its end
    assert not a.mot.tracker.cached(SUPPORT, f"{root:.6f}").pending
    assert outcome_rows(database_url, first.log_id)[2] == first_rows


class PiiCoach(Coach):
    """The offline coach, whose second suggestion quotes the customer's card and email."""

    def __init__(self, settings):
        super().__init__(playbooks_from(settings), OfflineBackend(), build_sink(settings))

    def coach(self, *args, **kwargs):
        result = super().coach(*args, **kwargs)
        result.suggestions[1] = dataclasses.replace(result.suggestions[1], text=PII_SUGGESTION)
        return result


async def test_redacted_log_still_infers_with_pii_in_the_conversation(
    database_url, slack_server, mock_slack, tmp_path
):
    """MOT_LOG_CONTENT=redacted: the log has "[CARD_1]" and "[EMAIL_1]" where the agent's reply
    has the card and email; the reply, redacted the same way, is the suggestion as is."""
    settings = slack_settings(
        mock_slack, tmp_path, mot_database_url=database_url, mot_log_content="redacted"
    )
    coach = PiiCoach(settings)
    a = await replica(slack_server, tmp_path, database_url, "a", coach, mot_log_content="redacted")
    root = time.time()
    tip = await nudged_tip(a, root, f"{OPENING} Card {CARD}, email {EMAIL}.")
    assert tip.suggestions[1] == PII_SUGGESTION
    await a.stop()
    logged = logged_suggestions(database_url, tip.log_id)
    assert logged[1] == "Refunded to card [CARD_1]; the receipt went to [EMAIL_1]."
    assert infer_acceptance(logged, PII_SUGGESTION).kind != "used"  # unredacted, no match
    b = await replica(slack_server, tmp_path, database_url, "b", mot_log_content="redacted")
    await b.say("U_AGENT", PII_SUGGESTION, root + 3, thread=root)
    outcome, ratio, rows = await wait_outcome(b, database_url, tip.log_id)
    assert (outcome, ratio) == ("used", 0.0)
    assert rows[-1] == ("used", 1, 0.0, "U_AGENT")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_log_down_on_the_replica_that_gets_the_reply(kind, slack_server, tmp_path, caplog):
    """The reply still goes through the listener (its avoid-phrase note is sent), with one
    warning; the tip stays open in the log. SQLite: the open-tips query's file cannot be opened;
    PostgreSQL: the whole database goes away (a proxy is cut)."""
    with database_with_outage(kind, tmp_path) as (url, take_down, bring_back):
        a = await replica(slack_server, tmp_path, url, "a")
        b = await replica(slack_server, tmp_path, url, "b")
        root = time.time()
        tip = await nudged_tip(a, root)
        await a.stop()
        if kind == "sqlite":
            unopenable = Store(f"sqlite:///{tmp_path}/gone/log.db")
            b.mot.tip_log.store = unopenable
        else:
            take_down()
        caplog.set_level(logging.WARNING)
        notes = len(b.mock.of("chat.postEphemeral"))
        await b.say("U_AGENT", "Please calm down, I am on it.", root + 3, thread=root)
        (note,) = (await b.mock.wait_for("chat.postEphemeral", notes + 1, timeout=10))[notes:]
        assert note.args["user"] == "U_AGENT" and "calm down" in note.args["text"]
        assert "the log is unreachable for open tips" in caplog.text
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
        if kind == "sqlite":
            unopenable.close()
        else:
            bring_back()
        assert outcome_rows(url, tip.log_id)[0] == "shown"
