"""Spanish, French, German and Portuguese entries for `bot.core.escalation_lexicon`.

The strongest signals only: anger and frustration, asking for a manager, cancelling or
leaving, refunds and double charges, things that never arrived. Written, like the English
lists, against `bot.core.text.normalise` output, which folds accents ("pésimo" -> "pesimo",
"Rückerstattung" -> "ruckerstattung", "ß" -> "ss") and splits at apostrophes ("j'en ai
marre" -> "j en ai marre"). A word that is also an English word with another meaning
("toll", "rota", "robo", "mist", "content") is left out or kept to a phrase,
so English messages read exactly as before. Merged into the English tables at the end of
`escalation_lexicon`.
"""

from __future__ import annotations

# fmt: off

ANGER: dict[str, float] = {
    # Spanish
    "inaceptable": 3.3, "indignante": 3.3, "indignado": 3.0, "indignada": 3.0,
    "indignacion": 3.0, "verguenza": 3.0, "vergonzoso": 3.0, "pesimo": 3.2, "pesima": 3.2,
    "harto": 3.0, "harta": 3.0, "hartos": 3.0, "furioso": 3.5, "furiosa": 3.5,
    "enojado": 3.0, "enojada": 3.0, "enfadado": 3.0, "enfadada": 3.0, "cabreado": 3.2,
    "cabreada": 3.2, "molesto": 2.5, "molesta": 2.5, "decepcionado": 2.6,
    "decepcionada": 2.6, "decepcion": 2.6, "estafa": 3.2, "estafadores": 3.3,
    "ladrones": 3.2, "basura": 2.8, "asco": 3.0, "asqueroso": 3.3, "desastre": 2.8,
    "lamentable": 3.0, "mierda": 3.0, "incompetentes": 3.2, "inutil": 3.0,
    "inutiles": 3.0, "ridiculo": 3.0, "ridicula": 3.0, "porqueria": 3.0, "malisimo": 3.0,
    "nefasto": 3.0, "abuso": 2.8, "timo": 3.0, "tomadura": 3.0,
    # French
    "inadmissible": 3.3, "inacceptable": 3.3, "scandaleux": 3.3, "scandale": 3.2,
    "honteux": 3.0, "honte": 2.8, "nul": 2.8, "nulle": 2.8, "furieux": 3.5, "furieuse": 3.5,
    "enerve": 3.0, "enervee": 3.0, "decu": 2.6, "decue": 2.6, "decevant": 2.6, "arnaque": 3.2,
    "arnaqueurs": 3.3, "escroquerie": 3.2, "escrocs": 3.3, "voleurs": 3.2, "inutile": 3.0,
    "pire": 3.2, "catastrophique": 3.0, "merde": 3.0, "marre": 3.0, "exaspere": 2.8,
    "exasperee": 2.8, "mecontent": 2.8, "mecontente": 2.8, "insupportable": 3.0,
    "degoute": 3.0, "degoutee": 3.0, "minable": 3.0, "lamentables": 3.0, "incompetence": 3.2,
    "incompetents": 3.2, "nuls": 2.8,
    # German
    "unverschamt": 3.3, "unverschamtheit": 3.3, "frechheit": 3.3, "unzumutbar": 3.3,
    "zumutung": 3.2, "inakzeptabel": 3.3, "katastrophe": 2.8, "katastrophal": 3.0,
    "skandal": 3.0, "skandalos": 3.2, "wutend": 3.5, "sauer": 2.6, "verargert": 2.8,
    "enttauscht": 2.6, "enttauschend": 2.6, "enttauschung": 2.6, "betrug": 3.2,
    "betruger": 3.3, "abzocke": 3.2, "abzocker": 3.2, "schlecht": 2.0, "schlechter": 2.4,
    "schlechteste": 3.2, "schlechtester": 3.2, "schlechtesten": 3.2, "mies": 2.6,
    "miserabel": 2.8, "unfahig": 3.0, "inkompetent": 3.2, "nutzlos": 3.0, "lacherlich": 3.0,
    "scheisse": 3.0, "scheiss": 3.0, "argerlich": 2.4, "genervt": 2.6, "nervig": 2.4,
    "sauerei": 3.0, "unmoglich": 2.4, "furchtbar": 3.0, "schrecklich": 3.0,
    # Portuguese
    "absurdo": 2.6, "inaceitavel": 3.3, "vergonha": 3.0, "vergonhoso": 3.0, "pessimo": 3.2,
    "pessima": 3.2, "horrivel": 3.0, "palhacada": 3.2, "lixo": 2.8, "raiva": 3.0,
    "revoltado": 3.2, "revoltada": 3.2, "irritado": 2.6, "irritada": 2.6, "chateado": 2.5,
    "chateada": 2.5, "decepcao": 2.6, "golpe": 3.0, "roubo": 3.0, "ladroes": 3.2,
    "inuteis": 3.0, "descaso": 3.0, "desrespeito": 3.0, "porcaria": 3.0, "merda": 3.0,
    "absurda": 2.6, "furiosos": 3.5,
}

