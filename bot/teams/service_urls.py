"""Which Bot Connector `serviceUrl`s the bot may call, and which peers may talk to it anonymously.

Every reply, card and proactive message goes to a `serviceUrl` that the caller names. It is called
only when one of these vouches for it:
- Bot Framework authentication: the verified token's `serviceurl` claim is exactly that URL;
- the allow-list `MOT_TEAMS_SERVICE_URLS` (URL prefixes: same scheme, host and port, and a path
  under the prefix's path);
- emulator mode (`MOT_TEAMS_EMULATOR`): a loopback URL (127.0.0.0/8, ::1 or `localhost`).

Hosts are compared as written, never resolved: a name that resolves to loopback is not loopback
here, so DNS cannot turn a refused URL into an allowed one.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from bot.config import Settings
from bot.urls import http_url

LOOPBACK_NAMES = frozenset({"localhost"})


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host.lower().rstrip(".") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str | None) -> bool:
    parsed = http_url(url)
    return parsed is not None and is_loopback_host(parsed.host)


def is_loopback_peer(remote: str | None) -> bool:
    """The peer address aiohttp reports (`request.remote`) is on this machine's loopback."""
    try:
        address = ipaddress.ip_address(remote or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


def under_prefix(url: str | None, prefix: str) -> bool:
    """`url` is `prefix` or below it: same scheme, host and port, and a path under its path."""
    target, base = http_url(url), http_url(prefix)
    if target is None or base is None:
        return False
    if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
        return False
    folder = base.path.rstrip("/")
    return target.path == folder or target.path.startswith(folder + "/")


@dataclass(frozen=True)
class ServiceUrlPolicy:
    allowed_prefixes: tuple[str, ...] = ()
    loopback_allowed: bool = False  # emulator mode

    @classmethod
    def from_settings(cls, settings: Settings) -> ServiceUrlPolicy:
        return cls(
            tuple(settings.mot_teams_service_urls),
            loopback_allowed=settings.mot_teams_emulator and not settings.microsoft_app_id,
        )

    def allows(self, url: str | None, vouched: str | None = None) -> bool:
        """May the bot call `url`? `vouched` is the URL a verified token (or turn) vouches for."""
        if http_url(url) is None:
            return False
        if vouched and url == vouched:
            return True
        if self.loopback_allowed and is_loopback_url(url):
            return True
        return any(under_prefix(url, prefix) for prefix in self.allowed_prefixes)
