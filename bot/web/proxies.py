"""Requests through a reverse proxy the operator trusts (MOT_TRUSTED_PROXIES).

From a trusted peer, X-Forwarded-For names the client (the nearest address, counting from the
right, that is not itself a trusted proxy) and X-Forwarded-Proto the scheme (the value the
nearest proxy added), so `request.remote` is the client for the login limit and
`request.secure` is true behind an HTTPS proxy (Secure cookies). From any other peer both
headers are ignored.

Hand-written on the standard library's `ipaddress`: aiohttp-remotes' `XForwardedStrict` refuses
every request from a peer outside its list (a direct health check, say) instead of ignoring the
headers, and `XForwardedRelaxed` trusts any peer.
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network, ip_address

from aiohttp import web

from bot.web.keys import SETTINGS

Networks = list[IPv4Network | IPv6Network]


def _ip(address: str | None) -> str | None:
    try:
        return str(ip_address(address or ""))
    except ValueError:
        return None


def _trusted(address: str | None, networks: Networks) -> bool:
    ip = _ip(address)
    return ip is not None and any(ip_address(ip) in network for network in networks)


def _values(header: str | None) -> list[str]:
    return [value.strip() for value in (header or "").split(",") if value.strip()]


def forwarded_client(
    peer: str | None, headers, networks: Networks
) -> tuple[str | None, str | None]:
    """(client address, scheme) as the trusted proxies tell them; (peer, None) otherwise."""
    if not networks or not _trusted(peer, networks):
        return peer, None
    client = peer
    for hop in reversed(_values(headers.get("X-Forwarded-For"))):
        if not _trusted(hop, networks):
            client = _ip(hop) or client  # garbled: keep the nearest proxy that said so
            break
        client = hop
    schemes = _values(headers.get("X-Forwarded-Proto"))
    scheme = schemes[-1].lower() if schemes and schemes[-1].lower() in ("http", "https") else None
    return client, scheme


@web.middleware
async def trusted_proxy_headers(request: web.Request, handler):
    networks = request.app[SETTINGS].mot_trusted_proxies
    if not networks:
        return await handler(request)
    client, scheme = forwarded_client(request.remote, request.headers, networks)
    changes = {"remote": client} if client != request.remote else {}
    if scheme and scheme != request.scheme:
        changes["scheme"] = scheme
    return await handler(request.clone(**changes) if changes else request)
