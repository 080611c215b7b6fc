"""Which serviceUrls the bot may call and which peers may use emulator mode (bot/teams/
service_urls.py), and how MOT_TEAMS_SERVICE_URLS is read."""

import pytest
from pydantic import ValidationError

from bot.config import Settings
from bot.teams.service_urls import (
    ServiceUrlPolicy,
    is_loopback_peer,
    is_loopback_url,
    under_prefix,
)

EMEA = "https://smba.trafficmanager.net/emea/"


@pytest.mark.parametrize(
    ("url", "prefix", "under"),
    [
        (EMEA, EMEA, True),
        ("https://smba.trafficmanager.net/emea/v3/conversations", EMEA, True),
        ("https://SMBA.trafficmanager.net/emea", EMEA, True),
        ("https://smba.trafficmanager.net/emea2/", "https://smba.trafficmanager.net/emea", False),
        ("https://smba.trafficmanager.net/amer/", EMEA, False),
        ("https://smba.trafficmanager.net.evil.example/emea/", EMEA, False),
        ("https://smba.trafficmanager.net@evil.example/emea/", EMEA, False),
        ("http://smba.trafficmanager.net/emea/", EMEA, False),
        ("https://smba.trafficmanager.net:8443/emea/", EMEA, False),
        ("not a url", EMEA, False),
        (None, EMEA, False),
    ],
)
def test_a_url_is_under_a_prefix_only_on_the_same_origin_and_path(url, prefix, under):
    assert under_prefix(url, prefix) is under


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:3978", "http://127.8.9.10/", "http://[::1]:3978/", "http://LOCALHOST:1"],
)
def test_loopback_urls(url):
    assert is_loopback_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1.nip.io/",  # a name: never resolved, so never loopback
        "http://localhost.evil.example/",
        "http://2130706433/",  # 127.0.0.1 as an integer: not a literal address here
        "http://user@127.0.0.1/",
        "ftp://127.0.0.1/",
        "",
    ],
)
def test_urls_that_are_not_loopback(url):
    assert not is_loopback_url(url)


@pytest.mark.parametrize(
    ("peer", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.5", False),
        ("192.168.1.20", False),
        ("203.0.113.9", False),
        ("", False),
        (None, False),
    ],
)
def test_the_emulator_peer_check(peer, loopback):
    assert is_loopback_peer(peer) is loopback


def test_policy_allows_the_vouched_url_the_list_and_in_emulator_mode_loopback():
    listed = ServiceUrlPolicy((EMEA,))
    assert listed.allows("https://smba.trafficmanager.net/emea/v3")
    assert not listed.allows("https://smba.trafficmanager.net/amer/")
    assert listed.allows(
        "https://smba.trafficmanager.net/amer/", vouched=("https://smba.trafficmanager.net/amer/")
    )
    assert not listed.allows("https://evil.example/", vouched="https://smba.trafficmanager.net/")
    assert not listed.allows("http://127.0.0.1:3978")  # loopback only in emulator mode
    emulator = ServiceUrlPolicy(loopback_allowed=True)
    assert emulator.allows("http://127.0.0.1:3978") and not emulator.allows("http://10.0.0.1")


def test_emulator_mode_never_holds_with_an_app_id():
    settings = Settings(microsoft_app_id="app", mot_teams_emulator=True)
    assert not ServiceUrlPolicy.from_settings(settings).loopback_allowed
    assert ServiceUrlPolicy.from_settings(Settings(mot_teams_emulator=True)).loopback_allowed


def test_the_allow_list_is_read_comma_separated(monkeypatch):
    monkeypatch.setenv(
        "MOT_TEAMS_SERVICE_URLS", f" {EMEA}, https://smba.infra.gcc.teams.microsoft.com/"
    )
    assert Settings().mot_teams_service_urls == [
        EMEA,
        "https://smba.infra.gcc.teams.microsoft.com/",
    ]


@pytest.mark.parametrize(
    "entry", ["ftp://files.example/", "smba.trafficmanager.net", "https://user@host.example/"]
)
def test_a_bad_allow_list_entry_is_a_clear_error(monkeypatch, entry):
    monkeypatch.setenv("MOT_TEAMS_SERVICE_URLS", f"{EMEA},{entry}")
    with pytest.raises(ValidationError) as error:
        Settings()
    assert f"entry {entry!r} must be an http(s) URL prefix" in str(error.value)
