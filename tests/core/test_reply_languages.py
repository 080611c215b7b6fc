"""The language files (playbooks/languages/*.yaml): validated as playbooks are, with errors
that name the file and the field, and filled without ever showing a missing fact."""

from __future__ import annotations

import pytest
import yaml

from bot.core.playbooks import BUILTIN_DIR, PlaybookError
from bot.core.reply_languages import language_replies, languages, load_language_file

SPANISH = BUILTIN_DIR / "languages" / "es.yaml"


def test_the_four_languages_load_with_every_moment_the_issue_names():
    assert languages() == ["de", "es", "fr", "pt"]
    wanted = {
        "billing-dispute", "order-status", "product-defect", "cancellation-risk",
        "account-access", "escalation-request", "repeat-contact", "service-outage", "fallback",
    }  # fmt: skip
    for code in languages():
        assert wanted <= set(language_replies(code).moments), code


def _broken(tmp_path, change) -> list[str]:
    data = yaml.safe_load(SPANISH.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "es.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PlaybookError) as error:
        load_language_file(path)
    assert all(problem.startswith(f"{path}: ") for problem in error.value.problems)
    return error.value.problems


def _set_text(moment: str, index: int, text: str):
    return lambda data: data["moments"][moment][index].update(text=text)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (_set_text("billing-dispute", 0, "Ya le he reembolsado el importe."),
         "moments.billing-dispute[0].text", "claims a finished action"),
        (_set_text("billing-dispute", 0, "Lo siento. Disculpe. Voy a revisarlo."),
         "moments.billing-dispute[0].text", "apologises more than once"),
        (_set_text("billing-dispute", 1, "Tiene toda la razón en querer aclarar este cargo. Hoy."),
         "moments.billing-dispute", "two replies open with"),
        (_set_text("order-status", 0, "Reviso el pedido {reference} hoy."),
         "moments.order-status[0].text", "put it in ((with {reference}|without it))"),
        (_set_text("order-status", 0, "Le escribo antes de las {lunch_time}."),
         "moments.order-status[0].text", "{lunch_time} has no placeholder"),
        (lambda data: data["moments"].update(birthday=data["moments"]["praise"]),
         "moments", "unknown moment 'birthday'"),
        (lambda data: data["moments"]["fallback"].pop(),
         "moments", "at least 3"),
        (lambda data: data["moments"]["escalation-request"][0].update(requires=["mood"]),
         "moments.escalation-request[0].requires", "unknown premise 'mood'"),
        (lambda data: data.update(language="xx"), "language", "not a language code"),
        (lambda data: data.update(language="fr"), "language", "is not the file name"),
    ],
)  # fmt: skip
def test_a_broken_file_names_the_file_the_field_and_the_fault(tmp_path, change, field, message):
    problems = _broken(tmp_path, change)
    assert any(field in p and message in p for p in problems), problems


def test_a_file_that_is_not_yaml_says_so(tmp_path):
    path = tmp_path / "es.yaml"
    path.write_text("language: es\nmoments: [unclosed\n")
    with pytest.raises(PlaybookError, match="not valid YAML"):
        load_language_file(path)


def test_the_customers_facts_fill_an_alternative_and_are_left_out_when_unknown():
    spanish = language_replies("es")
    text = "Reviso ((el pedido {reference}|su pedido)) y le escribo antes de las {update_time}."
    assert spanish.fill(text, {"reference": "558120"}) == (
        "Reviso el pedido 558120 y le escribo antes de las [hora]."
    )
    assert spanish.fill(text, {}) == "Reviso su pedido y le escribo antes de las [hora]."


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Pedido ES-88213, todavía nada.", {"order": "ES-88213"}),
        ("el numero de pedido es 558120", {"order": "558120"}),
        ("Commande n° 77410, reçue jeudi", {"order": "77410"}),
        ("Bestellnummer: 100482", {"order": "100482"}),
        ("Réservation KX7P2 pour le 12 mai", {"reference": "KX7P2"}),
        ("me cobraron 39,90 € dos veces", {"amount": "39,90 €"}),
        ("paguei R$ 89,90", {"amount": "R$ 89,90"}),
        ("Hola, me llamo Lucía y tengo un problema", {"customer_name": "Lucía"}),
        ("la reserva para el sábado", {}),
    ],
)
def test_the_facts_they_write_in_their_language_are_read(text, facts):
    from bot.core.multilingual_facts import facts_in

    assert facts_in([text]) == facts
