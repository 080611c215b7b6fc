"""URLs that settings and channel code accept: absolute http(s), with a host, no user info."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yarl import URL


def http_url(text: str | None) -> URL | None:
    """`text` parsed, if it is an absolute http(s) URL with a host and no user info; else None."""
    if not text:
        return None
    from yarl import URL  # aiohttp's URL type; loaded when a setting or request has a URL

    try:
        parsed = URL(text)
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https") or not parsed.host or parsed.user is not None:
        return None
    return parsed
