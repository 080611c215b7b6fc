"""The app's two icons as PNG bytes, drawn with the standard library (zlib, struct).

Teams wants a 192x192 full-colour icon and a 32x32 outline icon: white on transparent.
"""

from __future__ import annotations

import struct
import zlib

ACCENT = (0x2B, 0x57, 0x9A)  # the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF)


def png(width: int, height: int, pixel) -> bytes:
    """An RGBA PNG; `pixel(x, y)` gives (r, g, b, a)."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _ring(x: int, y: int, size: int, outer: float, inner: float) -> bool:
    """True on a ring (a speech bubble's outline, roughly) centred in the square."""
    centre = (size - 1) / 2
    distance = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5
    return inner * size <= distance <= outer * size


def color_icon(size: int = 192) -> bytes:
    def pixel(x, y):
        return (*WHITE, 255) if _ring(x, y, size, 0.36, 0.26) else (*ACCENT, 255)

    return png(size, size, pixel)


def outline_icon(size: int = 32) -> bytes:
    def pixel(x, y):
        return (*WHITE, 255) if _ring(x, y, size, 0.46, 0.34) else (0, 0, 0, 0)

    return png(size, size, pixel)
