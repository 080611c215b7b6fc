"""Support channels: message events build threads; escalation nudges the handling agent once."""

from __future__ import annotations

import time

from sqlalchemy import select

from bot.store import Store
from bot.store.models import events, outcomes

OPENING = "I was charged twice for my order."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)


async def escalate(server, root: float, agent: str | None = "U_AGENT", **say) -> None:
    """A billing thread that escalates at its third message (or second, without an agent)."""
    await server.say("U_CUST", OPENING, root, **say)
    count = 1
    if agent:
        await server.say(agent, "Let me check that for you.", root + 1, thread=root, **say)
        count += 1
    await server.wait_thread(root, count, say.get("channel", "C_SUPPORT"), decided=True)
    await server.say("U_CUST", ANGRY, root + 2, thread=root, **say)


def nudges(mock):
    return [c for c in mock.of("chat.postEphemeral") if "went from" in str(c.args.get("blocks"))]


async def test_escalation_nudges_the_last_agent_privately_in_the_thread(slack_server):
    server = await slack_server()
    root = time.time()
    await escalate(server, root)
    await server.mock.wait_for("chat.postEphemeral")
    (nudge,) = nudges(server.mock)
    assert nudge.args["user"] == "U_AGENT" and nudge.args["channel"] == "C_SUPPORT"
    assert nudge.args["thread_ts"] == f"{root:.6f}"
    text = str(nudge.args["blocks"])
    assert "from *watch* to *escalate*" in text and "threatens legal action" in text
    assert "mot_use_0" in text  # the suggestions come with it
    thread = server.mot.tracker.get("C_SUPPORT", f"{root:.6f}")
    assert [m.role for m in thread.conversation.messages] == ["customer", "agent", "customer"]
    # high risk (legal threat, going public): the leads' channel gets a link to the thread
    (alert,) = await server.mock.wait_for("chat.postMessage")
    assert alert.args["channel"] == "C_LEADS"
    permalink = "https://acme.slack.com/archives/C_SUPPORT/p" + f"{root:.6f}".replace(".", "")
    assert f"<{permalink}|Open the thread>" in alert.args["text"]
    assert "threatens legal action" in alert.args["text"]


async def test_no_agent_yet_nudges_the_on_call(slack_server):
    server = await slack_server(mot_lead_alerts=False)
    root = time.time()
    await escalate(server, root, agent=None)
    await server.mock.wait_for("chat.postEphemeral")
    assert [n.args["user"] for n in nudges(server.mock)] == ["U_ONCALL"]
    await server.settle(0.2)
    assert not server.mock.of("chat.postMessage")  # lead alerts turned off


