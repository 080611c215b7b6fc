"""Dashboard passwords: PBKDF2-HMAC-SHA256 hashes, `pbkdf2_sha256$ROUNDS$SALT$HASH` (base64)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

DEFAULT_ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MIN_LENGTH = 8
SCHEME = "pbkdf2_sha256"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, iterations: int = DEFAULT_ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"{SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """True if `password` matches; False for a wrong password or a malformed hash."""
    try:
        scheme, rounds, salt, digest = encoded.split("$")
        iterations = int(rounds)
        if scheme != SCHEME or not 1 <= iterations <= 10_000_000:
            return False
        expected = _unb64(digest)
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(), _unb64(salt), iterations)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# Verified against for unknown users, so that a wrong name takes as long as a wrong password.
DUMMY_HASH = f"{SCHEME}$600000${_b64(b'mot-coach-dummy!')}${_b64(bytes(32))}"
