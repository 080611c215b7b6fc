"""PII redaction: a corpus of true and false positives, round trips and the mapping API."""

from __future__ import annotations

import time

import pytest

from bot.core.redact import KINDS, PLACEHOLDER_PATTERN, Redaction, Redactor, redact

P = pytest.param

# (text, expected redacted text). An expected text equal to the input means "leave it alone".
TRUE_POSITIVES = [
    # --- email
    P(
        "Please send the receipt to jane.doe+billing@example.co.uk, thanks!",
        "Please send the receipt to [EMAIL_1], thanks!",
        id="email-plus-subdomain",
    ),
    P(
        "Contact: <J.Smith@Example.COM>. My old one was j_smith99@mail-host.org.",
        "Contact: <[EMAIL_1]>. My old one was [EMAIL_2].",
        id="email-brackets-and-sentence-end",
    ),
    P("@support ping bob@x.io", "@support ping [EMAIL_1]", id="email-after-slack-handle"),
    # --- phone
    P("You can call me on +44 20 7946 0958.", "You can call me on [PHONE_1].", id="phone-uk-intl"),
    P(
        "My cell is (555) 123-4567 after 6pm",
        "My cell is [PHONE_1] after 6pm",
        id="phone-us-parens",
    ),
    P(
        "Reach me at 555-123-4567 or 555.123.4567",
        "Reach me at [PHONE_1] or [PHONE_2]",
        id="phone-us-dashed-and-dotted",
    ),
    P("UK mobile: 07700 900123", "UK mobile: [PHONE_1]", id="phone-uk-mobile-spaced"),
    P("text 07700900123 pls", "text [PHONE_1] pls", id="phone-uk-mobile-contiguous"),
    P(
        "Office +1 (555) 123-4567 ext. 204, ask for Sam",
        "Office [PHONE_1], ask for Sam",
        id="phone-intl-parens-extension",
    ),
    P(
        "Tel +44 (0)20 7946 0958 or 0044 20 7946 0958",
        "Tel [PHONE_1] or [PHONE_2]",
        id="phone-trunk-zero-and-00-prefix",
    ),
    P("Toll free 1-800-555-0199 x12", "Toll free [PHONE_1]", id="phone-1-800-with-x-ext"),
    P(
        "Appelez le 01 23 45 67 89 ou +33 6 12 34 56 78",
        "Appelez le [PHONE_1] ou [PHONE_2]",
        id="phone-french",
    ),
    P(
        "German office 030 1234567, Bombay +91 98765 43210",
        "German office [PHONE_1], Bombay [PHONE_2]",
        id="phone-de-and-in",
    ),
    P(
        "call me at 5551234567 tomorrow",
        "call me at [PHONE_1] tomorrow",
        id="phone-bare-10-digits-with-phone-word",
    ),
    P("I called 555-123-4567 3 times", "I called [PHONE_1] 3 times", id="phone-trailing-count"),
    P("I have 2 numbers: 555-123-4567", "I have 2 numbers: [PHONE_1]", id="phone-leading-count"),
    P("tel:+15551234567", "tel:[PHONE_1]", id="phone-tel-uri"),
    P(
        "on hold for an hour...919-675-0985",
        "on hold for an hour...[PHONE_1]",
        id="phone-after-dots",
    ),
    # --- payment cards
    P(
        "Card number 4111 1111 1111 1111, exp 12/27",
        "Card number [CARD_1], exp 12/27",
        id="card-visa-spaced",
    ),
    P("charged on 5555-5555-5555-4444 twice", "charged on [CARD_1] twice", id="card-mc-dashed"),
    P("my amex is 3782 822463 10005", "my amex is [CARD_1]", id="card-amex-4-6-5"),
    P("use 6011111111111117 instead", "use [CARD_1] instead", id="card-discover-contiguous"),
    P("new card 2223003122003222.", "new card [CARD_1].", id="card-mastercard-2-series"),
    P("4111 1111 1111 1111 2 times", "[CARD_1] 2 times", id="card-followed-by-a-count"),
    # --- IBAN
    P(
        "IBAN: GB82 WEST 1234 5698 7654 32 (Barclays)",
        "IBAN: [IBAN_1] (Barclays)",
        id="iban-gb-spaced",
    ),
    P("refund to DE89370400440532013000 please", "refund to [IBAN_1] please", id="iban-de-compact"),
    P(
        "FR14 2004 1010 0505 0001 3M02 606 and nl91abna0417164300",
        "[IBAN_1] and [IBAN_2]",
        id="iban-fr-letters-inside-and-lowercase",
    ),
    # --- SSN
    P("SSN 536-22-1234 for the tax form", "SSN [SSN_1] for the tax form", id="ssn-dashed"),
    P(
        "my social security number is 536 22 1234",
        "my social security number is [SSN_1]",
        id="ssn-spaced-after-label",
    ),
    P("ssn: 536221234", "ssn: [SSN_1]", id="ssn-bare-after-label"),
    # --- addresses
    P(
        "Ship it to 221B Baker Street, London NW1",
        "Ship it to [ADDRESS_1], London NW1",
        id="address-221b",
    ),
    P(
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "[ADDRESS_1], Washington, DC 20500",
        id="address-direction-suffix",
    ),
    P("Office: 350 5th Avenue, Suite 200.", "Office: [ADDRESS_1].", id="address-ordinal-suite"),
    P("i moved to 10 downing street.", "i moved to [ADDRESS_1].", id="address-lower-case"),
    P("Send it to PO Box 1234 instead", "Send it to [ADDRESS_1] instead", id="address-po-box"),
    P("Livrez au 12 rue de la Paix, Paris", "Livrez au [ADDRESS_1], Paris", id="address-french"),
    P(
        "Meine Adresse: Hauptstr. 5a, 10115 Berlin",
        "Meine Adresse: [ADDRESS_1], [ADDRESS_2]",
        id="address-german-and-postcode",
    ),
    P("Spedite a Via Roma 10, grazie", "Spedite a [ADDRESS_1], grazie", id="address-italian"),
    # --- national ids (python-stdnum validates the check digits)
    P("My Aadhaar is 7260 1815 9082", "My Aadhaar is [ID_1]", id="id-aadhaar"),
    P("SIN 607529179 please", "SIN [ID_1] please", id="id-canada-sin"),
    P("Meu CPF é 528.907.866-50", "Meu CPF é [ID_1]", id="id-brazil-cpf"),
    P("DNI 06914671-C y NIE Z1256633X", "DNI [ID_1] y NIE [ID_2]", id="id-spain-dni-nie"),
    P("42 Wallaby Way, Sydney", "[ADDRESS_1], Sydney", id="address-way"),
    P("12 Main Street E-mail me", "[ADDRESS_1] E-mail me", id="address-not-eating-e-mail"),
    # --- several kinds at once; the same value twice gets one placeholder
    P(
        "Email a@b.co or call 555-123-4567; again: a@b.co, 555-123-4567, 555-987-6543",
        "Email [EMAIL_1] or call [PHONE_1]; again: [EMAIL_1], [PHONE_1], [PHONE_2]",
        id="mixed-repeated-values",
    ),
    P(
        "Already redacted [EMAIL_1]; new one is bob@example.com",
        "Already redacted [EMAIL_1]; new one is [EMAIL_2]",
        id="existing-placeholder-number-is-skipped",
    ),
]