TROUBLE: dict[str, float] = {
    # Spanish
    "roto": 2.0, "danado": 2.0, "danada": 2.0, "defectuoso": 2.2,
    "retraso": 1.6, "retrasado": 1.8, "perdido": 1.6, "perdida": 1.6, "equivocado": 1.8,
    "esperando": 1.0, "reembolso": 0.7, "cobraron": 1.0, "cobrado": 1.0, "todavia": 0.9,
    "problema": 1.0, "problemas": 1.4, "nadie": 1.6,
    # French
    "casse": 2.0, "cassee": 2.0, "endommage": 2.0, "defectueux": 2.2, "retard": 1.6,
    "perdu": 1.6, "attente": 1.0, "remboursement": 0.7, "rembourse": 0.7, "debite": 1.0,
    "preleve": 1.0, "probleme": 1.0, "problemes": 1.4, "toujours": 0.5, "encore": 0.9,
    # German
    "kaputt": 2.0, "beschadigt": 2.0, "defekt": 2.2, "verspatet": 1.8, "verspatung": 1.6,
    "verloren": 1.6, "falsch": 1.8, "gewartet": 1.4, "zweimal": 0.8, "abgebucht": 1.0,
    "ruckerstattung": 0.7, "niemand": 1.6, "wieder": 0.5, "storung": 1.6,
    # Portuguese
    "quebrado": 2.0, "quebrada": 2.0, "danificado": 2.0, "defeito": 2.2, "atrasado": 1.8,
    "atraso": 1.6, "errado": 1.8, "errada": 1.8, "ainda": 0.9, "ninguem": 1.6,
    "cobraram": 1.0, "estorno": 0.8,
}

# Praise; negated ("no estoy contento", "pas satisfait", "nicht zufrieden") it counts against.
POSITIVE: dict[str, float] = {
    "gracias": 1.8, "contento": 2.2, "contenta": 2.2, "satisfecho": 2.0, "satisfecha": 2.0,
    "excelente": 2.6, "perfecto": 2.4, "encantado": 2.4, "encantada": 2.4,
    "merci": 1.8, "satisfait": 2.0, "satisfaite": 2.0, "contente": 2.2, "parfait": 2.4,
    "genial": 2.4, "danke": 1.8, "dank": 1.8, "zufrieden": 2.0, "prima": 2.0, "perfekt": 2.4,
    "hervorragend": 2.6, "obrigado": 1.8, "obrigada": 1.8, "satisfeito": 2.0,
    "satisfeita": 2.0, "otimo": 2.4, "perfeito": 2.4,
}

NEGATORS: frozenset[str] = frozenset([
    "sin", "ni", "nunca", "jamas", "nadie", "nada", "pas", "jamais", "sans", "aucun", "aucune",
    "rien", "nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "ohne", "nao",
    "nem", "sem", "ninguem",
])

PROFANITY: frozenset[str] = frozenset(["mierda", "merde", "scheisse", "scheiss", "merda"])

INTENSIFIERS: dict[str, float] = {
    "muy": 1.4, "totalmente": 1.3, "vraiment": 1.3, "completement": 1.3, "sehr": 1.4,
    "echt": 1.3, "muito": 1.4,
    "completamente": 1.3,
}

CONTRAST: frozenset[str] = frozenset(["pero", "mais", "aber"])  # not "mas": Spanish "more"

PHRASES: dict[str, tuple[float, str]] = {
    # never arrived, never received, no answer
    "nunca llego": (2.4, "complaint"), "no ha llegado": (2.0, "complaint"),
    "no llego": (2.0, "complaint"), "nadie me responde": (2.6, "repeat"),
    "nadie responde": (2.4, "repeat"), "otra vez": (0.9, "repeat"),
    "jamais arrive": (2.4, "complaint"), "pas arrive": (2.0, "complaint"),
    "pas recu": (2.0, "complaint"), "personne ne me repond": (2.6, "repeat"),
    "personne ne repond": (2.4, "repeat"), "en ai marre": (3.0, "anger"),
    "ras le bol": (3.0, "anger"), "foutage de gueule": (3.3, "anger"),
    "n importe quoi": (2.6, "anger"), "se moque de": (2.8, "anger"),
    "nie angekommen": (2.4, "complaint"), "nicht angekommen": (2.0, "complaint"),
    "nicht erhalten": (2.0, "complaint"), "immer noch": (0.9, "delay"),
    "schon wieder": (1.2, "repeat"), "die nase voll": (3.0, "anger"),
    "antwortet nicht": (2.4, "repeat"), "niemand antwortet": (2.6, "repeat"),
    "nunca chegou": (2.4, "complaint"), "nao chegou": (2.0, "complaint"),
    "ninguem responde": (2.4, "repeat"), "ninguem me responde": (2.6, "repeat"),
    "de novo": (0.9, "repeat"), "cobrado duas vezes": (2.2, "complaint"),
    "cobraron dos veces": (2.2, "complaint"), "debite deux fois": (2.2, "complaint"),
    "zweimal abgebucht": (2.2, "complaint"),
}

