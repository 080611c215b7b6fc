"""The channels' shared policy in isolation: who and where, when to nudge, what is high risk,
the settings that name them (one meaning each; old names as deprecated aliases)."""

from __future__ import annotations

import logging

import pytest
from pydantic import ValidationError

from bot.channels.nudging import NudgePolicy
from bot.channels.places import Places, Target
from bot.config import Settings
from bot.core.conversation import Conversation
from bot.services import build_coach


@pytest.fixture(scope="module")
def coach():
    return build_coach(Settings(mot_database_url="sqlite:///:memory:"), sink=None)


def assessed(coach, text):
    return coach.assess(Conversation.from_text(text))


def test_support_channels_mean_the_same_for_every_channel():
    for kind in ("slack", "teams"):
        nowhere = Places(Settings(mot_support_channels=[]), kind)
        assert not nowhere.listens_to("C1", "support") and not nowhere.needs_name("C1")
        everywhere = Places(Settings(mot_support_channels=["*"]), kind)
        assert everywhere.listens_to("C1") and everywhere.listens_to("19:chat@thread.v2")
        named = Places(Settings(mot_support_channels=["C1", "#help-desk"]), kind)
        assert named.listens_to("C1") and named.listens_to("C9", "help-desk")
        assert not named.listens_to("C9", "random") and named.needs_name("C9")


def test_roles_follow_one_rule():
    configured = Places(Settings(mot_agents=["U_A"]), "slack")
    assert configured.role(True, "U_A", None) == "agent"
    assert configured.role(False, "U_X", "U_Y") == "customer"  # anyone else, with MOT_AGENTS
    open_door = Places(Settings(), "teams")
    assert open_door.role(False, "U_C", None) == "customer"  # the first author
    assert open_door.role(False, "U_C", "U_C") == "customer"
    assert open_door.role(False, "U_B", "U_C") == "agent"  # anyone who replies
    assert open_door.role(False, "U_B", "U_C", other_organisation=True) == "customer"


def test_nudge_targets_fall_back_from_agent_to_on_call_to_leads():
    places = Places(
        Settings(mot_on_call="C1=U_ONE, U_ALL", mot_leads_channel="slack=C_L, teams=19:l"), "slack"
    )
    assert places.nudge_target("C1", "U_AGENT") == Target("agent", "U_AGENT")
    assert places.nudge_target("C1", None) == Target("on-call", "U_ONE")
    assert places.nudge_target("C2", None) == Target("on-call", "U_ALL")
    bare = Places(Settings(mot_leads_channel="slack=C_L, teams=19:l"), "teams")
    assert bare.nudge_target("C1", None) == Target("leads", "19:l")
    assert bare.nudge_target("C1", None, urgent=False) is None  # a watch needs no lead
    assert Places(Settings(), "slack").nudge_target("C1", None) is None


def test_the_playbook_min_level_rise_and_escalate_policies(coach):
    billing = assessed(coach, "Customer: I was charged twice for my order.")
    assert (billing.escalation.level, billing.playbook.nudge.min_level) == ("watch", "watch")
    assert NudgePolicy("playbook").should_nudge("none", billing)
    assert not NudgePolicy("playbook").should_nudge("watch", billing)  # no rise
    assert not NudgePolicy("escalate").should_nudge("none", billing)
    assert NudgePolicy("rise").should_nudge("none", billing)
    first = assessed(coach, "Customer: Hi, I'd like to ask about my account.")
    assert not NudgePolicy("playbook").should_nudge("none", first)


def test_care_nudges_once_when_it_appears(coach):
    grief = assessed(coach, "Customer: My husband passed away last week; please cancel his order.")
    assert grief.escalation.care and grief.escalation.level != "none"
    policy = NudgePolicy("escalate")
    assert policy.should_nudge(grief.escalation.level, grief, cared=False)
    assert not policy.should_nudge(grief.escalation.level, grief, cared=True)


def test_high_risk_is_one_definition(coach):
    policy = NudgePolicy(alert_score=0.95)
    legal = assessed(coach, "Customer: I will contact my lawyer about this.")
    assert "legal" in legal.escalation.signals and policy.is_high_risk(legal.escalation)
    calm = assessed(coach, "Customer: Where is my parcel?")
    assert not policy.is_high_risk(calm.escalation)
    assert NudgePolicy(alert_score=0.0).is_high_risk(calm.escalation)  # any score from 0


def test_new_names_and_deprecated_aliases(monkeypatch, caplog):
    monkeypatch.setenv("MOT_SLACK_NUDGE_COOLDOWN_SECONDS", "30")
    monkeypatch.setenv("MOT_TEAMS_LEADS_CHANNEL", "19:leads@thread.tacv2")
    with caplog.at_level(logging.WARNING, logger="bot.config"):
        settings = Settings()
    assert settings.mot_nudge_cooldown_seconds == 30
    assert settings.mot_leads_channel == {"*": "19:leads@thread.tacv2"}
    assert "MOT_SLACK_NUDGE_COOLDOWN_SECONDS is deprecated; use MOT_NUDGE_COOLDOWN_SECONDS" in (
        caplog.text
    )
    monkeypatch.setenv("MOT_NUDGE_COOLDOWN_SECONDS", "5")  # the new name wins
    assert Settings().mot_nudge_cooldown_seconds == 5
    monkeypatch.setenv("MOT_LEADS_CHANNEL", "slack=")
    with pytest.raises(ValidationError, match="PLACE=ID"):
        Settings()
    monkeypatch.setenv("MOT_LEADS_CHANNEL", "")
    monkeypatch.setenv("MOT_NUDGE_ON", "sometimes")
    with pytest.raises(ValidationError, match="mot_nudge_on"):
        Settings()
