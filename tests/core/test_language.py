"""The customer's language: named only when the model is sure, never guessed from a few words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.coach import Coach
from bot.core.case import extract_case
from bot.core.conversation import Conversation
from bot.core.language import conversation_language, detect_language

SAMPLES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "languages.jsonl").read_text().splitlines()
]


def test_on_the_sample_set_no_language_is_ever_misnamed_and_most_are_named():
    named = wrong = 0
    for sample in SAMPLES:
        found = detect_language(sample["text"])
        if found is not None:
            named += 1
            wrong += found.code != sample["language"]
    assert wrong == 0
    assert named / len(SAMPLES) >= 0.65, named  # the rest are too short to tell


@pytest.mark.parametrize(
    "text", ["ok thanks", "danke", "merci", "hallo", "thx!", "lol", "ok 👍", "@united #fail"]
)
def test_a_few_words_name_no_language(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Quiero hablar con el gerente, esto es inaceptable.", "es"),
        ("Je souhaite résilier mon abonnement dès maintenant.", "fr"),
        ("Wo bleibt meine Rückerstattung? Ich warte seit drei Wochen.", "de"),
        ("Quero cancelar minha assinatura, o serviço é péssimo.", "pt"),
        ("@AmericanAir worst flight ever, 5 hours on the tarmac #fail", "en"),
    ],
)
def test_a_sentence_names_its_language(text, code):
    found = detect_language(text)
    assert found is not None and found.code == code and found.confidence >= 0.9


def test_the_customers_latest_turns_decide_not_the_agents():
    conversation = Conversation.from_text(
        "Customer: Hola, me cobraron dos veces el mismo pedido.\n"
        "Agent: Sorry to hear that, could you share the order number?\n"
        "Customer: Sí, es el pedido que hice el martes, lo pagué con tarjeta."
    )
    assert conversation_language(conversation).code == "es"
    assert extract_case(conversation).language == "es"
    assert extract_case(Conversation.from_text("Customer: ok thanks")).language is None


def test_the_offline_tip_names_the_language_and_says_its_suggestions_are_english(playbooks):
    # Italian has no replies of its own (playbooks/languages/): English, and the note says so.
    # Spanish, French, German and Portuguese now get theirs (tests/core/test_languages_fixture.py).
    conversation = Conversation.from_text(
        "Customer: Voglio annullare il mio abbonamento, il servizio è pessimo e nessuno mi "
        "risponde."
    )
    result = Coach(playbooks).coach(conversation)
    assert result.case.language == "it"
    note = "The customer writes in Italian; these suggestions are in English: reply in Italian."
    assert note in result.coaching
    assert all(note not in s.text for s in result.suggestions)
    assert all(s.language is None for s in result.suggestions)
    assert result.to_dict()["case"]["language"] == "it"


def test_a_spanish_tip_says_its_suggestions_are_in_spanish(playbooks):
    conversation = Conversation.from_text(
        "Customer: Quiero cancelar mi suscripción, el servicio es pésimo y nadie me responde."
    )
    result = Coach(playbooks).coach(conversation)
    assert result.case.language == "es"
    assert "The customer writes in Spanish; these suggestions are in Spanish." in result.coaching
    assert [s.language for s in result.suggestions] == ["es"] * 3
    assert all(detect_language(s.text).code == "es" for s in result.suggestions)


def test_an_english_tip_has_no_language_note(playbooks):
    conversation = Conversation.from_text("Customer: I was charged twice for my order, fix it.")
    result = Coach(playbooks).coach(conversation)
    assert result.case.language == "en"
    assert not any("writes in" in line for line in result.coaching)


def test_plain_english_is_named_without_loading_the_model():
    from bot.core import language

    language._identifier.cache_clear()
    language._detect.cache_clear()
    found = language.detect_language("I was charged twice for my subscription, please fix it")
    assert found is not None and found.code == "en"
    assert language._identifier.cache_info().currsize == 0  # the model was not loaded
    # Plain ASCII in another language still goes to the model.
    spanish = language.detect_language("quiero hablar con el gerente ahora mismo por favor")
    assert spanish is not None and spanish.code == "es"
    assert language._identifier.cache_info().currsize == 1


def test_the_model_kept_in_the_cache_folder_answers_exactly_as_the_packages_own(
    tmp_path, monkeypatch
):
    from bot.core import language, language_model

    languages = list(language.LANGUAGE_NAMES)
    packaged = language_model.load_identifier(languages)
    language_model.load_identifier(languages, tmp_path)  # built from the package, then kept
    assert len(list(tmp_path.glob("languages-*.arrays"))) == 1

    def not_again(_languages):
        raise AssertionError("the package's model was read again")

    monkeypatch.setattr(language_model, "_from_package", not_again)
    kept = language_model.load_identifier(languages, tmp_path)
    for sample in SAMPLES:
        text = sample["text"]
        assert kept._decide(text).tobytes() == packaged._decide(text).tobytes(), text
        assert kept.classify(text) == packaged.classify(text)


def test_a_damaged_kept_model_is_rebuilt_not_trusted(tmp_path):
    from bot.core import language, language_model

    languages = list(language.LANGUAGE_NAMES)
    language_model.load_identifier(languages, tmp_path)
    (kept,) = tmp_path.glob("languages-*.arrays")
    kept.write_bytes(kept.read_bytes()[:1000])
    identifier = language_model.load_identifier(languages, tmp_path)
    assert identifier.classify("quiero hablar con el gerente ahora mismo por favor")[0] == "es"
    assert kept.stat().st_size > 1000  # written again whole


def test_a_kept_model_of_another_layout_is_replaced_and_older_ones_are_removed(tmp_path):
    from bot.core import language, language_model

    languages = list(language.LANGUAGE_NAMES)
    kept = language_model._cache_file(tmp_path, languages)
    kept.write_bytes(b"PK\x03\x04" + bytes(4096))  # e.g. the earlier .npz layout under its name
    older = tmp_path / "languages-0123456789abcdef.arrays"  # other languages or package
    older.write_bytes(language_model.MAGIC)
    earlier_version = tmp_path / "languages-0123456789abcdef.npz"  # still read by that version
    earlier_version.write_bytes(b"PK\x03\x04")
    identifier = language_model.load_identifier(languages, tmp_path)
    assert identifier.classify("je voudrais parler au responsable tout de suite")[0] == "fr"
    assert kept.read_bytes().startswith(language_model.MAGIC)
    assert not older.exists()
    assert earlier_version.exists()


def test_an_empty_kept_model_is_rebuilt(tmp_path):
    from bot.core import language, language_model

    languages = list(language.LANGUAGE_NAMES)
    kept = language_model._cache_file(tmp_path, languages)
    kept.write_bytes(b"")
    identifier = language_model.load_identifier(languages, tmp_path)
    assert identifier.classify("quiero hablar con el gerente ahora mismo por favor")[0] == "es"
    assert kept.read_bytes().startswith(language_model.MAGIC)
