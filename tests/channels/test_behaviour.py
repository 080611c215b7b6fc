"""What every chat channel does the same way (bot/channels/), written once and run for Slack
and Teams alike (the `chat` fixture): listening, nudging, cooldown, dedupe, leads' alerts."""

from __future__ import annotations

import logging

from tests.store_helpers import fresh_database_url

OPENING = "My order has not arrived yet."
CHECKING = "Let me check that for you."
ANGRY = (
    "This is ridiculous, third time I contact you. I will contact my lawyer and post this "
    "on twitter if not refunded today!"
)
BILLING = "I was charged twice for my order."  # billing-dispute at watch: its nudge.min_level


async def escalate(chat, app, thread, agent=True) -> int:
    """Opening, (the agent's reply,) then an angry customer: returns the message count."""
    await chat.say(app, thread, 0, "customer", OPENING)
    n = 1
    if agent:
        await chat.say(app, thread, 1, "agent", CHECKING)
        n = 2
    # Slack acks before its listeners run: the earlier messages are decided on first, so the
    # angry one meets a thread that knows its agent (as it would in a real, paced thread).
    await chat.decided(app, thread, n)
    await chat.say(app, thread, n, "customer", ANGRY)
    await chat.decided(app, thread, n + 1)
    return n + 1


async def test_support_channels_are_listened_to_with_roles_and_others_are_not(chat):
    app = await chat.app(mot_nudge_on="escalate")
    thread = chat.thread()
    await chat.say(app, thread, 0, "customer", OPENING)
    await chat.say(app, thread, 1, "agent", CHECKING)
    await chat.decided(app, thread, 2)
    assert chat.tracked(app, thread) == [("customer", OPENING), ("agent", CHECKING)]
    elsewhere = chat.thread()
    await chat.say(app, elsewhere, 0, "customer", ANGRY, channel=chat.OTHER)
    await chat.say(app, thread, 2, "customer", "Any news?")  # handled after the other one
    await chat.decided(app, thread, 3)
    assert chat.tracked(app, elsewhere, channel=chat.OTHER) == []
    assert chat.nudges() == [] and chat.alerts() == []


async def test_empty_support_channels_listen_nowhere_and_a_star_everywhere(chat):
    nowhere = await chat.app(mot_support_channels=[])
    thread = chat.thread()
    await chat.say(nowhere, thread, 0, "customer", ANGRY)
    everywhere = await chat.app(mot_support_channels=["*"])
    other = chat.thread()
    await chat.say(everywhere, other, 0, "customer", OPENING, channel=chat.OTHER)
    await chat.decided(everywhere, other, 1, channel=chat.OTHER)
    assert chat.tracked(everywhere, other, channel=chat.OTHER) == [("customer", OPENING)]
    assert chat.tracked(nowhere, thread) == []


async def test_an_escalation_nudges_the_last_agent_privately_with_the_playbook_note(chat):
    app = await chat.app(mot_nudge_on="escalate", mot_lead_alerts=False)
    thread = chat.thread()
    await escalate(chat, app, thread)
    [nudge] = chat.nudges()
    assert nudge.to == chat.PEOPLE["agent"]
    assert "threatens legal action" in nudge.text or "legal" in nudge.text
    assert chat.alerts() == []


async def test_the_playbook_min_level_nudges_at_watch_and_the_on_call_without_an_agent(chat):
    app = await chat.app()  # MOT_NUDGE_ON=playbook: billing-dispute nudges from watch
    thread = chat.thread()
    await chat.say(app, thread, 0, "customer", BILLING)
    await chat.decided(app, thread, 1)
    [nudge] = chat.nudges()
    assert nudge.to == chat.PEOPLE["on-call"]
    assert "Own the charge" in nudge.text  # the billing-dispute playbook's nudge.note
    strict = await chat.app(mot_nudge_on="escalate")
    other = chat.thread()
    await chat.say(strict, other, 0, "customer", BILLING)
    await chat.decided(strict, other, 1)
    assert len(chat.nudges()) == 1


async def test_the_same_delivery_twice_is_tracked_and_nudged_once(chat):
    app = await chat.app(mot_nudge_on="escalate")
    thread = chat.thread()
    await chat.say(app, thread, 0, "customer", OPENING)
    await chat.say(app, thread, 1, "agent", CHECKING)
    ts = await chat.say(app, thread, 2, "customer", ANGRY, event_id="Ev-same")
    await chat.decided(app, thread, 3)
    await chat.repeat(app, thread, "customer", ANGRY, ts, "Ev-same")
    assert [role for role, _ in chat.tracked(app, thread)] == ["customer", "agent", "customer"]
    assert len(chat.nudges()) == 1


async def test_the_cooldown_holds_across_replicas_and_lapses_without_one(chat, tmp_path):
    url, cleanup = fresh_database_url("sqlite", tmp_path)
    try:
        first = await chat.app(mot_database_url=url, mot_nudge_on="escalate")
        thread = chat.thread()
        count = await escalate(chat, first, thread)
        assert len(chat.nudges()) == 1
        # another replica on the same log: the thread escalates again there, within the cooldown
        second = await chat.app(mot_database_url=url, mot_nudge_on="escalate")
        await chat.say(second, thread, count, "customer", ANGRY + " Now!")
        await chat.decided(second, thread, count + 1)
        assert len(chat.nudges()) == 1
        assert [r for r, _ in chat.tracked(second, thread)][:2] == ["customer", "agent"]
        third = await chat.app(
            mot_database_url=url, mot_nudge_on="escalate", mot_nudge_cooldown_seconds=0
        )
        await chat.say(third, thread, count + 1, "customer", ANGRY + " Today!")
        await chat.decided(third, thread, count + 2)
        assert len(chat.nudges()) == 2
    finally:
        cleanup()


async def test_high_risk_alerts_the_leads_channel(chat):
    app = await chat.app(mot_nudge_on="escalate")
    thread = chat.thread()
    await escalate(chat, app, thread)
    [nudge] = chat.nudges()
    [alert] = chat.alerts()
    assert nudge.to == chat.PEOPLE["agent"] and alert.to == chat.LEADS
    assert "High-risk" in alert.text


async def test_with_no_agent_and_no_on_call_the_escalation_goes_to_the_leads_channel(chat):
    app = await chat.app(mot_nudge_on="escalate", mot_on_call={}, mot_lead_alerts=False)
    thread = chat.thread()
    await escalate(chat, app, thread, agent=False)
    assert chat.nudges() == []
    [alert] = chat.alerts()
    assert alert.to == chat.LEADS


async def test_with_nobody_to_tell_the_escalation_is_logged_as_a_warning(chat, caplog):
    app = await chat.app(mot_nudge_on="escalate", mot_on_call={}, mot_leads_channel={})
    thread = chat.thread()
    with caplog.at_level(logging.WARNING, logger="bot.channels.listening"):
        await escalate(chat, app, thread, agent=False)
    assert chat.nudges() == [] and chat.alerts() == []
    assert "no agent, no on-call (MOT_ON_CALL) and no leads' channel" in caplog.text
