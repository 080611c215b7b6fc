"""Reversible PII redaction for conversation text that may leave the process (e.g. to an LLM).

``redact(text)`` replaces personal data with numbered placeholders and keeps a mapping so the
originals can be put back into any text that repeats the placeholders (typically the LLM reply)::

    r = redact("Mail jane@example.com or call (555) 123-4567")
    r.text        # 'Mail [EMAIL_1] or call [PHONE_1]'
    r.restore("I'll reach [EMAIL_1] today")   # "I'll reach jane@example.com today"

Kinds, in the order they win when two detections overlap:

``email``    RFC-ish ``local@domain.tld`` (ASCII).
``iban``     Country code + check digits + BBAN, with or without single spaces; the length must
             match the country (ISO 13616 registry) and python-stdnum must validate it (mod 97
             and the country's BBAN format).
``card``     13-19 digits starting 2-6 (Visa, Mastercard, Amex, Discover, JCB, UnionPay, Maestro),
             written contiguously, as 4-4-4-4(-1..3) with one consistent space/dash separator, or
             as Amex/Diners 4-6-5 / 4-6-4; the Luhn check must pass.
``id``       National ids validated by python-stdnum (bot/core/national_ids.py): Aadhaar, Canada
             SIN, Brazil CPF/CNPJ, France NIR, Spain DNI/NIE, Italy codice fiscale, Netherlands
             BSN, UK NHS number, Germany Steuer-ID, and UK NINO (prefix rules).
``ssn``      US SSN ``AAA-GG-SSSS`` valid for python-stdnum (area not 000/666/9xx, group not 00,
             serial not 0000); the spaced and unseparated forms only right after "SSN" /
             "social security number".
``phone``    ``+CC`` / ``00CC`` numbers whose length libphonenumber (``phonenumbers``) calls
             possible for the country (bot/core/phones.py), ``(555) 123-4567``,
             NANP ``555-123-4567`` / ``555.123.4567`` / ``1-800-555-0199``, trunk-``0`` national
             numbers in consistently separated groups (UK ``07700 900123``, ``020 7946 0958``,
             FR ``01 23 45 67 89``, DE ``030 1234567``), contiguous UK mobiles ``07700900123``,
             plus an optional extension (``ext. 12``, ``x12``). Bare 10/11-digit runs and 7-digit
             local numbers count only after a phone word ("call", "phone", "mobile", "number", ...).
``address``  House number + name + street-type word ("221B Baker Street", "1600 Pennsylvania Ave
             NW", "350 5th Avenue, Suite 200"), "PO Box 123", and French "12 rue de la Paix". The
             street name must be capitalised, or one or two lower-case words (not "my", "the",
             "miles", ...) before a spelled-out type ("10 downing street"). Name-first forms
             ("Musterstraße 12", "Calle Mayor 3", "Via Roma 10", "Keizersgracht 123") and
             unambiguous postcodes ("SW1A 2AA", "1015 CJ", "10115 Berlin") are in
             bot/core/street_addresses.py. Not covered: unit-first forms ("Flat 3, ...").
``name``     Only the names the caller passes (``redact(text, names=...)``, found with
             bot.core.names.names_in); the log does so with MOT_LOG_CONTENT=none.

Deliberately left alone: order/invoice/ticket/tracking references (a number right after
"order", "order #", "invoice no.", "tracking number is", "ticket", "ref", "id", ... is never a
phone, SSN or contiguous card number), Amazon-style ``112-3456789-1234567``, UUIDs, UPS
``1Z...`` tracking numbers, dates, times, money amounts, version numbers, ``INV-2024-0042``-style
refs, IP addresses, years and short numbers, Luhn-failing 16-digit numbers.

Placeholders look like ``[EMAIL_1]``, ``[PHONE_2]``, ``[CARD_1]``, ``[IBAN_1]``, ``[ID_1]``,
``[SSN_1]``, ``[ADDRESS_1]``, ``[NAME_1]``. Within one :class:`Redaction` the same exact string
always gets the same placeholder and different strings get different numbers (values are
compared verbatim, so ``555-123-4567`` and ``(555) 123-4567`` get two placeholders; that keeps
restoring lossless).
Placeholders are matched case-insensitively (``[Email_1]`` restores too) but otherwise exactly:
``[EMAIL 1]``, ``EMAIL_1`` or ``[EMAIL_01]`` are not restored; use
:meth:`Redaction.leftover_placeholders` after restoring to catch what an LLM mangled or invented.
If the input already contains placeholder-shaped text, new placeholders skip those numbers and
``restore`` leaves the pre-existing ones untouched, so ``restore(redact(x).text) == x`` always.

Only ASCII digits count (``re.ASCII`` / ``[0-9]``). Detection is heuristic: it favours leaving
reference numbers alone over catching every bare digit string, so a bare 10-digit number with no
phone word nearby, or a lower-case "3 main street mugs", can go either way.

Precompiled patterns plus python-stdnum and phonenumbers for the checks, no I/O. Text without a
digit and without ``@`` (and no names to look for) is returned after two cheap checks; the
corpus in tests/core/data costs a median of about 34 µs per message (bench/redaction_recall.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.core import prebuilt
from bot.core.names import name_pattern
from bot.core.national_ids import find_national_ids, stdnum_valid
from bot.core.phones import international_number_ok
from bot.core.street_addresses import find_postcodes, find_street_addresses

__all__ = ["KINDS", "PLACEHOLDER_PATTERN", "Redaction", "Redactor", "redact"]

# Priority order: on overlap the earlier kind wins.
KINDS: tuple[str, ...] = ("email", "iban", "card", "id", "ssn", "phone", "address", "name")

PLACEHOLDER_PATTERN: re.Pattern[str] = prebuilt.compile(
    r"\[(EMAIL|PHONE|CARD|IBAN|ID|SSN|ADDRESS|NAME)_([0-9]+)\]", re.IGNORECASE
)

Span = tuple[int, int]

# --------------------------------------------------------------------------------------------
# Shared context checks
# --------------------------------------------------------------------------------------------

_CONTEXT_WINDOW = 48
_DIGIT = prebuilt.compile(r"[0-9]")

# A reference keyword right before a number means it is a reference, not PII: "order #",
# "Order", "tracking number is", "ref:", "invoice no.", "SKU", "id=".
_REF_KEYWORDS = (
    *("order", "orders", "invoice", "inv", "ticket", "tkt", "case", "tracking", "track", "trk"),
    *("reference", "ref", "confirmation", "conf", "booking", "reservation", "shipment"),
    *("parcel", "package", "consignment", "waybill", "awb", "sku", "serial", "sn", "transaction"),
    *("txn", "receipt", "rma", "claim", "policy", "item", "model", "part", "product", "id", "po"),
    *("voucher", "coupon", "promo", "imei", "tag", "purchase", "incident", "request", "dpci"),
    *("tcin", "upc", "ean", "isbn", "asin"),
    # the same in the languages the national ids and addresses cover
    *("rechnung", "bestellung", "auftrag", "sendung", "facture", "commande", "pedido", "factura"),
    *("fattura", "ordine", "bestelling", "factuur", "zending"),
)
_REF_SUFFIXES = ("#", "no", "no.", "nr", "nr.", "num", "num.", "number", "numbers", "id", "code")


def _reversed_alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))


# "<keyword>[ suffix][ is|was][ :#=-] $", written backwards and matched once against the reversed,
# lower-cased text before the number: one anchored attempt instead of a search over the window.
_REF_BEFORE_REVERSED = prebuilt.compile(
    rf"""[ \t]*\#?[ \t]*[#:=-]?[ \t]*
        (?:(?:si|saw)[ \t]+)?
        (?:(?:{_reversed_alternation(_REF_SUFFIXES)})[ \t]*)?
        (?:{_reversed_alternation(_REF_KEYWORDS)})(?!\w)""",
    re.VERBOSE,
)

_PHONE_CONTEXT = prebuilt.compile(
    r"\b(?:call|called|calling|phone|phoned|tel|telephone|mobile|cell|cellphone|landline|text"
    r"|texted|sms|whatsapp|fax|reach|ring|dial|contact|number|extension)\b",
    re.IGNORECASE,
)


def _is_reference(text: str, start: int) -> bool:
    before = text[max(0, start - _CONTEXT_WINDOW) : start].lower()
    return _REF_BEFORE_REVERSED.match(before[::-1]) is not None


def _has_phone_context(text: str, start: int) -> bool:
    return _PHONE_CONTEXT.search(text, max(0, start - _CONTEXT_WINDOW), start) is not None


# --------------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------------

# Anchored on each "@": the local part is matched backwards from it (search up to endpos with
# "$"), the domain forwards. Scanning every word start for a local part is several times slower.
_EMAIL_LOCAL = prebuilt.compile(r"(?<![\w.%+-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$", re.ASCII)
_EMAIL_DOMAIN = prebuilt.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])",
    re.ASCII,
)


def _find_emails(text: str) -> list[Span]:
    spans: list[Span] = []
    at = text.find("@", 1)
    while at != -1:
        local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1) if local else None
        if local and domain:
            spans.append((local.start(), domain.end()))
        at = text.find("@", at + 1)
    return spans


# --------------------------------------------------------------------------------------------
# IBAN
# --------------------------------------------------------------------------------------------

# ISO 13616 registry (SWIFT), country -> total length.
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# A greedy candidate whose exact end is fixed by the country's length in _find_ibans. The scan
# looks for the check digits first (much rarer than letters) and looks back for the country.
_IBAN = prebuilt.compile(
    r"[0-9]{2}(?<=(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2})(?:[ ]?[A-Za-z0-9]){11,30}", re.ASCII
)


def _iban_valid(iban: str) -> bool:
    # python-stdnum checks mod 97 and the country's BBAN format.
    return stdnum_valid("iban", iban)


def _find_ibans(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    while (m := _IBAN.search(text, pos)) is not None:
        start = m.start() - 2
        pos = start + 3
        length = _IBAN_LENGTHS.get(text[start : start + 2].upper())
        if length is None:
            continue
        chars: list[str] = []
        i, stop = start, m.end()
        while i < stop and len(chars) < length:
            if text[i] != " ":
                chars.append(text[i])
            i += 1
        if len(chars) < length or (i < len(text) and text[i].isalnum()):
            continue
        if _iban_valid("".join(chars).upper()):
            spans.append((start, i))
            pos = i
    return spans


# --------------------------------------------------------------------------------------------
# Payment cards
# --------------------------------------------------------------------------------------------

# The first digit comes before the look-behind so the engine can skip ahead to candidates.
_CARD = prebuilt.compile(
    r"""[2-6](?<![\w/.,@$€£+-][2-6])
        (?:
            [0-9]{12,18}                                                        # contiguous
          | [0-9]{3}(?P<s>[ -])[0-9]{4}(?P=s)[0-9]{4}(?P=s)[0-9]{4}(?P<tail>(?P=s)[0-9]{1,3})?
          | (?<=3)[0-9]{3}(?P<a>[ -])[0-9]{6}(?P=a)[0-9]{4,5}                   # Amex, Diners
        )
        (?![\w@]|[.,/-][0-9])""",
    re.VERBOSE | re.ASCII,
)


def _luhn_ok(digits: str) -> bool:
    return stdnum_valid("luhn", digits)


def _find_cards(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _CARD.finditer(text):
        start, end = m.span()
        sep = m["s"] or m["a"]
        if sep is None:
            if _luhn_ok(m[0]) and not _is_reference(text, start):
                spans.append((start, end))
        elif _luhn_ok(m[0].replace(sep, "")):
            spans.append((start, end))
        elif m["tail"] and sep == " ":
            # "4111 1111 1111 1111 2 cards": the trailing group may not belong to the card.
            end = m.start("tail")
            if _luhn_ok(text[start:end].replace(sep, "")):
                spans.append((start, end))
    return spans


# --------------------------------------------------------------------------------------------
# US Social Security numbers
# --------------------------------------------------------------------------------------------

_SSN = prebuilt.compile(
    r"[0-9](?<![\w/.,#+-][0-9])[0-9]{2}-([0-9]{2})-([0-9]{4})(?![\w-]|[.,/][0-9])", re.ASCII
)
_SSN_LABELLED = prebuilt.compile(
    r"""\b(?:ssn|social[ ]security(?:[ ](?:number|no\.?))?)(?:[ ]?(?:\#|no\.?|number))?
        [ ]?(?:is[ ]|[:=][ ]?)?                  # bounded spaces: no quadratic backtracking
        (?P<v>([0-9]{3})([ -]?)([0-9]{2})\3([0-9]{4}))(?![\w-]|[.,/][0-9])""",
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)


def _ssn_parts_ok(area: str, group: str, serial: str) -> bool:
    # python-stdnum: no 000/666/9xx area, 00 group or 0000 serial, and no advertised numbers.
    return stdnum_valid("us.ssn", area + group + serial)


def _find_ssns(text: str) -> list[Span]:
    spans: list[Span] = []
    if "-" in text:
        for m in _SSN.finditer(text):
            start = m.start()
            if not _ssn_parts_ok(text[start : start + 3], m[1], m[2]):
                continue
            if not _is_reference(text, start):
                spans.append(m.span())
    lowered = text.lower()
    if "ssn" in lowered or "social security" in lowered:
        for m in _SSN_LABELLED.finditer(text):
            if _ssn_parts_ok(m[2], m[4], m[5]):
                spans.append(m.span("v"))
    return spans


# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

_PHONE = prebuilt.compile(
    r"""(?=[+(0-9][0-9 ().+-]{6})            # cheap pre-check: 7+ phone-ish chars
        (?<![\w+\#/,@$€£%-])(?<![0-9]\.)       # "hold...919-675-0985" is fine, "1.5" is not
        (?![0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9]))  # ISO date
        (?:
            (?P<cc>(?:\+|00)[ ]?[1-9][0-9]{0,2})       # +44 / 0044
            (?:[ .-]?\((?P<trunk>[0-9]{1,5})\))?       # +44 (0)20 / +1 (555)
            [ .-]?
          | (?P<paren>(?:1[ .-]?)?\([0-9]{2,5}\))[ .-]?  # (555) / 1 (800)
        )?
        (?P<groups>[0-9]{1,15}(?:[ .-][0-9]{1,15}){0,7})
        (?P<ext>[ ]?,?[ ]?(?i:ext|extn|extension|x)\.?:?[ ]?[0-9]{1,6})?
        (?![\w@]|[.,:/-][0-9])""",
    re.VERBOSE | re.ASCII,
)
# Where a phone may start. Beginning with a character class lets the engine skip straight to
# candidates; _PHONE (whose first item is a look-ahead) is then only tried there.
_PHONE_START = prebuilt.compile(
    r"[+(0-9](?<![\w+\#/,@$€£%-].)(?<![0-9]\..)(?=[0-9 ().+-]{6})", re.ASCII
)
_GROUP = prebuilt.compile(r"[0-9]+")


def _looks_like_date(sizes: list[int], groups: list[str]) -> bool:
    return len(sizes) >= 3 and sizes[:3] == [2, 2, 4] and groups[2][:2] in ("19", "20")


def _phone_groups_ok(text: str, start: int, m: re.Match[str], groups: list[str], seps: str) -> bool:
    sizes = [len(g) for g in groups]
    digits = sum(sizes)
    if m["cc"]:
        return international_number_ok(m["cc"], m["trunk"] or "", "".join(groups))
    if m["paren"]:
        inner = m["paren"][m["paren"].index("(") + 1 : -1]
        return 10 <= len(inner) + digits <= 12 and sizes[-1] >= 3
    first = groups[0]
    if len(groups) == 1:
        if digits == 11 and first.startswith("07"):
            return True  # UK mobile
        return (
            (digits == 10 and first[0] in "23456789") or (digits == 11 and first[0] in "01")
        ) and _has_phone_context(text, start)
    if sizes == [3, 3, 4] and first[0] in "23456789":
        return True  # NANP 555-123-4567
    if sizes == [1, 3, 3, 4] and first == "1" and groups[1][0] in "23456789":
        return True  # 1-800-555-0199
    if (
        first[0] == "0"
        and first[:2] != "00"
        and 10 <= digits <= 12
        and min(sizes) >= 2
        and len(set(seps)) == 1
    ):
        return True  # trunk-0 national numbers: 07700 900123, 020 7946 0958, 01 23 45 67 89
    return sizes == [3, 4] and _has_phone_context(text, start)  # local 555-0199


def _find_phones(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    while (candidate := _PHONE_START.search(text, pos)) is not None:
        start = candidate.start()
        pos = start + 1
        m = _PHONE.match(text, start)
        if m is None:
            continue
        gstart = m.start("groups")
        if not (m["cc"] or m["paren"]) and m["groups"].isdigit():
            # One contiguous run: decided without the group bookkeeping below.
            run = m["groups"]
            if _phone_groups_ok(text, start, m, [run], "") and not _is_reference(text, start):
                spans.append(m.span())
            pos = m.end()
            continue
        found = list(_GROUP.finditer(m["groups"]))
        groups = [g[0] for g in found]
        if not (m["cc"] or m["paren"]) and _looks_like_date([len(g) for g in groups], groups):
            pos = gstart + found[2].end()  # "01 05 2024 10 30": not a phone, nor is "05 2024 ..."
            continue
        body = m["groups"]
        seps = "".join(body[found[i - 1].end() : found[i].start()] for i in range(1, len(found)))
        # Longest valid prefix of the groups; trailing groups may only be dropped at a space.
        for k in range(len(groups), 0, -1):
            if k < len(groups) and seps[k - 1] != " ":
                continue
            if _phone_groups_ok(text, start, m, groups[:k], seps[: k - 1]):
                end = m.end() if k == len(groups) else gstart + found[k - 1].end()
                if not _is_reference(text, start):
                    spans.append((start, end))
                    pos = end
                break
        if pos == start + 1:
            # Rejected: a later space-separated group may still start a phone ("2 555-123-4567").
            space = text.find(" ", start + 1, m.end())
            pos = space + 1 if space != -1 else m.end()
    return spans


# --------------------------------------------------------------------------------------------
# Street addresses
# --------------------------------------------------------------------------------------------

_STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl"
    "|Terrace|Terr|Crescent|Cres|Close|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail"
    "|Trl|Mews|Grove|Gardens|Gdns|Alley|Plaza|Row"
)


def _first_letter_alternation(words: str) -> str:
    """``Street|St|Road`` -> ``[Ss](?i:treet|t)|[Rr](?i:oad)``: far fewer failed attempts."""
    tails: dict[str, list[str]] = {}
    for word in words.split("|"):
        tails.setdefault(word[0].upper(), []).append(word[1:])
    return "|".join(
        f"[{first}{first.lower()}](?i:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for first, rest in tails.items()
    )


# Street types a lower-case address may end with ("10 downing street"); short or everyday words
# ("way", "drive", "close", "place", "st") would turn too many sentences into addresses.
_LOWER_OK_TYPES = frozenset(
    ("street", "road", "avenue", "lane", "boulevard", "terrace", "crescent", "parkway", "highway")
)
# Words that make "2 dogs on my street" or "5 miles down the road" prose, not an address.
_STOP_WORDS = frozenset(
    (
        *("a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that"),
        *("these", "those", "on", "in", "at", "of", "to", "for", "from", "by", "with", "and"),
        *("or", "but", "down", "up", "across", "along", "off", "other", "wrong", "same"),
        *("different", "next", "last", "first", "more", "few", "many", "each", "every", "per"),
        *("side", "busy", "quiet", "new", "old", "times", "days", "weeks", "months", "years"),
        *("hours", "minutes", "items", "blocks", "miles", "km", "houses", "doors", "streets"),
        *("roads", "is", "are", "was", "were", "be", "been", "it", "i", "you", "we", "they"),
        *("he", "she"),
    )
)

_UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised street-name word: "Baker", "O'Connell", "St.", "5th".
_CAP_WORD = rf"(?:[{_UPPER}][A-Za-z]{{0,2}}\.|[{_UPPER}][\w'’-]*|[0-9]{{1,3}}(?i:st|nd|rd|th))"
_LOWER_WORD = r"[^\W\d_][\w'’-]*"
_FR_WORD = rf"(?i:(?:de|du|des|la|le|les)[ ]+|[ld]['’])*[{_UPPER}][\w'’-]*"
_UNIT = r"(?i:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|\#)"
# Case-sensitive except where marked (?i:...): a global IGNORECASE makes the scan slower, and the
# two name branches let prose like "2 jackets 3 days" fail at its first word.
_ADDRESS = prebuilt.compile(
    rf"""[0-9](?<![\w\#$€£.,/:+-][0-9])[0-9]{{0,4}}                   # house number
        (?:
            [A-Za-z]?(?:[-–][0-9]{{1,5}}[A-Za-z]?)?,?[ ]+                # 221B, 12-14
            (?:
                (?P<name>(?:{_CAP_WORD}[ ]+){{1,4}}?)                     # Baker Street
                (?:{_first_letter_alternation(_STREET_TYPES)})
              | (?P<lower>(?:{_LOWER_WORD}[ ]+){{1,2}}?)                  # downing street
                (?i:{"|".join(sorted(_LOWER_OK_TYPES))})
            )
            \b\.?
            (?:[ ]+(?:NW|NE|SW|SE|N|S|E|W)(?![\w-])\.?)?                  # NW, not "E-mail"
            (?:,?[ ]+{_UNIT}\.?[ ]*[0-9][0-9A-Za-z]{{0,4}}\b)?                # Suite 200
          | (?i:[ ]?(?:bis|ter))?,?[ ]+                                    # 12 rue de la Paix
            (?i:rue|avenue|boulevard|bd|place|all[ée]e|impasse|chemin|quai|cours|route)[ ]+
            {_FR_WORD}(?:[ ]+{_FR_WORD})*
        )""",
    re.VERBOSE,
)
_PO_BOX = prebuilt.compile(r"(?<![\w.])P\.?[ ]?O\.?[ ]?Box[ ]+[0-9]{1,6}\b", re.IGNORECASE)


def _address_ok(m: re.Match[str]) -> bool:
    if m["name"] is not None:
        # "at 5 PM Dr Jones will call" is a time and a title.
        return not any(w.rstrip(".").lower() in ("am", "pm") for w in m["name"].split())
    if m["lower"] is not None:
        return not any(w.lower() in _STOP_WORDS for w in m["lower"].split())
    return True  # French form


def _find_addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _ADDRESS.finditer(text):
        if _address_ok(m):
            start, end = m.span()
            # A final "." is left outside: it usually ends the sentence ("... Baker Street.").
            spans.append((start, end - 1 if text[end - 1] == "." else end))
    if "box" in text.lower():
        spans.extend(m.span() for m in _PO_BOX.finditer(text))
    spans.extend(find_street_addresses(text))
    spans.extend(find_postcodes(text))
    return spans


def _find_ids(text: str) -> list[Span]:
    return find_national_ids(text, _is_reference)


# --------------------------------------------------------------------------------------------
# Redaction result and the redactor
# --------------------------------------------------------------------------------------------

_DETECTORS: dict[str, tuple[Callable[[str], list[Span]], bool]] = {
    # kind: (finder, needs a digit)
    "email": (_find_emails, False),
    "iban": (_find_ibans, True),
    "card": (_find_cards, True),
    "id": (_find_ids, True),
    "ssn": (_find_ssns, True),
    "phone": (_find_phones, True),
    "address": (_find_addresses, True),
}


def _placeholder_key(m: re.Match[str]) -> str:
    return f"[{m[1].upper()}_{m[2]}]"


@dataclass
class Redaction:
    """Redacted text plus what it takes to undo it."""

    text: str
    mapping: dict[str, str] = field(default_factory=dict)  # "[EMAIL_1]" -> "jane@example.com"

    def restore(self, text: str) -> str:
        """Put the original values back wherever a known placeholder appears in ``text``.

        Matching is case-insensitive (``[email_1]`` works); unknown placeholders stay as they are.
        """
        if not self.mapping or "[" not in text:
            return text
        mapping = self.mapping
        return PLACEHOLDER_PATTERN.sub(lambda m: mapping.get(_placeholder_key(m), m[0]), text)

    def leftover_placeholders(self, text: str) -> list[str]:
        """Placeholder-shaped strings in ``text``, known or not, in order of first appearance."""
        if "[" not in text:
            return []
        return list(dict.fromkeys(m[0] for m in PLACEHOLDER_PATTERN.finditer(text)))

    @property
    def counts(self) -> dict[str, int]:
        """Kind -> number of distinct values redacted, e.g. ``{"email": 1, "phone": 2}``."""
        counts: dict[str, int] = {}
        for placeholder in self.mapping:
            kind = placeholder[1 : placeholder.rindex("_")].lower()
            counts[kind] = counts.get(kind, 0) + 1
        return counts


class _Session:
    """Placeholder allocation shared by every text of one request."""

    __slots__ = ("by_value", "mapping", "next_number", "reserved")

    def __init__(self, texts: Iterable[str]) -> None:
        self.mapping: dict[str, str] = {}
        self.by_value: dict[tuple[str, str], str] = {}
        self.next_number: dict[str, int] = {}
        # Placeholder-shaped text already in the input must not be reused, or restore would
        # replace it with something that was never there.
        self.reserved = {
            _placeholder_key(m)
            for text in texts
            if "[" in text
            for m in PLACEHOLDER_PATTERN.finditer(text)
        }

    def placeholder(self, kind: str, value: str) -> str:
        key = (kind, value)
        existing = self.by_value.get(key)
        if existing is not None:
            return existing
        number = self.next_number.get(kind, 0)
        while True:
            number += 1
            placeholder = f"[{kind.upper()}_{number}]"
            if placeholder not in self.reserved:
                break
        self.next_number[kind] = number
        self.by_value[key] = placeholder
        self.mapping[placeholder] = value
        return placeholder


class Redactor:
    """Finds and replaces PII. ``kinds`` limits detection (default: all of :data:`KINDS`)."""

    def __init__(self, kinds: Iterable[str] | None = None) -> None:
        if isinstance(kinds, str):
            kinds = (kinds,)
        wanted = set(KINDS) if kinds is None else {k.lower() for k in kinds}
        unknown = wanted - set(KINDS)
        if unknown:
            raise ValueError(
                f"unknown redaction kind(s) {', '.join(sorted(unknown))}; "
                f"choose from {', '.join(KINDS)}"
            )
        self.kinds: tuple[str, ...] = tuple(k for k in KINDS if k in wanted)
        self._detectors = [(k, *_DETECTORS[k]) for k in self.kinds if k in _DETECTORS]

    def redact(self, text: str, names: Iterable[str] = ()) -> Redaction:
        """``names``: people's names to replace as ``[NAME_n]`` (see bot.core.names.names_in)."""
        session = _Session((text,))
        return Redaction(self._redact_into(text, session, self._names(names)), session.mapping)

    def redact_many(
        self, texts: list[str], names: Iterable[str] = ()
    ) -> tuple[list[str], Redaction]:
        """Redact a whole conversation with one mapping: a value gets one placeholder everywhere.

        The returned :class:`Redaction` holds that mapping; its ``text`` is the redacted texts
        joined with newlines.
        """
        texts = list(texts)
        session = _Session(texts)
        pattern = self._names(names)
        out = [self._redact_into(text, session, pattern) for text in texts]
        return out, Redaction("\n".join(out), session.mapping)

    def _names(self, names: Iterable[str]) -> re.Pattern[str] | None:
        return name_pattern(names) if "name" in self.kinds else None

    def _spans(self, text: str, names: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
        has_digit = _DIGIT.search(text) is not None
        detectors = self._detectors
        if names is not None:
            detectors = [
                *detectors,
                ("name", lambda t: [m.span() for m in names.finditer(t)], False),
            ]
        elif not has_digit and "@" not in text:
            return []
        # Accepted spans never overlap, so sorted by start they are sorted by end too; a new span
        # overlaps iff the last accepted span starting before its end reaches past its start.
        starts: list[int] = []
        accepted: list[tuple[int, int, str]] = []
        for kind, finder, needs_digit in detectors:
            if needs_digit and not has_digit:
                continue
            for start, end in finder(text):
                i = bisect_left(starts, end)
                if i and accepted[i - 1][1] > start:
                    continue  # overlaps a span of a higher-priority kind (or of the same kind)
                starts.insert(i, start)
                accepted.insert(i, (start, end, kind))
        return accepted

    def _redact_into(self, text: str, session: _Session, names: re.Pattern[str] | None) -> str:
        spans = self._spans(text, names)
        if not spans:
            return text
        parts: list[str] = []
        pos = 0
        for start, end, kind in spans:
            parts.append(text[pos:start])
            parts.append(session.placeholder(kind, text[start:end]))
            pos = end
        parts.append(text[pos:])
        return "".join(parts)


_DEFAULT = Redactor()


def redact(text: str, names: Iterable[str] = ()) -> Redaction:
    """Redact every kind of PII in ``text`` (and ``names``) with the default :class:`Redactor`."""
    return _DEFAULT.redact(text, names)
