"""The facts a reply may name, read from a customer writing in Spanish, French, German or
Portuguese, where the English case reader finds none: their order number ("pedido 558120",
"commande n° 77410", "Bestellnummer 100482", "encomenda 51230"), another reference
("réservation KX7P2", "Kundennummer 4471"), an amount in the way
those languages write it ("39,90 €", "R$ 150", "150 reais") and the name they give ("me
llamo Lucía", "je m'appelle Claire", "mein Name ist Jonas", "meu nome é Ana").
"""

from __future__ import annotations

import re

from bot.core import prebuilt

_ORDER = prebuilt.compile(
    r"\b(?:pedido|encomenda|commande|bestellung|bestellnummer|auftragsnummer|auftrag)"
    r"(?:\s+(?:n[º°o]\.?|nr\.?|num[eé]ro|n[uú]mero|nummer))?(?:\s+(?:es|est|ist|é)(?=\s))?"
    r"\s*[:#]?\s*(#?[A-Z]{0,4}-?\d{4,}[A-Z0-9-]*)",
    re.IGNORECASE,
)
# Any other reference they give: a booking, a contract, a ticket, a customer number.
_REFERENCE = prebuilt.compile(
    r"\b(?:reserva|referencia|localizador|expediente|siniestro|p[oó]liza|contrato|factura|"
    r"incidencia|r[ée]servation|r[ée]f[ée]rence|dossier|contrat|facture|buchung(?:snummer)?|"
    r"referenz|kundennummer|vertragsnummer|rechnungsnummer|vorgangsnummer|aktenzeichen|"
    r"schadensnummer|protocolo|fatura|refer[êe]ncia|ticket)"
    r"(?:\s+(?:n[º°o]\.?|nr\.?|num[eé]ro|n[uú]mero|nummer))?(?:\s+(?:es|est|ist|é)(?=\s))?"
    r"\s*[:#]?\s*(#?(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,})",
    re.IGNORECASE,
)
_AMOUNT = prebuilt.compile(
    r"(?:R\$|€|£|\$)\s?\d{1,6}(?:[.,]\d{2})?\b|"
    r"\b\d{1,6}(?:[.,]\d{2})?\s?(?:€|euros?\b|eur\b|reais\b|chf\b|fr\b)",
    re.IGNORECASE,
)
_NAME = prebuilt.compile(
    r"\b(?:me llamo|mi nombre es|je m['’]appelle|mon nom est|ich hei(?:ß|ss)e|mein name ist|"
    r"meu nome [ée]|me chamo)\s+([A-ZÀ-Ý][a-zà-ÿ]+)"
)


def _first(pattern: re.Pattern, texts: list[str]) -> str | None:
    for text in texts:
        match = pattern.search(text)
        if match:
            return (match.group(1) if pattern.groups else match.group(0)).strip()
    return None


def facts_in(texts: list[str]) -> dict[str, str]:
    """{"order", "reference", "amount", "customer_name"}: the first of each they state."""
    found = {
        "order": _first(_ORDER, texts),
        "reference": _first(_REFERENCE, texts),
        "amount": _first(_AMOUNT, texts),
        "customer_name": _first(_NAME, texts),
    }
    return {slot: value for slot, value in found.items() if value}
