"""Signed requests whose bodies are not what Slack sends: a clear 400, never a 500, nothing
acted upon, and the app keeps serving."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", JSON),
        ("[1, 2]", JSON),
        (urlencode({"payload": "{nope"}), FORM),
        (urlencode({"payload": "[1, 2]"}), FORM),
        (urlencode({"payload": json.dumps("just a string")}), FORM),
    ],
    ids=["json-garbage", "json-list", "payload-garbage", "payload-list", "payload-string"],
)
async def test_a_malformed_body_gets_a_clear_400(slack_server, mock_slack, body, content_type):
    server = await slack_server()
    status, text, _ = await server.post(body, content_type)
    assert status == 400
    assert json.loads(text)["error"].startswith("malformed Slack request: unreadable body")
    status, text, _ = await server.command("I was charged twice for my order.")
    assert status == 200 and json.loads(text)["text"] == "Coaching…"  # still serving
    (answer,) = await mock_slack.wait_for("response_url")
    assert "Billing" in str(answer.args["blocks"])


async def test_a_forged_malformed_body_gets_401_as_any_forgery(slack_server):
    from tests.slack.conftest import signed_headers

    server = await slack_server()
    forged = signed_headers("{not json", secret="not-the-secret")
    status, text, _ = await server.post("{not json", JSON, headers=forged)
    assert status == 401 and "malformed" not in text


async def test_payloads_missing_what_a_listener_needs_do_no_harm(slack_server, mock_slack):
    """Well-formed but incomplete: an event without channel or text, a button whose value is
    not ours. Acked, nothing coached or posted in a channel; the button answers "expired"."""
    server = await slack_server()
    event = {"type": "event_callback", "team_id": "T1", "event": {"type": "message"}}
    status, _, _ = await server.post(json.dumps(event | {"event_id": "Ev-empty"}), JSON)
    assert status == 200
    button = {
        "type": "block_actions",
        "user": {"id": "U_AGENT"},
        "team": {"id": "T1"},
        "trigger_id": "t",
        "response_url": f"{mock_slack.url}/response/garbage",
        "actions": [
            {"action_id": "mot_use_0", "value": "not-json", "type": "button", "block_id": "b"}
        ],
    }
    status, _, _ = await server.interact(button)
    assert status == 200
    (answer,) = await mock_slack.wait_for("response_url")
    assert "expired" in answer.args["text"].lower()
    assert not mock_slack.of("chat.postMessage") and not mock_slack.of("views.open")


@pytest.mark.parametrize("timestamp", ["abc", "", "1.5e9", "-1"])
async def test_a_timestamp_that_is_not_a_number_gets_a_clear_400(slack_server, timestamp):
    """Bolt's signature check would raise on it (a 500); refused before Bolt sees it."""
    from tests.slack.conftest import signed_headers

    server = await slack_server()
    body = urlencode({"command": "/mot-tip", "text": "hello", "user_id": "U_AGENT"})
    headers = signed_headers(body) | {"X-Slack-Request-Timestamp": timestamp}
    status, text, _ = await server.post(body, FORM, headers=headers)
    assert status == 400
    assert "X-Slack-Request-Timestamp must be a Unix time" in json.loads(text)["error"]
    status, text, _ = await server.command("I was charged twice for my order.")
    assert status == 200 and json.loads(text)["text"] == "Coaching…"  # still serving


def nested(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("as_form", [False, True], ids=["json", "form-payload"])
async def test_a_body_nested_2000_deep_gets_a_clear_400(slack_server, mock_slack, signed, as_form):
    """Bounded before parsing: json would recurse 2,000 times and fail with a 500."""
    from tests.slack.conftest import signed_headers

    server = await slack_server()
    body = urlencode({"payload": nested(2000)}) if as_form else nested(2000)
    headers = signed_headers(body) if signed else signed_headers(body, secret="not-the-secret")
    status, text, _ = await server.post(body, FORM if as_form else JSON, headers=headers)
    assert status == 400
    assert json.loads(text)["error"] == (
        "malformed Slack request: the JSON is nested more than 64 levels deep"
    )
    status, text, _ = await server.command("I was charged twice for my order.")
    assert status == 200 and json.loads(text)["text"] == "Coaching…"  # still serving
    (answer,) = await mock_slack.wait_for("response_url")
    assert "Billing" in str(answer.args["blocks"])


async def test_brackets_in_strings_and_command_text_are_not_nesting(slack_server, mock_slack):
    """Only structure counts: a payload's strings and a command's text may hold any brackets."""
    server = await slack_server()
    status, text, _ = await server.command("[[[{{{ " * 100 + "I was charged twice for my order.")
    assert status == 200 and json.loads(text)["text"] == "Coaching…"
    (answer,) = await mock_slack.wait_for("response_url")
    assert "Billing" in str(answer.args["blocks"])
