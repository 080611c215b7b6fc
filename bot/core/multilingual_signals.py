"""Matching signals in Spanish, French, German and Portuguese, by built-in playbook id.

The strongest moments only: a manager or a complaint (escalation-request), cancelling or
leaving (cancellation-risk), refunds and double charges (billing-dispute), an order that never
came (order-status), a locked account (account-access) and something that came in the wrong
size, or doesn't fit, to be exchanged (product-defect). The matcher adds them to the
playbooks' own signals, so the YAML stays English and a team's override of a playbook keeps
them. Patterns run on `bot.core.text.normalise` output (accents folded, apostrophes split);
the manager and cancel patterns are the escalation lexicon's own.

The case reader is English-only, so the same patterns also tell the composer what a customer
writing in another language states (`stated_premises`: a double charge, money, an order not
arrived, a refund not yet received, a request to cancel or for a manager, the wrong size) and
asks for (`requests`: refund, manager, cancel, complaint): the matched playbook's own replies
then fit, and their request is taken up.
"""

from __future__ import annotations

from functools import cache

from bot.core import multilingual_moments, prebuilt
from bot.core.escalation_lexicon_multilingual import CANCEL_PATTERNS, MANAGER_PATTERNS
from bot.core.text import normalise

_COMPLAINT = (
    r"\b(?:hoja de reclamaciones|poner una (?:queja|reclamacion)|quiero (?:poner )?una queja|"
    r"(?:faire|deposer) une reclamation|je veux me plaindre|beschwerde (?:einreichen|einlegen)|"
    r"ich (?:mochte|will) mich beschweren|(?:fazer|abrir) uma reclamacao|livro de reclamacoes|"
    r"quero reclamar)\b"
)
# Charged twice: "me han cobrado dos veces", "debite deux fois", "doppelt abgebucht".
_CHARGED_TWICE = (
    r"(?:cobro|cargo) (?:doble|duplicado)|(?:cobrado|cobraron) dos veces|"
    r"(?:debite|preleve|facture) deux fois|double prelevement|"
    r"(?:doppelt|zweimal) (?:abgebucht|berechnet)|(?:cobrado|cobraram|cobrada) duas vezes|"
    r"cobranca (?:duplicada|em dobro)"
)
_REFUND = (
    r"\b(?:reembolso|reembolsen|reembolsar|devolucion de(?:l)? (?:dinero|importe)|"
    r"(?:devuelvan|devolver|devuelvanme) (?:mi|el) dinero|me cobraron|"
    r"(?:cobro|cargo) indebido|remboursement|"
    r"rembourse|rembourser|remboursez|"
    r"prelevement (?:errone|injustifie)|mon argent|ruckerstattung|"
    r"erstattung|erstatten|geld zuruck|"
    r"falsche rechnung|estorno|dinheiro de volta|"
    rf"cobranca indevida|{_CHARGED_TWICE})\b"
)
_NOT_ARRIVED = (
    r"\b(?:donde esta mi (?:pedido|paquete|envio)|mi (?:pedido|paquete|envio)(?: \w+){0,8}? "
    r"(?:no|nunca|todavia no|aun no) (?:ha )?llegado|"
    r"(?:pedido|paquete|envio)(?: \w+){0,3}? (?:debia|tenia que|deberia haber) llegar|"
    r"(?:nunca|no) (?:me )?llego (?:mi|el) (?:pedido|"
    r"paquete)|ou est (?:ma commande|mon colis)|(?:commande|colis) (?:n est )?(?:jamais|"
    r"toujours pas|pas) (?:arrivee?|recue?|livree?)|pas recu (?:ma commande|mon colis)|"
    r"wo (?:ist|bleibt) (?:meine bestellung|mein paket|meine lieferung)|(?:paket|bestellung|"
    r"lieferung) (?:ist )?(?:noch )?(?:nie|nicht) (?:angekommen|geliefert)|"
    r"(?:cade|onde esta) (?:o )?(?:meu|minha) (?:pedido|encomenda)|(?:pedido|encomenda) "
    r"(?:ainda )?(?:nao|nunca) (?:chegou|foi entregue))\b"
)
# A refund or money back that has not reached them: "todavia no he recibido el reembolso",
# "je n'ai toujours pas recu mon remboursement", "die Erstattung ist immer noch nicht auf
# meinem Konto", "ainda nao recebi o reembolso".
_REFUND_OWED = (
    r"(?:reembolso|devolucion|dinero|remboursement|argent|(?:ruck)?erstattung|geld|estorno|"
    r"dinheiro)"
)
_REFUND_AWAITED = (
    rf"\b(?:(?:no|todavia no|aun no|nunca) (?:me )?(?:he|hemos|han|ha) (?:recibido|visto|"
    rf"devuelto|hecho)(?: \w+){{0,3}}? {_REFUND_OWED}|{_REFUND_OWED}(?: \w+){{0,4}}? (?:no|"
    rf"todavia no|aun no|nunca) (?:me )?(?:ha|han) (?:llegado|aparecido|entrado)|"
    rf"(?:sigo esperando|espero|estoy esperando) (?:el |mi )?{_REFUND_OWED}|"
    rf"(?:pas|jamais|rien) (?:encore )?recu(?: \w+){{0,3}}? {_REFUND_OWED}|"
    rf"toujours pas (?:de |mon |le )?{_REFUND_OWED}|{_REFUND_OWED}(?: \w+){{0,12}}? "
    rf"(?:toujours (?:pas|rien)|jamais|pas encore|rien) (?:\w+ )?(?:recu|arrive|verse|effectue)|"
    rf"(?:attends|j attends) (?:toujours |encore )?(?:mon |le )?{_REFUND_OWED}|"
    rf"{_REFUND_OWED}(?: \w+){{0,4}}? (?:immer )?noch (?:immer )?(?:nicht|nie|keine)|"
    rf"(?:noch )?(?:keine|nicht|nie) (?:\w+ )?{_REFUND_OWED} (?:erhalten|bekommen|gesehen)|"
    rf"warte (?:\w+ ){{0,2}}auf (?:meine |die |mein |das )?{_REFUND_OWED}|"
    rf"(?:ainda )?(?:nao|nunca) (?:recebi|recebemos|vi)(?: \w+){{0,3}}? {_REFUND_OWED}|"
    rf"{_REFUND_OWED}(?: \w+){{0,4}}? (?:ainda )?(?:nao|nunca) (?:chegou|caiu|foi (?:feito|pago))|"
    rf"(?:espero|aguardo|esperando|aguardando) (?:o |pelo )?(?:meu )?{_REFUND_OWED})\b"
)
_LOCKED_OUT = (
    r"\b(?:no puedo (?:entrar|acceder|iniciar sesion) (?:en |a )?(?:mi )?cuenta|"
    r"cuenta (?:bloqueada|suspendida)|n arrive (?:pas|plus) a (?:me connecter|acceder)|"
    r"compte (?:bloque|suspendu)|mot de passe (?:oublie|refuse)|kann mich (?:\w+ ){0,3}?"
    r"nicht (?:mehr )?(?:einloggen|anmelden)|konto (?:ist )?(?:gesperrt|blockiert)|"
    r"nao consigo (?:entrar|acessar|fazer login)|conta (?:bloqueada|suspensa))\b"
)

