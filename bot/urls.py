"""URLs that settings and channel code accept: absolute http(s), with a host, no user info."""

from __future__ import annotations

from yarl import URL  # aiohttp's URL type (a dependency of aiohttp)


def http_url(text: str | None) -> URL | None:
    """`text` parsed, if it is an absolute http(s) URL with a host and no user info; else None."""
    if not text:
        return None
    try:
        parsed = URL(text)
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https") or not parsed.host or parsed.user is not None:
        return None
    return parsed
