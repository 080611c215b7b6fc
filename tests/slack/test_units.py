"""The pure parts: acceptance inference, avoid phrases, settings, Block Kit shapes, mounting."""

from __future__ import annotations

from dataclasses import replace

import pytest
from aiohttp import web
from pydantic import ValidationError
from slack_sdk.models.blocks import Block

from bot.config import Settings
from bot.core.conversation import Conversation
from bot.slack.acceptance import avoid_phrase_in, coaching_note, infer_acceptance
from bot.slack.app import BOLT_APP, mount_slack
from bot.slack.blocks import result_messages
from bot.web.app import create_app
from bot.web.keys import RUNTIME

SUGGESTIONS = [
    "I'm sorry you were charged twice. I've refunded the duplicate payment today.",
    "Thanks for telling us. I'll check your order and update you by 5pm.",
]


def test_acceptance_used_edited_ignored():
    used = infer_acceptance(SUGGESTIONS, SUGGESTIONS[1])
    assert (used.kind, used.suggestion_index, used.edit_ratio) == ("used", 1, 0.0)
    edited = infer_acceptance(SUGGESTIONS, SUGGESTIONS[0].replace("today", "by Friday, Ana"))
    assert edited.kind == "edited" and edited.suggestion_index == 0
    assert 0.05 < edited.edit_ratio < 0.6 and edited.similarity == round(1 - edited.edit_ratio, 3)
    ignored = infer_acceptance(SUGGESTIONS, "ok")
    assert (ignored.kind, ignored.suggestion_index) == ("dismissed", None)
    assert infer_acceptance([], "anything").kind == "dismissed"


def test_avoid_phrases_match_whole_words_case_insensitively():
    phrases = ["calm down", "as per our policy", "per our policy"]
    assert avoid_phrase_in("Please CALM   down.", phrases) == "calm down"
    assert avoid_phrase_in("As per our policy, no.", phrases) == "as per our policy"
    assert avoid_phrase_in("We becalm downstream", phrases) is None
    assert "Try instead" in coaching_note("calm down")


def test_slack_settings_parse_and_bad_values_are_named(monkeypatch):
    monkeypatch.setenv("MOT_SLACK_ON_CALL", "C1=U1, U9")
    monkeypatch.setenv("MOT_SLACK_NUDGE_ON", "rise")
    settings = Settings()
    assert settings.mot_on_call == {"C1": "U1", "*": "U9"}
    assert settings.mot_nudge_on == "rise" and settings.mot_slack_post_replies is False
    monkeypatch.setenv("MOT_SLACK_ON_CALL", "C1=")
    with pytest.raises(ValidationError, match="PLACE=ID"):
        Settings()
    monkeypatch.setenv("MOT_SLACK_ON_CALL", "")
    monkeypatch.setenv("MOT_SLACK_NUDGE_ON", "sometimes")
    with pytest.raises(ValidationError, match="mot_nudge_on"):
        Settings()


def test_every_block_is_valid_block_kit(playbooks):
    from bot.services import build_coach

    coach = build_coach(Settings(), sink=None)
    coach.sink = type("Sink", (), {"record": lambda self, r: r.context.update(log_id="L1")})()
    result = coach.coach(Conversation.from_text("I was charged twice for my order."))
    (message,) = result_messages(result, heading="*Heads up*")
    for block in message["blocks"]:
        assert Block.parse(block).to_dict() == block  # slack_sdk.models validates the limits


def test_slack_is_mounted_only_when_configured(tmp_path):
    url = f"sqlite:///{tmp_path}/log.db"
    bare = create_app(Settings(mot_database_url=url))
    assert BOLT_APP not in bare
    assert not any(r.resource.canonical == "/slack/events" for r in bare.router.routes())
    socket = web.Application()
    settings = Settings(mot_database_url=url, slack_bot_token="xoxb-1", slack_app_token="xapp-1")
    mount_slack(socket, replace(bare[RUNTIME], settings=settings))
    assert BOLT_APP in socket
    assert len(socket.cleanup_ctx) == 2  # connects on start-up; rechecks after an outage
    assert not any(r.resource.canonical == "/slack/events" for r in socket.router.routes())