# The wrong size, or it doesn't fit, and they want to swap it: "me quedan pequenas, quiero
# cambiarlas por una talla mas", "pas la bonne taille", "passt nicht, umtauschen", "tamanho
# errado, quero trocar". Not "trop long" or "zu lang", which also tell of a wait.
_SIZE = r"(?:talla|numero|taille|pointure|grosse|konfektionsgrosse|tamanho|numeracao)"
_WRONG_SIZE = (
    rf"\b(?:{_SIZE} (?:equivocada|incorrecta|erronea|mal|errad[oa]|errone[ea]|incorrect[ea]?|"
    rf"falsch\w*|mas (?:grande|pequena)|maior|menor|diferente|plus (?:grande|petite)|"
    rf"au[- ]dessus|en dessous)|(?:falsche|andere|grossere|kleinere) {_SIZE}|"
    rf"(?:pas|mauvaise|autre) (?:la )?(?:bonne )?{_SIZE}|"
    r"(?:me |le |te )?(?:queda|quedan|son|esta|estan|viene|vienen) (?:muy |demasiado )?"
    r"(?:pequen[oa]s?|grandes?|chic[oa]s?|apretad[oa]s?|ancho|anchos?|anchas?|estrech[oa]s?)|"
    r"(?:me |le |te )(?:queda|quedan) (?:muy |demasiado )?(?:larg|cort)[oa]s?|"
    r"(?:son|es) demasiado (?:larg|cort)[oa]s? para (?:mi|el|ella)|"
    r"(?:est|sont|trop) (?:trop )?(?:petit|grand|serre|large|etroit)e?s?\b(?! (?:retard|delai))|"
    r"(?:ist|sind) (?:mir )?(?:zu|viel zu) (?:klein|gross|eng|weit)|passt (?:mir )?nicht|"
    r"passen (?:mir )?nicht|(?:pequen[oa]|grande|apertad[oa]|larg[oa]) demais|"
    r"nao (?:me )?(?:serve|servem|cabe|cabem)|"
    r"(?:cambiar\w*|cambio|echanger|echange|umtauschen|umtausch|tauschen|trocar|troca)"
    rf"(?: \w+){{0,4}} (?:por|contre|pour|gegen|de) (?:una |une |eine |um |uma |otra |outra )?"
    rf"(?:\w+ )?{_SIZE})\b"
)
# ... and a plain request to exchange it, when the message also says it doesn't fit
_EXCHANGE = (
    r"\b(?:quiero|quisiera|puedo|podria|je voudrais|je veux|puis je|ich mochte|ich will|kann ich|"
    r"quero|posso|gostaria de) (?:\w+ ){0,2}(?:cambiar\w*|echanger|umtauschen|tauschen|trocar)\b"
)

