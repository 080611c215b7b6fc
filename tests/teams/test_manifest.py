"""The Teams app manifest and `mot-coach teams package`, checked against the official schema."""

import json
import struct
import zipfile

import pytest

from bot.cli import main
from bot.messages import UserError
from bot.teams import manifest
from bot.teams.icons import color_icon, outline_icon
from tests.teams.conftest import MANIFEST_SCHEMA

APP_ID = "11111111-2222-3333-4444-555555555555"


def test_template_and_filled_manifest_match_the_teams_schema(manifest_validator):
    template = manifest.load_template()
    manifest_validator.validate(template)
    filled = manifest.fill(template, APP_ID, "https://bot.example.com/")
    manifest_validator.validate(filled)
    [bot] = filled["bots"]
    assert bot["botId"] == filled["id"] == filled["webApplicationInfo"]["id"] == APP_ID
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert {c["title"] for lst in bot["commandLists"] for c in lst["commands"]} == {"mot-tip"}
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in filled["authorization"][
        "permissions"
    ]["resourceSpecific"]
    assert filled["validDomains"] == ["bot.example.com"]


def test_the_schema_check_catches_a_broken_manifest(manifest_validator):
    broken = manifest.load_template()
    broken["bots"][0]["scopes"] = ["everywhere"]
    errors = manifest.schema_errors(broken, MANIFEST_SCHEMA)
    assert errors and errors[0].startswith("bots/0/scopes/0:")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_icons_are_pngs_of_the_sizes_teams_wants():
    assert _png_size(color_icon()) == (192, 192)
    assert _png_size(outline_icon()) == (32, 32)


def test_package_command_writes_the_upload_zip(tmp_path, monkeypatch, capsys, manifest_validator):
    monkeypatch.setenv("MicrosoftAppId", APP_ID)
    out = tmp_path / "app.zip"
    assert (
        main(
            [
                "teams",
                "package",
                "--out",
                str(out),
                "--domain",
                "bot.example.com",
                "--schema",
                str(MANIFEST_SCHEMA),
            ]
        )
        == 0
    )
    assert "checked against" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        packaged = json.loads(archive.read("manifest.json"))
        assert _png_size(archive.read("outline.png")) == (32, 32)
    manifest_validator.validate(packaged)
    assert packaged["id"] == APP_ID


def test_package_without_an_app_id_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MicrosoftAppId", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    assert main(["teams", "package", "--out", str(tmp_path / "x.zip")]) == 2
    assert "set MicrosoftAppId" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.parametrize(
    "app_id,domain,message",
    [
        ("not-a-guid", None, "is not a GUID"),
        (APP_ID, "bad host/with path", "is not a host name"),
    ],
)
def test_fill_rejects_bad_ids_and_domains(app_id, domain, message):
    with pytest.raises(UserError, match=message):
        manifest.fill(manifest.load_template(), app_id, domain)


def test_a_template_that_is_not_json_is_named(tmp_path):
    bad = tmp_path / "manifest.json"
    bad.write_text("{oops")
    with pytest.raises(UserError, match=r"manifest\.json: the Teams manifest is not valid JSON"):
        manifest.load_template(bad)
