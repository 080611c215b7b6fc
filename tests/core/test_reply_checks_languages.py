"""The rubric's defect detectors read Spanish, French, German and Portuguese too, so
`mot-coach eval-coaching` and the model guard count "he reembolsado" as they count
"I've refunded" (bot/core/claimed_actions_multilingual.py, bot/core/reply_checks.py)."""

from __future__ import annotations

import pytest

from bot.core import reply_checks as checks
from bot.core.coaching_eval import score_set
from bot.core.conversation import Conversation

CLAIMS = [
    "Ya le he reembolsado el importe completo.",
    "Le envié la factura corregida esta mañana.",
    "Su pedido ya está en camino.",
    "El cargo ha sido anulado.",
    "J'ai remboursé votre commande.",
    "Nous vous avons envoyé un nouveau colis hier.",
    "Votre abonnement a été résilié.",
    "Ich habe Ihnen den Betrag heute erstattet.",
    "Ihre Bestellung wurde storniert.",
    "Das Ersatzgerät ist bereits unterwegs.",
    "Já reembolsei o valor.",
    "O seu pedido foi cancelado.",
    "O novo aparelho já está a caminho.",
]
PROMISES = [
    "Voy a revisar su cuenta y le confirmaré el reembolso.",
    "Si el cargo está duplicado, lo corregiré hoy.",
    "¿Ya le han reembolsado el importe?",
    "Je vais vérifier et je vous confirmerai la date de remboursement.",
    "Une fois votre identité vérifiée, je vous dirai ce qui a bloqué l'accès.",
    "Ich prüfe das heute und melde mich bis 16 Uhr.",
    "Sobald der Betrag erstattet wurde, sage ich Ihnen Bescheid.",
    "Vou verificar a cobrança e retorno até amanhã.",
    "Se a cobrança foi duplicada, vou corrigir hoje.",
]
ASKED = Conversation.from_text("Customer: Quiero mi dinero de vuelta, me cobraron dos veces.")


@pytest.mark.parametrize("text", CLAIMS)
def test_a_finished_action_in_their_language_is_a_claim(text):
    assert checks.claimed_actions(text, ASKED), text


@pytest.mark.parametrize("text", PROMISES)
def test_a_promise_a_condition_or_a_question_is_not(text):
    assert checks.claimed_actions(text, ASKED) == [], text


def test_a_claim_stands_when_the_agent_said_it_was_done():
    thread = Conversation.from_text(
        "Customer: Me cobraron dos veces.\n"
        "Agent: Le he reembolsado el segundo cargo esta mañana.\n"
        "Customer: ¿Cuándo lo veré?"
    )
    assert checks.claimed_actions("Como le dije, le he reembolsado el cargo.", thread) == []


def test_a_passive_restating_what_the_customer_said_is_not_a_claim():
    thread = Conversation.from_text("Customer: Mon vol a été annulé et personne ne m'aide.")
    assert checks.claimed_actions("Je comprends : votre vol a été annulé.", thread) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Lo siento mucho. Disculpe las molestias.", 2),
        ("Je suis désolé, toutes nos excuses pour ce retard.", 2),
        ("Es tut mir leid. Entschuldigen Sie bitte.", 2),
        ("Desculpe, sinto muito pelo transtorno.", 2),
        ("Lamento el retraso. Voy a revisarlo hoy.", 1),
        ("Voy a revisarlo hoy.", 0),
    ],
)
def test_apologies_are_counted_in_their_language(text, count):
    assert checks.apologies(text) == count


def test_openers_are_compared_after_a_greeting_in_their_language():
    replies = [
        "Hola Ana, entiendo su preocupación. Voy a revisarlo.",
        "Buenos días Ana, entiendo su preocupación. Le escribo hoy.",
        "Hola Ana, gracias por avisarnos. Le escribo hoy.",
    ]
    assert checks.repeated_openers(replies) == ["entiendo su preocupacion"]


@pytest.mark.parametrize(
    "text",
    [
        "Voy a pedir que un responsable revise su caso.",
        "Ich bitte eine vorgesetzte Person, Ihren Fall zu prüfen.",
        "Vou pedir que um supervisor analise o seu caso.",
    ],
)
def test_a_manager_offered_in_their_language_counts(text):
    assert checks.offers_manager(text)


def test_eval_coaching_counts_the_defects_in_their_language():
    score = score_set(
        ASKED,
        "billing-dispute",
        [
            "Lo siento. Disculpe. Ya le he reembolsado el importe.",
            "Entiendo su preocupación. Voy a revisarlo hoy.",
            "Entiendo su preocupación. Le escribo mañana.",
        ],
    )
    assert score.claimed == 1 and score.double_apology == 1 and score.repeated_opener
