"""Street-name-first addresses (German, Dutch, Spanish, Italian, Portuguese) and postcodes where
their shape is unambiguous. Number-first forms ("221B Baker Street", "12 rue de la Paix") are in
bot/core/redact.py.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

Span = tuple[int, int]

_CAP = r"[A-ZÀ-ÖØ-Þ][\wäöüßàâçéèêëîïôûùüÿñæœ'’-]*"
_NUMBER = r"[0-9]{1,4}(?:[ ]?[a-zA-Z](?![\w]))?(?:[-/][0-9]{1,4}[a-z]?)?"
_STREET_NAME_FIRST = prebuilt.compile(
    rf"""(?<![\w-])(?:
        # German and Dutch compounds: Musterstraße 12, Hauptstr. 5a, Keizersgracht 123
        {_CAP}(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|pfad
              |straat|gracht|laan|plein|kade|singel|dijk|steeg|markt)
      | (?:Am|An[ ]der|Auf[ ]dem|Im|Zum|Zur|Lange|Korte|Nieuwe|Oude)[ ]{_CAP}
        # Spanish, Italian, Portuguese: Calle Mayor 3, Via Roma 10, Rua Augusta 20
      | (?:Calle|C/|Avenida|Avda\.|Paseo|Plaza|Camino|Carrer|Ronda|Travesía|Rua|Avenida
          |Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Lungomare|Strada|Contrada)
        (?:[ ](?:de[ ]la|de[ ]los|de[ ]las|del|de|della|delle|dei|degli|di|do|da|dos|das))?
        (?:[ ]{_CAP}){{1,4}}
    ),?[ ]{_NUMBER}(?![\w.,][0-9]|[0-9])""",
    re.VERBOSE,
)
# UK postcode (Royal Mail shape); NL "1015 CJ" (not a size unit); a 5-digit code before a
# capitalised city name ("10115 Berlin", "75002 Paris", "00184 Roma").
_POSTCODES = prebuilt.compile(
    r"""(?<![\w-])(?:
        (?:[A-Z]{1,2}[0-9][A-Z0-9]?[ ][0-9][A-Z]{2})
      | (?:[1-9][0-9]{3}[ ]?(?!SA|SD|SS|MB|GB|KB|TB|PB|AM|PM|HZ|KM|CM|MM|KG|EUR|USD)[A-Z]{2})
      | (?:[0-9]{5}[ ][A-ZÀ-Þ][a-zà-ÿ]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ]+)?)
    )(?![\w-])""",
    re.VERBOSE,
)


def find_street_addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _STREET_NAME_FIRST.finditer(text):
        start, end = m.span()
        spans.append((start, end))
    return spans


def find_postcodes(text: str) -> list[Span]:
    return [m.span() for m in _POSTCODES.finditer(text)]
