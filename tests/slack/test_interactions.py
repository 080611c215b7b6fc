"""The shortcut, @mentions, the buttons and the modal, over real signed HTTP."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

from sqlalchemy import select

from bot.coach import Coach
from bot.llm.base import Backend
from bot.llm.offline import OfflineBackend
from bot.services import build_sink, playbooks_from
from bot.store import Store
from bot.store.models import events, outcomes
from tests.slack.conftest import slack_settings
from tests.slack.gated_coach import gated_coach
from tests.slack.mock_slack import TEAM

BILLING = "I was charged twice for my order and nobody has refunded me."


def thread_replies(root: float) -> list[dict]:
    return [
        {"user": "U_CUST", "text": BILLING, "ts": f"{root:.6f}", "team": TEAM},
        {"user": "U_AGENT", "text": "Let me check.", "ts": f"{root + 1:.6f}", "team": TEAM},
    ]


def shortcut(root: float, user: str = "U_AGENT") -> dict:
    return {
        "type": "message_action",
        "callback_id": "mot_coach_thread",
        "trigger_id": f"trig-s-{uuid.uuid4().hex[:12]}",
        "user": {"id": user},
        "team": {"id": TEAM},
        "channel": {"id": "C_ELSEWHERE"},
        "message": {"ts": f"{root + 1:.6f}", "thread_ts": f"{root:.6f}", "text": "Let me check."},
        "response_url": "http://127.0.0.1:9/unused",
    }


def button(action_id: str, value: dict, user: str = "U_AGENT", response_url: str = "") -> dict:
    return {
        "type": "block_actions",
        "trigger_id": "trig-b",
        "user": {"id": user},
        "team": {"id": TEAM},
        "container": {"type": "message", "is_ephemeral": True},
        "channel": {"id": "C_SUPPORT"},
        "response_url": response_url,
        "actions": [
            {"action_id": action_id, "block_id": "b", "type": "button", "value": json.dumps(value)}
        ],
    }


def submission(view: dict, text: str) -> dict:
    """The reply modal submitted with `text` in its input."""
    state = {"values": {"reply": {"text": {"type": "plain_text_input", "value": text}}}}
    return {
        "type": "view_submission",
        "user": {"id": "U_AGENT"},
        "team": {"id": TEAM},
        "view": {**view, "id": "V1", "state": state},
    }


def rows(server, table, **where):
    store = Store(server.settings.mot_database_url)
    with store.engine.connect() as connection:
        statement = select(table)
        for name, value in where.items():
            statement = statement.where(table.c[name] == value)
        found = [dict(r._mapping) for r in connection.execute(statement)]
    store.close()
    return found


async def test_shortcut_coaches_on_the_whole_thread_privately(slack_server, mock_slack, tmp_path):
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    coach = gated_coach(mock_slack, tmp_path)
    server = await slack_server(coach=coach)
    # the coaching is held at the gate: the ack can only arrive if it does not wait for it
    status, _, _ = await asyncio.wait_for(server.interact(shortcut(root)), timeout=10)
    assert status == 200 and coach.assessed == 0
    coach.gate.set()
    (tip,) = await mock_slack.wait_for("chat.postEphemeral")
    assert tip.args["user"] == "U_AGENT" and tip.args["thread_ts"] == f"{root:.6f}"
    assert "Billing" in str(tip.args["blocks"])
    (fetch,) = mock_slack.of("conversations.replies")
    assert fetch.args["channel"] == "C_ELSEWHERE"
    await server.wait_logged(1)
    (event,) = rows(server, events, trigger="shortcut")
    assert event["agent"] == "U_AGENT" and event["thread"] == f"{root:.6f}"
    assert [m["role"] for m in event["excerpt"]] == ["customer", "agent"]


async def test_mention_in_a_thread_is_answered_only_to_the_mentioner(slack_server, mock_slack):
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = [
        *thread_replies(root),
        {"user": "U_AGENT", "text": "<@UBOT> help?", "ts": f"{root + 2:.6f}", "team": TEAM},
    ]
    server = await slack_server()
    await server.event(
        {
            "type": "app_mention",
            "user": "U_AGENT",
            "text": "<@UBOT> help?",
            "channel": "C_SUPPORT",
            "ts": f"{root + 2:.6f}",
            "thread_ts": f"{root:.6f}",
        }
    )
    await mock_slack.wait_for("chat.postEphemeral")
    tips = [c for c in mock_slack.of("chat.postEphemeral") if c.args.get("blocks")]
    assert [t.args["user"] for t in tips] == ["U_AGENT"]
    assert not mock_slack.of("chat.postMessage")  # never in the customer's view
    await server.wait_logged(1)
    (event,) = rows(server, events, trigger="mention")
    assert all("UBOT" not in m["text"] for m in event["excerpt"])


async def test_buttons_use_rate_and_another_set(slack_server, mock_slack):
    server = await slack_server(mot_slack_post_replies=True)
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    await server.interact(shortcut(root))
    (tip,) = await mock_slack.wait_for("chat.postEphemeral")
    actions = {
        e["action_id"]: json.loads(e["value"])
        for b in tip.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }
    log_id = actions["mot_use_1"]["l"]
    response_url = f"{mock_slack.url}/response/buttons"
    # Use this: recorded, and a modal holding the text, ready to post
    await server.interact(button("mot_use_1", actions["mot_use_1"]))
    (opened,) = await mock_slack.wait_for("views.open")
    view = opened.args["view"]
    suggestion = server.mot.tracker.tip(log_id).suggestions[1]
    assert view["blocks"][0]["element"]["initial_value"] == suggestion
    assert view["submit"]["text"] == "Post to thread"
    # Post to thread, edited by the agent
    edited = suggestion + " Thank you for your patience."
    status, _, _ = await server.interact(submission(view, edited))
    assert status == 200
    (posted,) = await mock_slack.wait_for("chat.postMessage")
    assert posted.args["thread_ts"] == f"{root:.6f}" and posted.args["text"] == edited
    assert posted.args["username"] == "Agent U_AGENT"  # under the agent's name and picture
    assert posted.args["icon_url"] == "https://img.example/U_AGENT.png"
    # 👍 and 👎
    await server.interact(button("mot_up_0", actions["mot_up_0"], response_url=response_url))
    await server.interact(button("mot_down_2", actions["mot_down_2"], response_url=response_url))
    await mock_slack.wait_for("response_url", 2)
    # Another set replaces the tip with the next variant
    await server.interact(button("mot_another", actions["mot_another"], response_url=response_url))
    replaced = (await mock_slack.wait_for("response_url", 3))[-1]
    assert replaced.args["replace_original"] is True and "mot_use_0" in str(replaced.args)
    for _ in range(100):
        kinds = [
            (o["kind"], o["suggestion_index"], o["rating"])
            for o in rows(server, outcomes, event_uid=log_id)
        ]
        if len(kinds) >= 6:
            break
        await server.settle(0.02)
    assert sorted(kinds, key=str) == sorted(
        [
            ("shown", None, None),
            ("used", 1, None),
            ("edited", 1, None),
            ("rated", 0, 1),
            ("rated", 2, -1),
            ("dismissed", None, None),
        ],
        key=str,
    )


async def test_use_this_without_posting_shows_the_text_only(slack_server, mock_slack):
    server = await slack_server()  # MOT_SLACK_POST_REPLIES off
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    await server.interact(shortcut(root))
    (tip,) = await mock_slack.wait_for("chat.postEphemeral")
    value = next(
        json.loads(e["value"])
        for b in tip.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "mot_use_0"
    )
    await server.interact(button("mot_use_0", value))
    (opened,) = await mock_slack.wait_for("views.open")
    assert "submit" not in opened.args["view"]
    assert opened.args["view"]["blocks"][0]["type"] == "section"


async def test_an_unknown_tip_gets_a_clear_answer(slack_server, mock_slack):
    server = await slack_server()
    await server.interact(
        button("mot_use_0", {"l": "gone", "i": 0}, response_url=f"{mock_slack.url}/response/x")
    )
    (answer,) = await mock_slack.wait_for("response_url")
    assert "expired" in answer.args["text"]


async def test_a_429_from_the_web_api_is_retried(slack_server, mock_slack):
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    mock_slack.rate_limit_once.add("chat.postEphemeral")
    server = await slack_server()
    await server.interact(shortcut(root))
    (tip,) = await mock_slack.wait_for("chat.postEphemeral", timeout=8)
    assert [c.method for c in mock_slack.calls if c.method.startswith("chat.")] == [
        "chat.postEphemeral:429",
        "chat.postEphemeral",
    ]
    assert tip.args["user"] == "U_AGENT"


class SlowBackend(Backend):
    """An LLM stand-in that takes 200 ms, so the agent first sees a placeholder."""

    name = "slow"

    def suggest(self, request):
        time.sleep(0.2)
        return OfflineBackend().suggest(request)


async def test_slow_backend_shows_a_placeholder_first(slack_server, mock_slack, tmp_path):
    settings = slack_settings(mock_slack, tmp_path)
    coach = Coach(playbooks_from(settings), SlowBackend(), build_sink(settings))
    server = await slack_server(coach=coach)
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    await server.interact(shortcut(root))
    placeholder, tip = await mock_slack.wait_for("chat.postEphemeral", 2)
    assert placeholder.args["text"] == "Coaching…" and "blocks" not in placeholder.args
    assert placeholder.args["thread_ts"] == tip.args["thread_ts"] == f"{root:.6f}"
    assert "mot_use_0" in str(tip.args["blocks"]) and tip.at - placeholder.at >= 0.2


def buttons_of(tip_args: dict) -> dict:
    return {
        e["action_id"]: json.loads(e["value"])
        for b in tip_args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }


async def test_buttons_work_after_a_restart(slack_server, mock_slack, tmp_path):
    """The buttons carry what they need: a second instance on the same log (a restart, or
    another replica) with nothing in memory answers Use this, the modal and Another set."""
    first = await slack_server(mot_slack_post_replies=True)
    await first.command(BILLING, user="U_AGENT")
    (tip,) = await mock_slack.wait_for("response_url")
    actions = buttons_of(tip.args)
    suggestion = actions["mot_use_2"]["x"]
    assert suggestion in str(tip.args["blocks"])
    await first.stop()

    second = await slack_server(mot_slack_post_replies=True)
    assert second.mot.tracker.tip(actions["mot_use_2"]["l"]) is None  # nothing in memory
    await second.interact(button("mot_use_2", actions["mot_use_2"]))
    (opened,) = await mock_slack.wait_for("views.open")
    assert opened.args["view"]["blocks"][0]["type"] == "section"  # no thread: copy only
    assert suggestion in str(opened.args["view"])

    response_url = f"{mock_slack.url}/response/after-restart"
    await second.interact(button("mot_another", actions["mot_another"], response_url=response_url))
    replaced = (await mock_slack.wait_for("response_url", 2))[-1]
    assert replaced.args["replace_original"] is True
    again = buttons_of(replaced.args)
    assert again["mot_another"]["v"] == 2 and again["mot_use_0"]["l"] != actions["mot_use_0"]["l"]
    assert "Billing" in str(replaced.args["blocks"])
    await second.wait_logged(2)
    log_id = actions["mot_use_2"]["l"]
    kinds = sorted(o["kind"] for o in rows(second, outcomes, event_uid=log_id))
    assert kinds == ["dismissed", "shown", "used"]


async def test_thread_tip_regenerates_after_a_restart_from_the_thread(slack_server, mock_slack):
    root = time.time()
    mock_slack.replies[f"{root:.6f}"] = thread_replies(root)
    first = await slack_server(mot_slack_post_replies=True)
    await first.interact(shortcut(root))
    (tip,) = await mock_slack.wait_for("chat.postEphemeral")
    actions = buttons_of(tip.args)
    assert actions["mot_another"]["t"] == f"{root:.6f}" and "q" not in actions["mot_another"]
    await first.stop()

    second = await slack_server(mot_slack_post_replies=True)
    await second.interact(button("mot_use_0", actions["mot_use_0"]))
    (opened,) = await mock_slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["submit"]["text"] == "Post to thread"  # the value names the thread
    edited = actions["mot_use_0"]["x"] + " Thanks for waiting."
    await second.interact(submission(view, edited))
    (posted,) = await mock_slack.wait_for("chat.postMessage")
    assert posted.args["thread_ts"] == f"{root:.6f}" and posted.args["text"] == edited
    response_url = f"{mock_slack.url}/response/thread-again"
    await second.interact(button("mot_another", actions["mot_another"], response_url=response_url))
    (replaced,) = await mock_slack.wait_for("response_url")
    assert "Billing" in str(replaced.args["blocks"])
    log_id = actions["mot_use_0"]["l"]
    for _ in range(100):
        found = {o["kind"]: o for o in rows(second, outcomes, event_uid=log_id)}
        if {"used", "edited", "dismissed"} <= set(found):
            break
        await second.settle(0.02)
    assert 0 < found["edited"]["edit_ratio"] < 0.5


async def test_an_oversized_reply_stays_out_of_the_button_value(slack_server):
    from bot.slack.blocks import VALUE_LIMIT, _value

    value = json.loads(_value("abc", 0, c="C1", t="1.0", x="word " * 1000))
    assert value == {"l": "abc", "i": 0, "c": "C1", "t": "1.0"}
    assert len(_value("abc", 0, x="word " * 390)) <= VALUE_LIMIT


async def test_app_home_is_published_again_after_each_click(slack_server, mock_slack):
    server = await slack_server()
    await server.command(BILLING, user="U_AGENT")
    (tip,) = await mock_slack.wait_for("response_url")
    actions = buttons_of(tip.args)
    await server.wait_logged(1)
    response_url = f"{mock_slack.url}/response/home"
    await server.interact(button("mot_up_1", actions["mot_up_1"], response_url=response_url))
    (first,) = await mock_slack.wait_for("views.publish")
    assert first.args["user_id"] == "U_AGENT" and "billing-dispute" in str(first.args["view"])
    assert "👍" in str(first.args["view"])  # the rating just given
    await server.interact(button("mot_use_0", actions["mot_use_0"]))
    second = (await mock_slack.wait_for("views.publish", 2))[-1]
    assert "used" in str(second.args["view"])  # what the agent just did, not a stale view