async def test_same_event_delivered_three_times_nudges_once(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", OPENING, root)
    await server.say("U_AGENT", "Let me check that for you.", root + 1, thread=root)
    await server.wait_thread(root, 2)
    for retry in (None, 1, 2):
        status, _, _ = await server.say(
            "U_CUST", ANGRY, root + 2, thread=root, event_id="EvSAME", retry=retry
        )
        assert status == 200
    await server.mock.wait_for("chat.postEphemeral")
    await server.settle(0.4)
    assert len(nudges(server.mock)) == 1
    assert len(server.mot.tracker.get("C_SUPPORT", f"{root:.6f}").conversation.messages) == 3


async def test_cooldown_holds_across_a_restart_and_lapses_after_it(slack_server):
    first = await slack_server()
    root = time.time()
    await escalate(first, root)
    await first.mock.wait_for("chat.postEphemeral")
    # a restarted server (same log) sees the thread escalate again: within the cooldown, silence
    second = await slack_server()
    await escalate(second, root, channel="C_SUPPORT")
    await second.wait_thread(root, 3)
    await second.settle(0.3)
    assert len(nudges(second.mock)) == 1
    # with no cooldown, the same rise nudges again
    third = await slack_server(mot_nudge_cooldown_seconds=0)
    await escalate(third, root)
    await third.mock.wait_for("chat.postEphemeral", 2)
    assert len(nudges(third.mock)) == 2


async def test_rise_policy_nudges_on_watch_and_default_does_not(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", OPENING, root)  # watch
    await server.wait_thread(root, 1)
    await server.settle(0.2)
    assert not server.mock.of("chat.postEphemeral")
    rising = await slack_server(mot_nudge_on="rise")
    await rising.say("U_CUST", OPENING, root + 10)
    (nudge,) = await rising.mock.wait_for("chat.postEphemeral")
    assert "from *none* to *watch*" in str(nudge.args["blocks"])
    assert nudge.args["user"] == "U_ONCALL"


async def test_own_bot_and_edit_events_are_ignored(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", OPENING, root)
    await server.wait_thread(root, 1)
    await server.say("UBOT", ANGRY, root + 1, thread=root, bot_id="BBOT")  # the bot itself
    await server.say("U_OTHERBOT", ANGRY, root + 2, thread=root, bot_id="B_OTHER")
    await server.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C_SUPPORT",
            "ts": f"{root + 3:.6f}",
            "message": {"text": ANGRY, "user": "U_CUST"},
            "previous_message": {"text": OPENING},
        }
    )
    await server.event(
        {
            "type": "message",
            "subtype": "message_deleted",
            "channel": "C_SUPPORT",
            "ts": f"{root + 4:.6f}",
            "deleted_ts": f"{root:.6f}",
        }
    )
    await server.say("U_CUST", ANGRY, root + 5, channel="C_OTHER")  # not a support channel
    await server.say("U_AGENT", "<@UBOT> any tips?", root + 6, thread=root)  # for app_mention
    await server.settle(0.4)
    assert len(server.mot.tracker.get("C_SUPPORT", f"{root:.6f}").conversation.messages) == 1
    assert server.mot.tracker.get("C_OTHER", f"{root + 5:.6f}") is None
    assert not server.mock.of("chat.postEphemeral")


async def test_channels_by_name_and_user_groups_and_slack_connect(slack_server):
    server = await slack_server(mot_agents=["S_AGENTS"])
    root = time.time()
    await server.say("U_CUST", OPENING, root, channel="C_NAMED")  # #support-billing
    await server.say("U_AGENT2", "On it.", root + 1, thread=root, channel="C_NAMED")
    thread = await server.wait_thread(root, 2, "C_NAMED")
    assert [m.role for m in thread.conversation.messages] == ["customer", "agent"]
    # without MOT_AGENTS: Slack Connect users from another organisation are customers
    open_server = await slack_server(mot_agents=[])
    await open_server.say("U_COLLEAGUE", "Quick question on an order", root + 20)
    await open_server.wait_thread(root + 20, 1)
    await open_server.say(
        "U_EXT", "Where is my parcel?", root + 21, thread=root + 20, user_team="T_OTHER"
    )
    await open_server.say("U_HELPER", "Let me check.", root + 22, thread=root + 20)
    thread = await open_server.wait_thread(root + 20, 3)
    assert [m.role for m in thread.conversation.messages] == ["customer", "customer", "agent"]


def outcome_of(server, log_id: str) -> tuple[str | None, float | None]:
    store = Store(server.settings.mot_database_url)
    with store.engine.connect() as connection:
        row = connection.execute(
            select(events.c.outcome, events.c.edit_ratio).where(events.c.uid == log_id)
        ).one()
    store.close()
    return row.outcome, row.edit_ratio


async def wait_outcome(server, log_id: str, wanted: str):
    for _ in range(200):
        found = outcome_of(server, log_id)
        if found[0] == wanted:
            return found
        await server.settle(0.02)
    raise AssertionError(f"outcome stayed {outcome_of(server, log_id)}, not {wanted}")


async def test_acceptance_used_edited_and_ignored_without_clicks(slack_server):
    server = await slack_server(mot_lead_alerts=False)
    sent = {}
    for offset, reply in ((0, "as is"), (100, "edited"), (200, "ignored")):
        root = time.time() + offset
        await escalate(server, root)
        calls = await server.mock.wait_for("chat.postEphemeral", len(sent) + 1)
        thread = server.mot.tracker.get("C_SUPPORT", f"{root:.6f}")
        while not thread.pending:  # remembered just after the nudge is posted
            await server.settle(0.01)
        tip = thread.pending[0]
        suggestion = tip.suggestions[0]
        text = {
            "as is": suggestion,
            "edited": "Hi Ana, thanks for bearing with us. " + suggestion + " Speak soon, Sam.",
            "ignored": "Okay, checking now.",
        }[reply]
        await server.say("U_AGENT", text, root + 3, thread=root)
        sent[reply] = tip.log_id
        assert calls
    used = await wait_outcome(server, sent["as is"], "used")
    edited = await wait_outcome(server, sent["edited"], "edited")
    ignored = await wait_outcome(server, sent["ignored"], "dismissed")
    assert used == ("used", 0.0) and 0 < edited[1] < 0.6 and ignored[1] is None
    store = Store(server.settings.mot_database_url)
    with store.engine.connect() as connection:
        kinds = (
            connection.execute(
                select(outcomes.c.kind).where(outcomes.c.event_uid == sent["edited"])
            )
            .scalars()
            .all()
        )
    store.close()
    assert kinds == ["shown", "edited"]


async def test_avoid_phrase_gets_a_private_note_unless_turned_off(slack_server):
    server = await slack_server()
    root = time.time()
    await server.say("U_CUST", OPENING, root)
    await server.say(
        "U_AGENT", "Please calm down, as per our policy we cannot refund.", root + 1, thread=root
    )
    (note,) = await server.mock.wait_for("chat.postEphemeral")
    assert note.args["user"] == "U_AGENT" and note.args["thread_ts"] == f"{root:.6f}"
    assert "as per our policy" in note.args["text"] and "Try instead" in note.args["text"]
    quiet = await slack_server(mot_slack_avoid_phrase_notes=False)
    await quiet.say("U_CUST", OPENING, root + 50)
    await quiet.say("U_AGENT", "Please calm down.", root + 51, thread=root + 50)
    await quiet.wait_thread(root + 50, 2)
    await quiet.settle(0.3)
    assert len(quiet.mock.of("chat.postEphemeral")) == 1


async def test_a_thread_survives_a_restart(slack_server):
    """A new app on the same log (a restart, or another replica) still has the thread, from the
    log's database, without asking Slack for the replies."""
    first = await slack_server()
    root = time.time()
    await first.say("U_CUST", OPENING, root)
    await first.say("U_AGENT", "Let me check that for you.", root + 1, thread=root)
    await first.wait_thread(root, 2)
    second = await slack_server()
    thread = second.mot.tracker.get("C_SUPPORT", f"{root:.6f}")
    assert [(m.role, m.author, m.text) for m in thread.conversation.messages] == [
        ("customer", "U_CUST", OPENING),
        ("agent", "U_AGENT", "Let me check that for you."),
    ]
    assert thread.participants == {"U_CUST", "U_AGENT"}
    # and the restarted app's `/mot-tip` without text finds the caller's latest thread there
    third = await slack_server()
    await third.command("")
    (answer,) = await third.mock.wait_for("response_url")
    assert "Billing" in answer.args["blocks"][0]["text"]["text"]
    assert not third.mock.of("conversations.replies")
