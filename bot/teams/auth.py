"""Bot Framework authentication for /api/messages: CloudAdapter's, made to refuse cleanly.

With an app id, a request whose token is missing, malformed, not RS256-signed, or cannot be
verified (for instance because Microsoft's signing-key endpoint is unreachable) gets 401, never
500. Without an app id the adapter runs in emulator mode: no token is checked or sent.
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult

from bot.config import Settings

log = logging.getLogger(__name__)
# Bot Framework and Entra ID sign channel tokens with RSA keys only.
SIGNING_ALGORITHMS = frozenset({"RS256", "RS384", "RS512"})


@dataclass(frozen=True)
class BotConfig:
    """The configuration object ConfigurationBotFrameworkAuthentication reads, by its names."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str | None

    @classmethod
    def from_settings(cls, settings: Settings) -> BotConfig:
        return cls(
            APP_ID=settings.microsoft_app_id or "",
            APP_PASSWORD=settings.microsoft_app_password or "",
            APP_TYPE=settings.microsoft_app_type,
            APP_TENANTID=settings.microsoft_app_tenant_id,
        )


class Unauthorized(Exception):
    """The request's token is missing or cannot be verified; the reason is for the log only."""


def build_adapter(settings: Settings) -> CloudAdapter:
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(BotConfig.from_settings(settings)))


def token_problem(auth_header: str) -> str | None:
    """Why a bearer token cannot be a Bot Framework token, before any network call; or None."""
    scheme, _, token = auth_header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return "no bearer token"
    parts = token.strip().split(".")
    if len(parts) != 3:
        return "the token is not a JWT"
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    except ValueError:
        return "the token header is not base64 JSON"
    if not isinstance(header, dict) or header.get("alg") not in SIGNING_ALGORITHMS:
        alg = header.get("alg") if isinstance(header, dict) else None
        return f"the token is signed with {alg!r}, not RSA"
    return None


async def authenticate(
    adapter: CloudAdapter, activity: Activity, auth_header: str, app_id: str | None
) -> AuthenticateRequestResult:
    """The adapter's authentication result; raises Unauthorized on any failure with an app id."""
    if app_id:
        problem = token_problem(auth_header)
        if problem:
            raise Unauthorized(problem)
    try:
        return await adapter.bot_framework_authentication.authenticate_request(
            activity, auth_header
        )
    except Exception as exc:  # invalid signature, unreachable keys, wrong audience ...
        raise Unauthorized(f"{type(exc).__name__}: {exc}") from None
