"""slack/manifest*.yaml against Slack's official manifest schema (../shared/schemas), and
against what the app really registers."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import REPO

SCHEMAS = REPO.parent / "shared" / "schemas"
VERSIONED = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/"
MANIFESTS = ["manifest.yaml", "manifest.socket-mode.yaml"]


def validator():
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    top = SCHEMAS / "manifest.schema.json"
    if not top.is_file():
        pytest.skip(f"{top} is not here")
    resources = []
    for version in ("1.0.0", "2.0.0"):  # the $ref URLs, mapped to the local copies
        path = SCHEMAS / f"manifest.schema.{version}.json"
        if not path.is_file():
            pytest.skip(f"{path} is not here")
        contents = json.loads(path.read_text())
        resource = referencing.Resource.from_contents(
            contents, default_specification=referencing.jsonschema.DRAFT7
        )
        resources.append((f"{VERSIONED}manifest.schema.{version}.json", resource))
    registry = referencing.Registry().with_resources(resources)
    schema = json.loads(top.read_text())
    return jsonschema.Draft7Validator(schema, registry=registry)


@pytest.mark.parametrize("name", MANIFESTS)
def test_manifest_is_valid_for_slack(name):
    manifest = yaml.safe_load((REPO / "slack" / name).read_text())
    errors = sorted(validator().iter_errors(manifest), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_the_schema_check_catches_a_bad_manifest():
    manifest = yaml.safe_load((REPO / "slack" / "manifest.yaml").read_text())
    manifest["features"]["shortcuts"][0]["name"] = "A shortcut name over the limit"
    assert list(validator().iter_errors(manifest))


@pytest.mark.parametrize("name", MANIFESTS)
def test_manifest_matches_the_app(name):
    manifest = yaml.safe_load((REPO / "slack" / name).read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/mot-tip"]
    assert features["shortcuts"][0]["callback_id"] == "mot_coach_thread"
    assert features["app_home"]["home_tab_enabled"] is True
    assert {
        "app_mention",
        "app_home_opened",
        "message.channels",
        "app_uninstalled",
        "tokens_revoked",
    } <= set(settings["event_subscriptions"]["bot_events"])
    socket = name == "manifest.socket-mode.yaml"
    assert settings["socket_mode_enabled"] is socket
    urls = [
        settings["event_subscriptions"].get("request_url"),
        settings["interactivity"].get("request_url"),
    ]
    assert (
        all(u is None for u in urls) if socket else all(u.endswith("/slack/events") for u in urls)
    )
    redirects = manifest["oauth_config"].get("redirect_urls")
    assert redirects is None if socket else redirects[0].endswith("/slack/oauth_redirect")


def test_oauth_scopes_default_to_the_manifests_bot_scopes():
    from bot.config import Settings

    manifest = yaml.safe_load((REPO / "slack" / "manifest.yaml").read_text())
    assert Settings().slack_scopes == manifest["oauth_config"]["scopes"]["bot"]
