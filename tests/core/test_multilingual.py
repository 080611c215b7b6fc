"""Spanish, French, German and Portuguese: the strongest signals are matched and escalate,
on real sentences customers write (accents typed or not)."""

from __future__ import annotations

import pytest

from bot.core.conversation import Conversation
from bot.core.escalation import assess
from bot.core.text import fold_accents, normalise


def customer(text: str) -> Conversation:
    return Conversation.from_text(f"Customer: {text}")


@pytest.fixture(scope="module")
def playbooks():
    from bot.core.playbooks import load_playbooks

    return load_playbooks()


MANAGER = [
    "Quiero hablar con el gerente ahora mismo.",
    "Páseme con su supervisor, por favor, ya me cansé.",
    "Je veux parler à un responsable, tout de suite.",
    "Passez-moi votre supérieur, s'il vous plaît.",
    "Ich möchte sofort mit Ihrem Vorgesetzten sprechen.",
    "Holen Sie mir Ihren Chef, ich will mit dem Chef sprechen.",
    "Quero falar com o gerente agora.",
    "Me passa para o seu supervisor, por favor.",
]
CANCEL = [
    "Quiero cancelar mi suscripción hoy mismo.",
    "Voy a darme de baja del servicio, me voy a la competencia.",
    "Je souhaite résilier mon abonnement.",
    "Je vais résilier mon contrat, plus jamais chez vous.",
    "Ich will meinen Vertrag kündigen.",
    "Hiermit kündige ich mein Abo zum Monatsende.",
    "Quero cancelar minha assinatura.",
    "Vou cancelar o meu plano, nunca mais compro com vocês.",
]
REFUND = [
    "Me cobraron dos veces el mismo pedido, quiero un reembolso.",
    "¿Cuándo me devuelven el dinero? Pedí el reembolso hace un mes.",
    "On m'a prélevé deux fois, je veux être remboursé.",
    "J'attends toujours mon remboursement depuis trois semaines.",
    "Mir wurde der Betrag zweimal abgebucht, ich will mein Geld zurück.",
    "Wann bekomme ich meine Rückerstattung?",
    "Fui cobrado duas vezes, quero meu dinheiro de volta.",
    "Ainda não recebi o estorno da compra cancelada.",
]
ANGRY = [
    "Esto es inaceptable, el servicio es pésimo y nadie me responde.",
    "Estoy harto, es una vergüenza cómo tratan a los clientes.",
    "C'est inadmissible, j'en ai marre de vos excuses.",
    "Service nul, c'est scandaleux, personne ne me répond.",
    "Das ist eine Frechheit, ich bin total enttäuscht.",
    "Unverschämt! Der Service ist eine Katastrophe.",
    "Que absurdo, o atendimento é péssimo e ninguém me responde.",
    "Estou revoltado, isso é uma vergonha, que descaso!",
]


@pytest.mark.parametrize("text", MANAGER)
def test_a_manager_request_is_matched_and_escalates(coach, text):
    assessment = coach.assess(customer(text))
    assert assessment.match and assessment.match.playbook_id == "escalation-request"
    assert "manager" in assessment.escalation.signals
    assert assessment.escalation.level == "escalate"


@pytest.mark.parametrize("text", CANCEL)
def test_a_cancellation_is_matched_and_watched(coach, text):
    assessment = coach.assess(customer(text))
    assert assessment.match and assessment.match.playbook_id == "cancellation-risk"
    assert "cancel" in assessment.escalation.signals
    assert assessment.escalation.level in ("watch", "escalate")


@pytest.mark.parametrize("text", REFUND)
def test_a_refund_or_double_charge_is_a_billing_dispute(coach, text):
    assessment = coach.assess(customer(text))
    assert assessment.match and assessment.match.playbook_id == "billing-dispute", text


@pytest.mark.parametrize("text", ANGRY)
def test_anger_escalates_with_the_words_quoted(text):
    assessment = assess(customer(text))
    assert assessment.level == "escalate", (assessment.score, assessment.reasons)
    assert any(reason.startswith("frustration") for reason in assessment.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Muchas gracias, todo perfecto, muy contento con el servicio.",
        "Merci beaucoup, tout fonctionne parfaitement maintenant.",
        "Vielen Dank, alles funktioniert wieder, ich bin sehr zufrieden.",
        "Muito obrigado, ficou perfeito!",
    ],
)
def test_thanks_in_each_language_is_calm(text):
    assert assess(customer(text)).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "No estoy contento con la respuesta.",
        "Je ne suis pas satisfait du tout.",
        "Ich bin nicht zufrieden.",
        "Não estou satisfeito com o atendimento.",
    ],
)
def test_negated_praise_counts_against(text):
    assessment = assess(customer(text))
    assert assessment.level != "none" and "frustration" in assessment.reasons[0]


def test_accents_typed_or_not_read_the_same():
    assert fold_accents("pésimo Rückerstattung Straße") == "pesimo Ruckerstattung Strasse"
    assert normalise("Servicio PÉSIMO") == normalise("servicio pesimo") == "servicio pesimo"
    with_accents = assess(customer("Quiero cancelar mi suscripción, es pésimo."))
    without = assess(customer("quiero cancelar mi suscripcion, es pesimo"))
    assert with_accents.score == without.score and with_accents.level == "escalate"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # English words that look like other languages' entries read as before
        ("Is the toll-free number open on Sundays?", "none"),
        ("My account manager will call me tomorrow, thanks.", "none"),
        ("Please add me to the staff rota for the robo-advisor demo.", "none"),
        ("Where is the content I paid for?", "none"),
    ],
)
def test_english_lookalikes_do_not_escalate(text, level):
    assert assess(customer(text)).level == level
