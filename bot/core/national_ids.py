"""National identity numbers, found with loose patterns and kept only when python-stdnum
validates them (check digits), so that order, ticket and tracking numbers stay as they are.

Numbers whose check is strong (two check digits, a check letter, or a distinctive shape) are
redacted wherever they appear: Brazil CPF and CNPJ, France NIR, Spain DNI and NIE, Italy codice
fiscale, UK National Insurance numbers. One-check-digit numbers of a common length (India Aadhaar,
Canada SIN, Netherlands BSN, UK NHS number, Germany Steuer-ID) pass the check about one time in
ten by chance, so they count only after a word that names them ("Aadhaar", "SIN", "BSN" ...).
US SSNs are bot/core/redact.py's own kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from importlib import import_module

from bot.core import prebuilt

Span = tuple[int, int]
_WINDOW = 60  # characters before a number searched for the word that names it

# Digit groups joined by single separators: "528.907.866-50", "7260 1815 9082",
# "53.888.539/0001-95".
_DIGIT_RUN = prebuilt.compile(
    r"(?<![\w.,/+-])[0-9](?:[0-9]|[ .\-/](?=[0-9])){7,20}(?![\w@]|[.,/-][0-9])", re.ASCII
)
_LETTER_IDS = prebuilt.compile(
    r"""(?<![\w-])(?:
        [0-9]{8}[ -]?[A-Za-z]                                  # DNI 12345678Z
      | [XYZxyz][ -]?[0-9]{7}[ -]?[A-Za-z]                     # NIE X1234567L
      | [A-Za-z]{6}[0-9]{2}[A-Za-z][0-9]{2}[A-Za-z][0-9]{3}[A-Za-z]  # codice fiscale
    )(?![\w-])""",
    re.VERBOSE | re.ASCII,
)
# UK NINO: python-stdnum has no module for it, so HMRC's prefix rules are written out here.
_NINO = prebuilt.compile(
    r"(?<![\w-])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[A-D](?![\w-])",
    re.ASCII,
)


def stdnum_valid(module: str, number: str) -> bool:
    """python-stdnum's check for `module` ("iban", "ca.sin"), loaded when a candidate is met."""
    return import_module(f"stdnum.{module}").is_valid(number)


def _check(module: str) -> Callable[[str], bool]:
    return partial(stdnum_valid, module)


def _named(*words: str) -> re.Pattern[str]:
    return prebuilt.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


# digits -> [(validator, the words that must come before it, or None when the check is strong)]
_BY_LENGTH: dict[int, list[tuple[Callable[[str], bool], re.Pattern[str] | None]]] = {
    9: [
        (_check("ca.sin"), _named("sin", "social insurance", "nas", "assurance sociale")),
        (_check("nl.bsn"), _named("bsn", "burgerservicenummer", "sofi")),
    ],
    10: [(_check("gb.nhs"), _named("nhs"))],
    11: [
        (_check("br.cpf"), None),
        (_check("de.idnr"), _named(r"steuer-?id", "idnr", r"\w*identifikationsnummer", "tin")),
    ],
    12: [(_check("in_.aadhaar"), _named("aadhaa?r", "uid", "kyc", "uidai"))],
    14: [(_check("br.cnpj"), None)],
    15: [(_check("fr.nir"), None)],
}


_SEPARATORS = str.maketrans("", "", " .-/")


def _digit_id_ok(text: str, start: int, digits: str) -> bool:
    for valid, named_by in _BY_LENGTH.get(len(digits), ()):
        if not valid(digits):
            continue
        if named_by is None or named_by.search(text, max(0, start - _WINDOW), start):
            return True
    return False


def _letter_id_ok(value: str) -> bool:
    compact = value.replace(" ", "").replace("-", "").upper()
    return any(stdnum_valid(module, compact) for module in ("es.dni", "es.nie", "it.codicefiscale"))


def find_national_ids(text: str, is_reference: Callable[[str, int], bool]) -> list[Span]:
    """Spans of validated national ids; `is_reference` vetoes numbers right after "order" etc."""
    spans: list[Span] = []
    for m in _DIGIT_RUN.finditer(text):
        digits = m[0].translate(_SEPARATORS)
        if len(digits) not in _BY_LENGTH or not _digit_id_ok(text, m.start(), digits):
            continue
        if not is_reference(text, m.start()):
            spans.append(m.span())
    for m in _LETTER_IDS.finditer(text):
        if _letter_id_ok(m[0]) and not is_reference(text, m.start()):
            spans.append(m.span())
    spans.extend(m.span() for m in _NINO.finditer(text))
    return spans
