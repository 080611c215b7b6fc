"""Phone numbers written with a country code, checked against libphonenumber's metadata (the
`phonenumbers` package): the number of digits must be possible for that country, area code
included, so "+44 20", "+1 555" and "0016 964012" are not phones and "+49 30 1234" is.
bot/core/redact.py finds the candidates.

Leniency is POSSIBLE, not VALID: a "+" or "00" prefix is already strong evidence, and VALID
would drop numbers in ranges libphonenumber does not list (the fictional 555 ones included).
PhoneNumberMatcher on whole messages was measured too (bench/redaction_recall.py): it found
nothing more on the corpus and made redaction about nine times slower.
"""

from __future__ import annotations


def international_number_ok(country_code: str, trunk: str, digits: str) -> bool:
    """`country_code` as written ("+44", "0044", "+ 1"), `trunk` from "(0)" or "(555)"."""
    import phonenumbers  # loaded when a text holds a candidate, not with every redaction

    cc = country_code.replace(" ", "")
    cc = "+" + cc[2:] if cc.startswith("00") else cc
    national = ("" if trunk == "0" else trunk) + digits
    try:
        number = phonenumbers.parse(cc + national, None)
    except phonenumbers.NumberParseException:
        return False
    # IS_POSSIBLE_LOCAL_ONLY ("+1 696-4012": no area code) is a bag tag or a code, not a phone.
    reason = phonenumbers.is_possible_number_with_reason(number)
    return reason == phonenumbers.ValidationResult.IS_POSSIBLE