SIGNALS: dict[str, list[tuple[str, float]]] = {
    "escalation-request": [(p, 2.5) for p, _, _ in MANAGER_PATTERNS] + [(_COMPLAINT, 3.0)],
    "cancellation-risk": [(p, 3.0) for p, _, _ in CANCEL_PATTERNS],
    "billing-dispute": [(_REFUND, 3.0)],
    "order-status": [(_NOT_ARRIVED, 3.0)],
    "account-access": [(_LOCKED_OUT, 3.0)],
    "product-defect": [(_WRONG_SIZE, 3.0), (_EXCHANGE, 1.0)],
}


def signals_for(playbook_ids) -> list[tuple[str, str, float]]:
    """(playbook id, pattern, weight) for the playbooks present, the other moments'
    (multilingual_moments.py) after the strongest."""
    present = set(playbook_ids)
    return [
        (pid, pattern, weight)
        for table in (SIGNALS, multilingual_moments.SIGNALS)
        for pid, entries in table.items()
        if pid in present
        for pattern, weight in entries
    ]


_MANAGER = "|".join(f"(?:{p})" for p, _, _ in MANAGER_PATTERNS)
_CANCEL = "|".join(f"(?:{p})" for p, _, _ in CANCEL_PATTERNS)
_BLOCKED = (
    r"\b(?:(?:cuenta|tarjeta) (?:bloqueada|suspendida)|(?:compte|carte) (?:bloquee?|suspendue?)|"
    r"(?:konto|karte) (?:ist )?(?:gesperrt|blockiert)|(?:conta|cartao) (?:bloqueada?|suspensa))\b"
)
# What a reply may take for granted (bot/core/premises.py names) and what they ask for
# (the case's `requests`), read from their own words in another language.
PREMISES = {
    "duplicate_charge": rf"\b(?:{_CHARGED_TWICE})\b",
    "money": _REFUND,
    "refund_awaited": _REFUND_AWAITED,
    "delivery": _NOT_ARRIVED,
    "cancel_request": _CANCEL,
    "manager_request": _MANAGER,
    "blocked": _BLOCKED,
    "wrong_size": _WRONG_SIZE,
}
REQUESTS = {"refund": _REFUND, "manager": _MANAGER, "cancel": _CANCEL, "complaint": _COMPLAINT}


@cache
def _compiled(source: str):
    return prebuilt.compile(source)


def _found(table: dict[str, str], text: str) -> list[str]:
    plain = normalise(text)
    return [name for name, pattern in table.items() if _compiled(pattern).search(plain)]


def stated_premises(text: str) -> frozenset[str]:
    """The premises `text` states in Spanish, French, German or Portuguese."""
    return frozenset(_found(PREMISES, text))


def requests(text: str) -> list[str]:
    """What `text` asks for in Spanish, French, German or Portuguese (refund, manager ...)."""
    return _found(REQUESTS, text)
