"""The Slack Web API client: SLACK_API_URL as its base, with Slack's rate-limit retry handler."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings

RATE_LIMIT_RETRIES = 3


def web_client(settings: Settings, token: str | None = None) -> AsyncWebClient:
    """A client with `token`, else SLACK_BOT_TOKEN (none in OAuth mode: Bolt adds each
    request's workspace token to its own copy)."""
    base_url = settings.slack_api_url
    if not base_url.endswith("/"):
        base_url += "/"
    client = AsyncWebClient(token=token or settings.slack_bot_token, base_url=base_url, timeout=10)
    client.retry_handlers.append(
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)
    )
    return client