FALSE_POSITIVES = [
    P("Where is my order #123456789?", id="order-hash-number"),
    P("Order 112-3456789-1234567 never arrived", id="amazon-order"),
    P("order number is 5551234567", id="order-number-is-10-digits"),
    P("Your order 4111111111111111 shipped", id="luhn-valid-order-number"),
    P("SKU 555-123-4567 is out of stock", id="sku-shaped-like-a-phone"),
    P("ticket 536-22-1234 was merged", id="ticket-shaped-like-an-ssn"),
    P("request id 123e4567-e89b-12d3-a456-426614174000 failed", id="uuid"),
    P("trace 12345678-1234-1234-1234-123456789012", id="all-digit-uuid"),
    P("Tracking 1Z999AA10123456784 says delivered", id="ups-tracking"),
    P("USPS 9400 1000 0000 0000 0000 00 is stuck", id="usps-tracking"),
    P("FedEx 7489 1234 5678 arrived", id="fedex-tracking"),
    P("It was due 2024-05-01, then 05/01/2024, now 01.05.2024", id="dates"),
    P("meeting 01 05 2024 10 30 confirmed", id="spaced-date-and-time"),
    P("between 10:30 and 14:00-15:30", id="times"),
    P("I paid $1,234.56 and €1.234,56 for 3 items", id="amounts"),
    P("the app v2.3.10 on build 10.0.19045.3803", id="versions"),
    P("See INV-2024-0042 and TKT-55321", id="invoice-and-ticket-refs"),
    P("servers 192.168.1.254 and 10.0.0.1 are down", id="ip-addresses"),
    P("card 4111111111111112 was declined", id="16-digits-failing-luhn"),
    P("4111 1111 1111 1112 is not valid either", id="spaced-16-digits-failing-luhn"),
    P("Customer since 2019, 3 orders, 12 items, 99.9% uptime", id="years-short-numbers"),
    P("epoch 1714567890 and 1714567890123", id="timestamps"),
    P("reference 1234567890", id="ten-digits-without-phone-word"),
    P("Not an IBAN: GB82 WEST 1234 5698 7654 33", id="iban-failing-mod-97"),
    P("Bad SSNs 000-12-3456 666-12-3456 912-34-5678 536-00-1234 536-22-0000", id="invalid-ssns"),
    P("I have 2 dogs on my street and walked 5 miles down the road", id="street-words-in-prose"),
    P("Ask at 5 PM Dr Jones will call", id="time-before-doctor-title"),
    P("email me @ support or at support@localhost", id="not-quite-emails"),
    P("between 1000-2000 units, page 12 of 30, 1 234 567 views", id="ranges-and-counts"),
    P("colour #a3f5c9 and sha 9f86d081884c7d65", id="hex-strings"),
    P("bag tag numbers 0016 964012, 0016 964077", id="bag-tags-with-00"),
    P("status of purchase 00123842", id="zero-padded-purchase-number"),
    P("Target DPCI 030-02-8711 out of stock", id="retail-item-code-shaped-like-ssn"),
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_true_positives(text: str, expected: str) -> None:
    result = redact(text)
    assert result.text == expected
    assert result.restore(result.text) == text


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_false_positives_stay_untouched(text: str) -> None:
    result = redact(text)
    assert result.text == text
    assert result.mapping == {}


ALL_TEXTS = [p.values[0] for p in TRUE_POSITIVES + FALSE_POSITIVES]


def test_corpus_is_big_enough() -> None:
    assert len(ALL_TEXTS) >= 40
    redacted_kinds = set()
    for text in ALL_TEXTS:
        redacted_kinds |= set(redact(text).counts)
    # every kind has at least one true positive; names need the names given (test_names_*)
    assert redacted_kinds == set(KINDS) - {"name"}


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_round_trip(text: str) -> None:
    result = redact(text)
    assert result.restore(result.text) == text
    # Nothing of the original values survives in the redacted text.
    for value in result.mapping.values():
        assert value not in result.text


def test_mapping_values_are_the_exact_originals() -> None:
    result = redact("Mail jane@example.com, card 4111-1111-1111-1111, SSN 536-22-1234")
    assert result.mapping == {
        "[EMAIL_1]": "jane@example.com",
        "[CARD_1]": "4111-1111-1111-1111",
        "[SSN_1]": "536-22-1234",
    }
    assert result.counts == {"email": 1, "card": 1, "ssn": 1}


def test_same_value_same_placeholder_different_values_different_numbers() -> None:
    result = redact("a@x.com b@x.com a@x.com A@x.com")
    assert result.text == "[EMAIL_1] [EMAIL_2] [EMAIL_1] [EMAIL_3]"  # verbatim comparison
    assert result.counts == {"email": 3}


def test_restore_in_llm_reply() -> None:
    result = redact("I'm Jane, jane@example.com, +44 20 7946 0958")
    reply = "Thanks! We'll email [EMAIL_1] and call [phone_1] if needed. [EMAIL_1] again."
    assert result.restore(reply) == (
        "Thanks! We'll email jane@example.com and call +44 20 7946 0958 if needed. "
        "jane@example.com again."
    )


def test_restore_leaves_unknown_and_mangled_placeholders() -> None:
    result = redact("jane@example.com")
    assert result.restore("[EMAIL_2] [EMAIL 1] EMAIL_1 [EMAIL_01]") == (
        "[EMAIL_2] [EMAIL 1] EMAIL_1 [EMAIL_01]"
    )


def test_restore_does_not_rescan_restored_values() -> None:
    # A value that itself looks like a placeholder must not be expanded a second time.
    redaction = Redaction("[EMAIL_1]", {"[EMAIL_1]": "[PHONE_1]", "[PHONE_1]": "x"})
    assert redaction.restore("[EMAIL_1]") == "[PHONE_1]"


def test_leftover_placeholders_known_and_unknown() -> None:
    result = redact("write to jane@example.com")
    reply = "Sure, [EMAIL_1] and [PHONE_7]; also [EMAIL_1] and [Card_2]."
    assert result.leftover_placeholders(reply) == ["[EMAIL_1]", "[PHONE_7]", "[Card_2]"]
    assert result.leftover_placeholders(result.restore(reply)) == ["[PHONE_7]", "[Card_2]"]
    assert result.leftover_placeholders("no placeholders [here] [EMAIL_] [FOO_1]") == []


def test_placeholder_pattern_matches_every_kind() -> None:
    for kind in KINDS:
        assert PLACEHOLDER_PATTERN.fullmatch(f"[{kind.upper()}_12]")
    assert not PLACEHOLDER_PATTERN.fullmatch("[PERSON_1]")
    assert not PLACEHOLDER_PATTERN.fullmatch("[EMAIL_x]")


def test_redact_many_shares_one_mapping() -> None:
    texts = [
        "Customer: my email is jane@example.com and phone 555-123-4567",
        "Agent: thanks, is jane@example.com still right?",
        "Customer: yes, or use bob@example.com; card 4111 1111 1111 1111",
    ]
    redacted, redaction = Redactor().redact_many(texts)
    assert redacted == [
        "Customer: my email is [EMAIL_1] and phone [PHONE_1]",
        "Agent: thanks, is [EMAIL_1] still right?",
        "Customer: yes, or use [EMAIL_2]; card [CARD_1]",
    ]
    assert redaction.counts == {"email": 2, "phone": 1, "card": 1}
    assert redaction.text == "\n".join(redacted)
    assert [redaction.restore(t) for t in redacted] == texts


def test_redact_many_skips_placeholders_present_in_any_text() -> None:
    texts = ["a@x.com", "earlier note mentioned [EMAIL_1] literally"]
    redacted, redaction = Redactor().redact_many(texts)
    assert redacted[0] == "[EMAIL_2]"
    assert [redaction.restore(t) for t in redacted] == texts


def test_redact_many_empty() -> None:
    redacted, redaction = Redactor().redact_many([])
    assert redacted == []
    assert redaction.mapping == {}
    assert redaction.counts == {}


def test_kinds_limit_detection() -> None:
    text = "jane@example.com 555-123-4567 4111 1111 1111 1111"
    only_email = Redactor(kinds=["email"]).redact(text)
    assert only_email.text == "[EMAIL_1] 555-123-4567 4111 1111 1111 1111"
    phone_and_card = Redactor(kinds=("PHONE", "card")).redact(text)
    assert phone_and_card.text == "jane@example.com [PHONE_1] [CARD_1]"
    assert Redactor(kinds=[]).redact(text).text == text


def test_single_kind_as_string() -> None:
    assert Redactor("email").kinds == ("email",)
    assert Redactor().kinds == KINDS


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown redaction kind"):
        Redactor(kinds=["email", "passport"])


def test_names_given_are_redacted_and_restored() -> None:
    text = "Hi Priya, I'll ask Priya Sharma's bank; Priyanka is someone else."
    r = redact(text, names=["Priya Sharma", "Priya", "Sharma"])
    assert r.text == "Hi [NAME_1], I'll ask [NAME_2]'s bank; Priyanka is someone else."
    assert r.restore(r.text) == text


def test_names_are_not_redacted_without_the_name_kind() -> None:
    text = "Hi Priya, call 555-123-4567"
    r = Redactor(kinds=["phone"]).redact(text, names=["Priya"])
    assert r.text == "Hi Priya, call [PHONE_1]"


def test_national_id_needing_a_name_word_is_left_alone_without_it() -> None:
    # 697971141 passes the SIN check but only counts after "SIN", "social insurance" ...
    assert redact("box of 697971141 screws").text == "box of 697971141 screws"
    assert redact("order 528.907.866-50").text == "order 528.907.866-50"  # valid CPF, a reference


def test_empty_and_plain_text() -> None:
    assert redact("").text == ""
    result = redact("Hi, my parcel has not arrived yet and I am getting worried.")
    assert result.text == "Hi, my parcel has not arrived yet and I am getting worried."
    assert result.mapping == {}
    assert result.counts == {}


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 5000,
        "1-" * 5000,
        "+" + "1 " * 5000,
        "a." * 5000 + "@" + "b." * 5000,
        "@" * 5000,
        "12 " + "Word " * 5000,
        "GB82 " + "A1 " * 5000,
        "ssn" + " " * 5000 + "x",
        "(555) " * 3000,
        "4111 " * 4000,
    ],
    ids=[
        "digits",
        "dashes",
        "plus",
        "dots-at",
        "ats",
        "words",
        "iban-ish",
        "ssn-spaces",
        "parens",
        "card-groups",
    ],
)
def test_adversarial_input_is_linear_enough(text: str) -> None:
    started = time.perf_counter()
    result = redact(text)
    assert time.perf_counter() - started < 1.0
    assert result.restore(result.text) == text


def test_typical_message_with_numbers_is_left_alone() -> None:
    # Order numbers, dates, amounts, versions and ticket ids are not PII (the cost per message
    # is measured in bench/redaction_recall.py, not here).
    message = (
        "Hi, my order #123456789 placed on 2024-05-01 at 10:30 still hasn't arrived. I paid "
        "$1,234.56 for 3 items and the app (v2.3.10) says ticket TKT-55321 is open. Can you check?"
    )
    assert redact(message).text == message
