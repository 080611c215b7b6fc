"""More moments in Spanish, French, German and Portuguese, for the matcher.

multilingual_signals.py holds the strongest moments (a manager, leaving, a refund, an order
not arrived, a locked account); these are the other moments customers bring most, in the
plain words they use for them: something broken or the wrong item, a service down, a
repeated contact, a late delivery, a bill that looks wrong, giving notice, a way back into an
account, and thanks. Patterns run on `bot.core.text.normalise` output (accents folded,
apostrophes split).
"""

from __future__ import annotations

_DEFECT = (
    r"\b(?:dejo de funcionar|no funciona|no enciende|(?:llego|vino|esta) (?:rot[oa]|danad[oa]|"
    r"defectuos[oa])|defectuos[oa]|talla equivocada|(?:producto|articulo|talla) (?:equivocad[oa]|"
    r"incorrect[oa])|ne (?:fonctionne|marche|s allume) (?:pas|plus)|(?:arrive|recu|livre)e? "
    r"(?:casse|abime|endommage)e?|defectueu(?:x|se)|(?:mauvaise|mauvais) (?:taille|article|"
    r"produit|couleur|modele)|(?:l )?echanger|funktioniert (?:nicht|nicht mehr|gar nicht)|"
    r"geht nicht mehr an|kaputt|defekt|beschadigt|falsche(?:n)? (?:grosse|farbe|artikel)|"
    r"umtauschen|ersatzgerat|nao funciona|parou de funcionar|nao liga|(?:chegou|veio) "
    r"(?:quebrad[oa]|danificad[oa]|com defeito|rachad[oa]|errad[oa])|com defeito|"
    r"defeituos[oa]|tamanho errado|produto errado|trocar o (?:produto|aparelho)|troquem)\b"
)
_OUTAGE = (
    r"\b(?:(?:no tengo|sin|nos quedamos sin) (?:internet|luz|conexion|servicio|cobertura|"
    r"senal)|(?:internet|servicio|web|pagina|app|aplicacion|red) (?:\w+ )?(?:esta )?caid[oa]|"
    r"se (?:ha )?caido|corte de (?:luz|servicio|internet|agua)|averia general|en panne|"
    r"coupure|plus de (?:courant|internet|connexion|reseau)|pas de (?:connexion|reseau|"
    r"internet)|hors service|inaccessible|stromausfall|(?:strom|internet|netz) (?:ist )?"
    r"(?:\w+ ){0,4}(?:weg|ausgefallen|down)|kein (?:internet|strom|netz|empfang)|storung|"
    r"ausfall|nicht erreichbar|sem (?:internet|luz|energia|sinal|servico|conexao)|(?:internet|"
    r"luz|energia|sinal|servico|site|aplicativo) (?:\w+ ){0,2}(?:caiu|fora do ar)|queda de "
    r"(?:energia|luz|internet)|fora do ar)\b"
)
_REPEAT = (
    r"\b(?:es la (?:segunda|tercera|cuarta|quinta) vez|vuelvo a (?:escribir|llamar)|"
    r"(?:otra vez|de nuevo) por lo mismo|ya (?:les )?he (?:escrito|llamado) (?:\w+ ){0,2}"
    r"(?:veces|vez)|sigo sin (?:respuesta|solucion)|c est la (?:deuxieme|troisieme|quatrieme) "
    r"fois|(?:deja|plusieurs fois) (?:appele|ecrit|relance)|toujours pas de (?:reponse|"
    r"solution)|zum (?:zweiten|dritten|vierten|funften|wiederholten) mal|schon (?:\w+ )?"
    r"(?:mehrmals|mehrfach|oft) (?:angerufen|geschrieben|gemeldet)|immer noch keine "
    r"(?:antwort|losung)|(?:e|ja e) a (?:segunda|terceira|quarta) vez|ja (?:liguei|escrevi|"
    r"reclamei) (?:\w+ ){0,2}vezes|continuo sem (?:resposta|solucao)|de novo pelo mesmo)\b"
)
_LATE = (
    r"\b(?:(?:todavia|aun) no (?:me )?(?:ha )?llegado|no me ha llegado|sigue sin llegar|"
    r"wo bleibt|(?:immer )?noch (?:immer )?nicht (?:angekommen|geliefert|da)|toujours pas "
    r"(?:arrive|recu|livre)e?|(?:ainda )?nao (?:chegou|recebi)|"
    r"(?:pedido|paquete|envio) (?:\w+ ){0,3}retrasad[oa]|seguimiento|rien recu|n ai (?:rien|"
    r"toujours rien|toujours pas|pas) recu|(?:colis|commande|livraison) (?:\w+ ){0,3}en "
    r"retard|suivi|nichts (?:bekommen|erhalten|angekommen)|(?:lieferung|bestellung|paket) "
    r"(?:\w+ ){0,3}(?:verspatet|verzogert)|sollte (?:\w+ ){0,4}geliefert werden|sendungsverfolgung|"
    r"(?:era|ia) (?:pra|para) chegar|(?:pedido|encomenda|entrega) (?:\w+ ){0,3}atrasad[oa]|"
    r"rastreio|rastreamento)\b"
)
_BILL_WRONG = (
    r"\b(?:(?:factura|recibo|cobro|cargo)(?: \w+){0,8}? (?:muy alt[oa]|excesiv[oa]|"
    r"no (?:reconozco|entiendo)|error|erronea?o?)|(?:facture|prelevement|montant)(?: \w+)"
    r"{0,20}? (?:erreur|trop eleve|errone|ne (?:comprends|reconnais) pas)|(?:rechnung|abbuchung|"
    r"betrag)(?: \w+){0,8}? (?:zu hoch|falsch|fehler)|falsch abgebucht|(?:cobranca|conta|"
    r"fatura|valor)(?: \w+){0,8}? (?:nao reconheco|errad[oa]|muito alt[oa]|indevid[oa]))\b"
)
_NOTICE = (
    r"\b(?:dar(?:me|se)? de baja|(?:anular|cancelar) (?:mi|la|el) (?:suscripcion|membresia|"
    r"contrato|cuenta|abono|plan)|resilier|resiliation|me desabonner|(?:zu )?kundigen|"
    r"kundigung|cancelar (?:o|meu|minha) (?:plano|assinatura|contrato|conta))\b"
)
_WAY_IN = (
    r"\b(?:(?:usuario|cuenta|acceso) (?:\w+ ){0,3}bloquead[oa]|no puedo entrar|no me deja "
    r"entrar|contrasena|n arrive (?:plus|pas) a me connecter|code de verification|mot de "
    r"passe|(?:komme|kann) (?:\w+ ){0,3}nicht (?:mehr )?in (?:mein|das) \w*konto|passwort|"
    r"kundenkonto|nao consigo (?:entrar|acessar)|senha|conta (?:foi )?bloqueada)\b"
)
# Thanks that close a request ("muchas gracias de antemano", "vielen Dank im Voraus") are not
# praise: only thanks with nothing asked in advance, and words that praise.
_PRAISE = (
    r"\b(?:(?:muchas|mil) gracias(?! de antemano| por adelantado)|muy amable|excelente "
    r"(?:servicio|atencion|trabajo)|(?:quiero|queria) (?:dar las gracias|agradecer|felicitar)|"
    r"merci beaucoup(?! d avance| par avance)|un grand merci|tres aimable|excellent (?:service|"
    r"accueil|travail)|je (?:tiens|voulais) a (?:remercier|feliciter)|(?:vielen|herzlichen) "
    r"dank(?! im voraus)|sehr freundlich|(?:toller|super) service|(?:mochte|wollte) mich "
    r"(?:\w+ )?bedanken|muito obrigad[oa](?! desde ja)|muito atencios[oa]|excelente "
    r"atendimento|(?:quero|queria) agradecer|parabens)\b"
)

SIGNALS: dict[str, list[tuple[str, float]]] = {
    "product-defect": [(_DEFECT, 3.0)],
    "service-outage": [(_OUTAGE, 3.0)],
    "repeat-contact": [(_REPEAT, 3.0)],
    "order-status": [(_LATE, 2.0)],
    "billing-dispute": [(_BILL_WRONG, 2.5)],
    "cancellation-risk": [(_NOTICE, 3.0)],
    "account-access": [(_WAY_IN, 2.5)],
    "praise": [(_PRAISE, 2.0)],
}
