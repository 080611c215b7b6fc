"""User-facing error messages, in one place, and the error type that carries them."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or configuration: shown to the user as one line, never as a traceback."""

    exit_code = 2


def empty_input(source: str) -> str:
    return f"{source}: the input is empty; give a conversation (see examples/)"


def binary_input(source: str) -> str:
    return f"{source}: this looks like a binary file, not text; give a UTF-8 text or JSON file"


def unreadable(source: str, reason: str) -> str:
    return f"{source}: cannot read it ({reason})"


def too_large(source: str, limit: int) -> str:
    return f"{source}: larger than {limit:,} bytes; give one conversation at a time"


def refused_json(source: str, reason: str) -> str:
    return f"{source}: not read ({reason})"


def bad_json(source: str, reason: str) -> str:
    return f"{source}: not valid JSON ({reason})"


def bad_conversation(source: str, reason: str) -> str:
    return (
        f"{source}: not a conversation ({reason}); expected 'Customer: ...' / 'Agent: ...' "
        'lines or JSON {"messages": [{"role": "customer", "text": "..."}]}'
    )


def bad_line(number: int, reason: str) -> str:
    return f"line {number}: {reason}"


def unknown_playbook(playbook_id: str, known: list[str]) -> str:
    return f"no playbook {playbook_id!r}; known playbooks: {', '.join(known)}"


def no_labels(source: str) -> str:
    return f"{source}: no row has a 'playbook' or 'escalate' label to score against"


def no_split_rows(source: str, split: str) -> str:
    return f"{source}: no row has 'split': {split!r} (the rows' 'split' field picks a subset)"


def no_conversations(source: str) -> str:
    return f"{source}: no line holds a conversation to coach on"


def bad_care(value: object, kinds: tuple[str, ...]) -> str:
    return f"'care' must be one of {', '.join(kinds)} (or a list of them), not {value!r}"


def database_unreachable(url: str, reason: str) -> str:
    return (
        f"cannot reach the suggestion log at {url} ({reason}); check MOT_DATABASE_URL "
        "and that the database is running"
    )


def bad_filter(reason: str) -> str:
    return f"bad filter: {reason}"


def no_log_entry(event_id: int) -> str:
    return f"no log entry {event_id}; `mot-coach logs list` shows the ids"


# --- Slack (bot/slack): what the agent reads in Slack ---

SLACK_COACHING = "Coaching…"
SLACK_NO_CONVERSATION = (
    "I can't find a support conversation in this channel that you're part of. Try "
    "`/mot-tip <the customer's message>`, or use the message shortcut *Coach me on this thread*."
)
SLACK_EMPTY_THREAD = "That thread has nothing to coach on yet."
SLACK_TIP_EXPIRED = "That tip has expired; ask again with `/mot-tip` or the thread shortcut."
SLACK_THANKS = "Thanks, noted. Your feedback shapes the playbooks."
SLACK_POSTED = "Posted to the thread."


def slack_failed(reason: str) -> str:
    return f"Sorry, I couldn't coach on that ({reason}). Please try again in a moment."


def slack_not_configured(missing: list[str]) -> str:
    return f"Slack is not configured: set {', '.join(missing)} (see docs/slack.md)"


# --- Slack OAuth (bot/slack/oauth): install pages and stored tokens ---

TOKEN_KEY_MISSING = (
    "the stored Slack tokens are encrypted, and MOT_TOKEN_KEY is not set: set the key they "
    "were stored with"
)
TOKEN_KEY_WRONG = (
    "MOT_TOKEN_KEY does not decrypt the stored Slack tokens: set the key they were stored "
    "with (several keys, comma-separated, newest first, while you change keys)"
)
SLACK_NOT_INSTALLED = (
    "mot-coach is not installed in this workspace (or was uninstalled, or its token cannot be "
    "read). Ask a Slack admin to install it again from the install page (/slack/install)."
)
TOKENS_UNENCRYPTED = (
    "MOT_TOKEN_KEY is not set: Slack tokens are stored unencrypted in the log's database "
    "(docs/slack.md says how to make a key)"
)
INSTALL_FAILED_TITLE = "mot-coach was not installed"
# Why an install did not finish, by Bolt's failure reason; the page links to a fresh start.
INSTALL_FAILURES = {
    "invalid_browser": (
        "This install link was not started in this browser, or it was used already. "
        "Start again from the install page, in the browser you finish in."
    ),
    "invalid_state": (
        "This install link has expired or was already used (each link works once, for "
        "10 minutes). Start again from the install page."
    ),
    "missing_code": "Slack did not send an authorization code. Start again from the install page.",
    "invalid_code": (
        "Slack did not accept the authorization code (it may have been used already, or "
        "SLACK_CLIENT_ID / SLACK_CLIENT_SECRET may be wrong). Start again from the install page."
    ),
    "storage_error": (
        "The installation could not be saved (the database is unreachable). Try again in a "
        "moment from the install page."
    ),
    "access_denied": "The installation was cancelled in Slack. Start again whenever you like.",
    "database_unreachable": (
        "mot-coach cannot reach its database just now, so the installation cannot go on. "
        "Try again in a moment."
    ),
}


def install_failed(reason: str) -> str:
    return INSTALL_FAILURES.get(
        reason, f"Slack refused the installation ({reason}). Start again from the install page."
    )


def installed(workspace: str) -> str:
    return (
        f"mot-coach is installed in {workspace}. Invite @mot-coach to your support channels "
        "(/invite @mot-coach), then try /mot-tip with a customer's message."
    )


def unwritable(target: str, reason: str) -> str:
    return f"{target}: cannot write it ({reason})"


# --- Teams (bot/teams): what a caller of POST /api/messages reads ---

TEAMS_NOT_JSON = "the body must be a Bot Framework activity sent as application/json"
TEAMS_NOT_ACTIVITY = "the body is not an activity (it needs a 'type')"
TEAMS_BAD_ACTIVITY = "the body is not a Bot Framework activity (a field has the wrong type)"
TEAMS_NO_SERVICE_URL = "the activity needs 'serviceUrl' and 'conversation'"
TEAMS_UNAUTHORIZED = "unauthorized"
TEAMS_EMULATOR_LOOPBACK_ONLY = (
    "Teams emulator mode (MOT_TEAMS_EMULATOR) answers only requests from this machine's "
    "loopback, not through a proxy; set MicrosoftAppId to serve Teams over a network"
)
TEAMS_TENANT_REFUSED = "this bot does not serve your organisation (tenant); ask its operator"
TEAMS_FAILED = "the bot could not handle this activity; see the server log"


def teams_bad_charset(charset: str) -> str:
    return f"charset {charset!r} is not supported; send the activity as UTF-8 JSON"


def teams_bad_json(reason: str) -> str:
    return f"the body is not valid JSON ({reason})"


def teams_too_large(limit: int) -> str:
    return f"the activity is larger than {limit:,} bytes"


def teams_service_url_refused(service_url: str, why: str) -> str:
    return f"refused to answer serviceUrl {service_url!r}: {why}"


TEAMS_URL_NOT_VOUCHED = (
    "it is not the serviceUrl the request's token was issued for, nor in MOT_TEAMS_SERVICE_URLS"
)
TEAMS_URL_NOT_LOOPBACK = (
    "in emulator mode the bot answers only loopback URLs (or those in MOT_TEAMS_SERVICE_URLS)"
)
