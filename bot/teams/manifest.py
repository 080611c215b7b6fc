"""The Teams app manifest (teams/manifest.json) and the zip that is uploaded to Teams.

The manifest in the repository carries placeholder ids; `package` fills in MicrosoftAppId (the
app id and the bot id are the same) and the bot's domain, checks the result against the official
schema when `jsonschema` and the schema are at hand, and writes manifest.json plus both icons.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from bot.messages import UserError
from bot.resources import data_dir
from bot.teams.icons import color_icon, outline_icon

PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
DOMAIN = re.compile(r"^(?!-)[A-Za-z0-9.-]{1,253}(:\d{1,5})?$")


def template_path() -> Path:
    return data_dir("teams") / "manifest.json"


def load_template(path: Path | None = None) -> dict:
    path = path or template_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot read the Teams manifest ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: the Teams manifest is not valid JSON ({exc})") from None


def fill(manifest: dict, app_id: str, domain: str | None = None) -> dict:
    """The manifest for one bot registration: its app id everywhere, its domain if given."""
    if not GUID.match(app_id or ""):
        raise UserError(
            f"MicrosoftAppId {app_id!r} is not a GUID; use the bot registration's "
            "Application (client) ID"
        )
    filled = json.loads(json.dumps(manifest))
    filled["id"] = app_id
    for bot in filled.get("bots", []):
        bot["botId"] = app_id
    filled.setdefault("webApplicationInfo", {})["id"] = app_id
    filled["webApplicationInfo"]["resource"] = f"api://botid-{app_id}"
    if domain:
        domain = domain.removeprefix("https://").rstrip("/")
        if not DOMAIN.match(domain):
            raise UserError(f"MOT_TEAMS_BOT_DOMAIN {domain!r} is not a host name")
        filled["validDomains"] = [domain]
    return filled


def schema_errors(manifest: dict, schema_path: Path) -> list[str] | None:
    """Every schema error as "path: message"; None when jsonschema or the schema is absent."""
    try:
        import jsonschema
    except ImportError:
        return None
    if not schema_path.is_file():
        return None
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in sorted(validator.iter_errors(manifest), key=lambda e: list(e.path))
    ]


def package(manifest: dict, out: Path) -> Path:
    """Write the upload zip: manifest.json, color.png and outline.png at the top level."""
    icons = manifest.get("icons", {})
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr(icons.get("color", "color.png"), color_icon())
        archive.writestr(icons.get("outline", "outline.png"), outline_icon())
    return out
