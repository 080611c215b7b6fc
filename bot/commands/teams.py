"""`mot-coach teams package`: the app package (zip) that is uploaded to Microsoft Teams."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import Settings
from bot.messages import UserError

# The official schema, from ../shared/schemas/ beside the source tree when it is there.
SCHEMA = Path(__file__).resolve().parents[3] / "shared/schemas/teams-manifest-1.29.schema.json"


def add_parser(commands) -> None:
    p = commands.add_parser("teams", help="Microsoft Teams app")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    package = sub.add_parser("package", help="write the zip to upload to Teams")
    package.add_argument(
        "--out",
        type=Path,
        default=Path("mot-coach-teams.zip"),
        help="where to write the zip (default mot-coach-teams.zip)",
    )
    package.add_argument("--app-id", help="the bot's app id (default: MicrosoftAppId)")
    package.add_argument("--domain", help="the bot's public host (default: MOT_TEAMS_BOT_DOMAIN)")
    package.add_argument("--manifest", type=Path, help="a manifest template to start from")
    package.add_argument(
        "--schema",
        type=Path,
        default=SCHEMA,
        help="the Teams manifest JSON schema to check against, when present",
    )
    package.set_defaults(run=run_package)


def run_package(args, settings: Settings) -> int:
    from bot.teams import manifest

    app_id = args.app_id or settings.microsoft_app_id
    if not app_id:
        raise UserError(
            "no app id: set MicrosoftAppId (the bot registration's Application ID) or pass --app-id"
        )
    filled = manifest.fill(
        manifest.load_template(args.manifest), app_id, args.domain or settings.mot_teams_bot_domain
    )
    errors = manifest.schema_errors(filled, args.schema)
    if errors:
        raise UserError("the manifest does not match the Teams schema:\n  " + "\n  ".join(errors))
    out = manifest.package(filled, args.out)
    checked = (
        "checked against " + str(args.schema)
        if errors is not None
        else ("not schema-checked (jsonschema or the schema is absent)")
    )
    print(f"wrote {out} (app {app_id}; {checked})")
    if not filled.get("validDomains"):
        print("note: no validDomains; set MOT_TEAMS_BOT_DOMAIN or pass --domain", file=sys.stderr)
    return 0
