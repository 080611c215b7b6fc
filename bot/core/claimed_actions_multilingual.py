"""Claimed actions in Spanish, French, German and Portuguese (see claimed_actions.py).

"He reembolsado", "j'ai remboursé", "ich habe ... erstattet", "já reembolsei", and the passive
("ha sido enviado", "a été annulé", "wurde storniert", "foi cancelado") or a state only our
action brings ("ya está en camino", "ist bereits unterwegs"). Future and intent ("voy a
revisar", "je vais vérifier", "ich prüfe", "vou verificar") are not claims, nor is a claim
after a condition ("si", "une fois", "sobald", "assim que"). Plain verbs support agents use;
written against raw text (accents kept), case-insensitive.
"""

from __future__ import annotations

import re

from bot.core import prebuilt

# Participle stems of what an agent does for a customer, with their endings.
_ES = (
    r"(?:reembolsad|devuelt|enviad|reenviad|cancelad|anulad|desbloquead|restablecid|tramitad|"
    r"gestionad|solucionad|resuelt|corregid|abonad|escalad|trasladad|registrad|cambiad|"
    r"reemplazad|sustituid|programad|reservad|actualizad|procesad|emitid|aplicad|reactivad|"
    r"arreglad|reparad|revisad|comprobad|verificad|contactad)(?:o|a|os|as)\b"
)
_FR = (
    r"(?:rembours|envoy|renvoy|annul|débloqu|rétabli|trait|résolu|corrig|crédit|transmis|"
    r"escalad|enregistr|remplac|échang|programm|réserv|vérifi|contact|appel|effectu|expédi|"
    r"réactiv|régl|répar|résili)[ée]?e?s?\b"
)
_DE = (
    r"(?:zurück)?(?:erstattet|gutgeschrieben|storniert|gekündigt|versendet|verschickt|gesendet|"
    r"geschickt|entsperrt|freigeschaltet|zurückgesetzt|wiederhergestellt|bearbeitet|erledigt|"
    r"behoben|gelöst|korrigiert|weitergeleitet|eskaliert|gebucht|ersetzt|ausgetauscht|"
    r"umgetauscht|aktualisiert|überprüft|geprüft|kontaktiert|angerufen|veranlasst|reaktiviert|"
    r"repariert|überwiesen)\b"
)
_PT = (
    r"(?:reembolsad|estornad|enviad|cancelad|desbloquead|resolvid|corrigid|trocad|substituíd|"
    r"encaminhad|registrad|agendad|atualizad|processad|reativad|consertad|devolvid|creditad|"
    r"verificad)(?:o|a|os|as)\b"
)
_PT_PAST = (
    r"(?:reembolsei|estornei|enviei|cancelei|desbloqueei|resolvi|corrigi|troquei|substituí|"
    r"encaminhei|registrei|agendei|atualizei|processei|reativei|consertei|devolvi|creditei|"
    r"verifiquei|liguei)\b"
)
_ES_PAST = (
    r"(?:reembolsé|devolví|envié|reenvié|cancelé|anulé|desbloqueé|tramité|gestioné|solucioné|"
    r"resolví|corregí|aboné|escalé|registré|cambié|programé|reservé|actualicé|procesé|apliqué|"
    r"revisé|comprobé|llamé)\b"
)
_LIMBS = r"[^.!?,;:]{0,60}?"  # the words between a German auxiliary and its participle
_ALREADY = r"(?:ya |déjà |bereits |schon |já |bien )*"
OTHER_CLAIMS = prebuilt.compile(
    "|".join(
        [
            # first person: "le he reembolsado", "ya envié", "hemos cancelado"
            rf"\b(?:(?:se|le|les|lo|la|los|las|ya) )*(?:he|hemos) {_ALREADY}{_ES}",
            rf"\b{_ES_PAST}",
            # passive or impersonal: "ha sido enviado", "se ha cancelado", "fue reembolsado"
            rf"\b(?:se )?(?:ha|han) (?:sido )?{_ALREADY}{_ES}",
            rf"\b(?:fue|fueron) {_ALREADY}{_ES}",
            r"\bya est[áa]n? (?:en camino|de camino)\b",
            rf"\bya est[áa]n? {_ES}",
            # "j'ai remboursé", "nous vous avons envoyé", "a été annulé", "est déjà expédié"
            rf"\b(?:j['’]ai|nous avons|je (?:vous |l['’]|les |lui )?ai|nous (?:vous |l['’]|les |"
            rf"lui )?avons) {_ALREADY}{_FR}",
            rf"\b(?:a|ont) (?:déjà |bien )*été {_ALREADY}{_FR}",
            rf"\b(?:est|sont) (?:déjà|bien) {_ALREADY}{_FR}",
            r"\b(?:est|sont) (?:déjà )?(?:en route|en chemin)\b",
            # "ich habe Ihnen den Betrag erstattet", "wurde storniert", "ist bereits unterwegs"
            rf"\b(?:ich habe|wir haben|habe ich|haben wir|hab ich){_LIMBS}\b{_DE}",
            rf"\b(?:wurde|wurden|ist|sind){_LIMBS}\b{_DE}(?: worden)?",
            r"\b(?:ist|sind) (?:bereits |schon )(?:unterwegs|auf dem weg)\b",
            # "já reembolsei", "foi cancelado", "já está a caminho"
            rf"\b{_PT_PAST}",
            rf"\b(?:foi|foram|tenho|temos) {_ALREADY}{_PT}",
            rf"\bjá (?:está|estão) {_PT}",
            r"\b(?:está|estão) (?:a caminho|em rota de entrega)\b",
        ]
    ),
    re.IGNORECASE,
)
FIRST_PERSON = prebuilt.compile(
    r"^(?:(?:se|le|les|lo|la|los|las|ya) )*(?:he|hemos)\b|"
    r"^(?:j['’]ai|nous|je|ich|wir|habe|haben|hab)\b|"
    rf"^{_ES_PAST}|^{_PT_PAST}|^(?:tenho|temos)\b",
    re.IGNORECASE,
)
# What makes the claim that follows a condition or a question of fact, not a claim.
CONDITION = prebuilt.compile(
    r"\b(?:si|cuando|en cuanto|una vez|hasta que|quand|dès que|une fois|lorsque|jusqu['’]à ce|"
    r"wenn|sobald|falls|nachdem|bevor|ob|bis|se|quando|assim que|depois que|até que|"
    r"compruebe|comprobar|vérifier|prüfen|verificar|confirmar)\b",
    re.IGNORECASE,
)
# The participle, present or past, a claim rests on: what the conversation must state.
DONE_WORD = prebuilt.compile(rf"{_ES}|{_FR}|{_DE}|{_PT}|{_PT_PAST}|{_ES_PAST}", re.IGNORECASE)
