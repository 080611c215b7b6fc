"""Matching signals in Spanish, French, German and Portuguese, by built-in playbook id.

The strongest moments only: a manager or a complaint (escalation-request), cancelling or
leaving (cancellation-risk), refunds and double charges (billing-dispute), an order that never
came (order-status) and a locked account (account-access). The matcher adds them to the
playbooks' own signals, so the YAML stays English and a team's override of a playbook keeps
them. Patterns run on `bot.core.text.normalise` output (accents folded, apostrophes split);
the manager and cancel patterns are the escalation lexicon's own.
"""

from __future__ import annotations

from bot.core.escalation_lexicon_multilingual import CANCEL_PATTERNS, MANAGER_PATTERNS

_COMPLAINT = (
    r"\b(?:hoja de reclamaciones|poner una (?:queja|reclamacion)|quiero (?:poner )?una queja|"
    r"(?:faire|deposer) une reclamation|je veux me plaindre|beschwerde (?:einreichen|einlegen)|"
    r"ich (?:mochte|will) mich beschweren|(?:fazer|abrir) uma reclamacao|livro de reclamacoes|"
    r"quero reclamar)\b"
)
_REFUND = (
    r"\b(?:reembolso|reembolsen|reembolsar|devolucion de(?:l)? (?:dinero|importe)|"
    r"(?:devuelvan|devolver|devuelvanme) (?:mi|el) dinero|me cobraron|"
    r"(?:cobro|cargo) (?:doble|duplicado|indebido)|cobrado dos veces|remboursement|"
    r"rembourse|rembourser|remboursez|(?:debite|preleve|facture) deux fois|"
    r"double prelevement|prelevement (?:errone|injustifie)|mon argent|ruckerstattung|"
    r"erstattung|erstatten|geld zuruck|(?:doppelt|zweimal) (?:abgebucht|berechnet)|"
    r"falsche rechnung|estorno|dinheiro de volta|(?:cobrado|cobraram|cobrada) duas vezes|"
    r"cobranca (?:indevida|duplicada|em dobro))\b"
)
_NOT_ARRIVED = (
    r"\b(?:donde esta mi (?:pedido|paquete|envio)|mi (?:pedido|paquete|envio) (?:no|nunca|"
    r"todavia no|aun no) (?:ha )?llegado|(?:nunca|no) (?:me )?llego (?:mi|el) (?:pedido|"
    r"paquete)|ou est (?:ma commande|mon colis)|(?:commande|colis) (?:n est )?(?:jamais|"
    r"toujours pas|pas) (?:arrivee?|recue?|livree?)|pas recu (?:ma commande|mon colis)|"
    r"wo (?:ist|bleibt) (?:meine bestellung|mein paket|meine lieferung)|(?:paket|bestellung|"
    r"lieferung) (?:ist )?(?:noch )?(?:nie|nicht) (?:angekommen|geliefert)|"
    r"(?:cade|onde esta) (?:o )?(?:meu|minha) (?:pedido|encomenda)|(?:pedido|encomenda) "
    r"(?:ainda )?(?:nao|nunca) (?:chegou|foi entregue))\b"
)
_LOCKED_OUT = (
    r"\b(?:no puedo (?:entrar|acceder|iniciar sesion) (?:en |a )?(?:mi )?cuenta|"
    r"cuenta (?:bloqueada|suspendida)|n arrive (?:pas|plus) a (?:me connecter|acceder)|"
    r"compte (?:bloque|suspendu)|mot de passe (?:oublie|refuse)|kann mich (?:\w+ ){0,3}?"
    r"nicht (?:mehr )?(?:einloggen|anmelden)|konto (?:ist )?(?:gesperrt|blockiert)|"
    r"nao consigo (?:entrar|acessar|fazer login)|conta (?:bloqueada|suspensa))\b"
)

SIGNALS: dict[str, list[tuple[str, float]]] = {
    "escalation-request": [(p, 2.5) for p, _, _ in MANAGER_PATTERNS] + [(_COMPLAINT, 3.0)],
    "cancellation-risk": [(p, 3.0) for p, _, _ in CANCEL_PATTERNS],
    "billing-dispute": [(_REFUND, 3.0)],
    "order-status": [(_NOT_ARRIVED, 3.0)],
    "account-access": [(_LOCKED_OUT, 3.0)],
}


def signals_for(playbook_ids) -> list[tuple[str, str, float]]:
    """(playbook id, pattern, weight) for the playbooks present."""
    present = set(playbook_ids)
    return [
        (pid, pattern, weight)
        for pid, entries in SIGNALS.items()
        if pid in present
        for pattern, weight in entries
    ]