# Escalation threats, as in escalation_lexicon: (pattern, weight, words one of which must be
# present for the pattern to run).
_BOSS_ES_PT = r"(?:gerente|supervisor|supervisora|encargado|encargada|responsable|responsavel|jefe|jefa|chefe|superior)"  # noqa: E501
_BOSS_FR = r"(?:responsable|superieur|manager|directeur|directrice|chef|superviseur)"
_BOSS_DE = (
    r"(?:vorgesetzten|vorgesetzte|vorgesetzter|chef|chefin|manager|teamleiter|teamleiterin|"
    r"geschaftsfuhrer|geschaftsfuhrung|geschaftsleitung)"
)
MANAGER_PATTERNS: list[tuple[str, float, str]] = [
    (
        r"\b(?:hablar|comunicarme|pasame|paseme|pase|pasa|quiero|exijo|necesito|llamar|"
        r"falar|passar|passa|passe|transfira|quero|preciso|chamar|chame)\b(?: \w+){0,4}? "
        + _BOSS_ES_PT
        + r"\b",
        3.2,
        "gerente supervisor supervisora encargado encargada responsable responsavel jefe jefa "
        "chefe superior",
    ),
    (
        r"\b(?:parler|voir|passer|passez|veux|exige|demande|joindre)\b(?: \w+){0,4}? "
        + _BOSS_FR + r"\b",
        3.2,
        "responsable superieur manager directeur directrice chef superviseur",
    ),
    (
        r"\b(?:sprechen|verbinden|reden|mochte|verlange)\b(?: \w+){0,4}? " + _BOSS_DE
        + r"\b|\b" + _BOSS_DE + r"\b(?: \w+){0,3}? (?:sprechen|verbinden|reden|holen)\b",
        3.2,
        "vorgesetzten vorgesetzte vorgesetzter chef chefin manager teamleiter teamleiterin "
        "geschaftsfuhrer geschaftsfuhrung geschaftsleitung",
    ),
    (
        r"\b(?:una persona real|un humano|una persona de verdad|une vraie personne|un humain|"
        r"einen menschen|echten menschen|uma pessoa real|um humano)\b",
        2.4,
        "persona humano personne humain menschen pessoa",
    ),
]

CANCEL_PATTERNS: list[tuple[str, float, str]] = [
    (
        # cancel or leave the account, subscription, contract (not an order)
        r"\b(?:cancelar|cancelo|dar de baja|darme de baja|me doy de baja|resilier|annuler|"
        r"kundigen|kundige|beenden|encerrar)\b(?: \w+){0,3}? (?:mi|mis|la|el|mon|ma|mes|le|"
        r"meinen|meine|mein|den|das|die|minha|meu|a|o)? ?(?:\w+ )?(?:cuenta|suscripcion|"
        r"contrato|servicio|plan|linea|abonnement|compte|contrat|forfait|vertrag|abo|konto|"
        r"mitgliedschaft|conta|assinatura|plano|servico)\b",
        2.4,
        "cancelar cancelo baja resilier annuler kundigen kundige beenden encerrar",
    ),
    (
        # German puts the verb last: "ich will meinen Vertrag kundigen"
        r"\b(?:vertrag|abo|abonnement|konto|mitgliedschaft|vertrage)\b(?: \w+){0,3}? "
        r"(?:kundigen|kundige|beenden|auflosen)\b|\bkundigung\b",
        2.4,
        "kundigen kundige beenden auflosen kundigung",
    ),
    (
        # leaving for a competitor, never again
        r"\b(?:me voy a (?:otra|la competencia)|me cambio de (?:compania|empresa)|"
        r"(?:a|la) competencia|nunca mas|je vais (?:partir|aller) (?:chez|a) la concurrence|"
        r"chez la concurrence|plus jamais|zur konkurrenz|nie wieder|vou (?:mudar|trocar) de|"
        r"nunca mais|(?:para|pra) (?:a )?concorrencia)\b",
        2.4,
        "otra competencia compania empresa nunca concurrence plus konkurrenz nie mudar trocar "
        "mais concorrencia",
    ),
]

LEGAL_PATTERNS: list[tuple[str, float, str]] = [
    (
        r"\b(?:abogado|abogados|demandar|denunciar|denuncia|avocat|avocats|porter plainte|"
        r"tribunal|poursuites|anwalt|rechtsanwalt|verklagen|verbraucherzentrale|advogado|"
        r"advogados|processar|procon)\b",
        2.6,
        "abogado abogados demandar denunciar denuncia avocat avocats porter tribunal "
        "poursuites anwalt rechtsanwalt verklagen verbraucherzentrale advogado advogados "
        "processar procon",
    ),
]

# fmt: on
