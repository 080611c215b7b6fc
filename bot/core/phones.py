"""Phone numbers the `phonenumbers` library (libphonenumber's metadata) calls valid.

International numbers (+CC / 00CC) in any country's format, and national numbers in the
default region's format, are matched with Leniency.VALID: the number must be a real allocated
range for its country, so "DHL 1234567890" or an ISBN is not a phone. bot/core/redact.py keeps
its own rules for shapes libphonenumber does not see in free text (contiguous UK mobiles,
numbers after "call ..." in other countries' national formats).
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

Span = tuple[int, int]
DEFAULT_REGION = "US"  # how national numbers without a +CC are read; NANP is the commonest


def find_valid_phones(text: str, region: str = DEFAULT_REGION) -> list[Span]:
    try:
        matcher = PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
        return [(m.start, m.end) for m in matcher]
    except phonenumbers.NumberParseException:  # pragma: no cover - the matcher catches its own
        return []
