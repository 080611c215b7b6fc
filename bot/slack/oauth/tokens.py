"""Slack tokens at rest: encrypted with MOT_TOKEN_KEY (Fernet; several keys, newest first, let
an old key be retired), or stored as they are when no key is set.

A stored value says how it was stored: `fernet:` and the Fernet token, or the plain token. So
a database filled before a key was set still reads, and each token is encrypted when it is
next saved (at a reinstall or a token rotation).
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot import messages

PREFIX = "fernet:"


class TokenKeyError(Exception):
    """A stored token that MOT_TOKEN_KEY cannot decrypt (another key, or none set)."""


class TokenCipher:
    def __init__(self, keys: list[str]):
        self.encrypting = bool(keys)
        self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys]) if keys else None

    def seal(self, value: str | None) -> str | None:
        """The value to store: encrypted when a key is set (once: a sealed value is kept)."""
        if value is None or self._fernet is None or value.startswith(PREFIX):
            return value
        return PREFIX + self._fernet.encrypt(value.encode("utf-8")).decode("ascii")

    def open(self, value: str | None) -> str | None:
        """The token a stored value holds; TokenKeyError when no key set here decrypts it."""
        if value is None or not value.startswith(PREFIX):
            return value
        if self._fernet is None:
            raise TokenKeyError(messages.TOKEN_KEY_MISSING)
        try:
            return self._fernet.decrypt(value[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise TokenKeyError(messages.TOKEN_KEY_WRONG) from None
