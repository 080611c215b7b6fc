"""Who may use /api/messages, and which `serviceUrl` a turn may answer: checked before the bot
runs, so a refused request makes no outbound call, no log record and no stored reference.

- With `MicrosoftAppId`: the Bot Framework token must verify, and the activity's `serviceUrl`
  must be the one the token vouches for (its `serviceurl` claim) or be allow-listed
  (`MOT_TEAMS_SERVICE_URLS`). Tokens without the claim (the Emulator's, skills') need the list.
- Emulator mode (`MOT_TEAMS_EMULATOR`, no app id): only loopback peers, not through a proxy,
  and only loopback (or allow-listed) `serviceUrl`s.
- `MOT_TEAMS_TENANTS`: when set, only activities of those tenants are served; any other (or
  one that names no tenant) is refused before authentication, so it costs no call at all.
See bot/teams/service_urls.py for how URLs are compared.
"""

from __future__ import annotations

import copy
import logging

from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult

from bot import messages
from bot.teams.activities import place_of
from bot.teams.auth import Unauthorized, authenticate
from bot.teams.service_urls import ServiceUrlPolicy, is_loopback_peer

log = logging.getLogger(__name__)
SERVICE_URL_CLAIM = "serviceurl"
# A request carrying any of these came through a proxy: its peer address says nothing.
PROXY_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP")


class Refused(Exception):
    """A request answered with `status` and `message` (for the caller) before the bot runs."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def check_emulator_peer(request: web.Request) -> None:
    """Emulator mode: only a direct connection from this machine's loopback."""
    proxied = any(name in request.headers for name in PROXY_HEADERS)
    if proxied or not is_loopback_peer(request.remote):
        log.warning("Teams emulator mode: refused a request from %s", request.remote)
        raise Refused(403, messages.TEAMS_EMULATOR_LOOPBACK_ONLY)


def check_tenant(activity: Activity, allowed: list[str]) -> None:
    """Refuse an activity from a tenant outside MOT_TEAMS_TENANTS (when it is set)."""
    if not allowed:
        return
    tenant = place_of(activity).tenant
    if tenant not in allowed:
        log.warning(
            "Teams: refused an activity from tenant %s, which is not in MOT_TEAMS_TENANTS",
            tenant or "(none named)",
        )
        raise Refused(403, messages.TEAMS_TENANT_REFUSED)


def _refuse_service_url(activity: Activity, why: str) -> Refused:
    log.warning("Teams: refused to answer serviceUrl %r (%s)", activity.service_url, why)
    return Refused(403, messages.teams_service_url_refused(activity.service_url, why))


async def admit(
    adapter: CloudAdapter,
    activity: Activity,
    auth_header: str,
    app_id: str | None,
    policy: ServiceUrlPolicy,
) -> AuthenticateRequestResult:
    """The adapter's authentication result for an admitted activity; raises Refused otherwise."""
    url = activity.service_url
    if not app_id and not policy.allows(url):  # emulator mode: the peer was checked already
        raise _refuse_service_url(activity, messages.TEAMS_URL_NOT_LOOPBACK)
    # Bot Framework verifies the token (signature, issuer, audience, endorsements); the
    # serviceUrl is withheld from it and checked below against the verified claim, so that a
    # mismatch gets its own clear 403 rather than a bare 401.
    unchecked_url = copy.copy(activity)
    unchecked_url.service_url = None
    if not app_id:
        auth_header = ""  # anonymous: a token would only make the adapter fetch Microsoft's keys
    try:
        auth = await authenticate(adapter, unchecked_url, auth_header, app_id)
    except Unauthorized as exc:
        log.warning("Teams: refused a request: %s", exc)
        raise Refused(401, messages.TEAMS_UNAUTHORIZED) from None
    if not app_id:
        return auth
    vouched = auth.claims_identity.get_claim_value(SERVICE_URL_CLAIM)
    if not policy.allows(url, vouched=vouched):
        raise _refuse_service_url(activity, messages.TEAMS_URL_NOT_VOUCHED)
    return auth
