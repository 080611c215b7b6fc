"""Dangers a utility's customer reports, in the street or at home: gas, water flooding out,
power lines down, and someone vulnerable (a baby, an elderly or disabled person) left without
heating, power, water or the phone line a care alarm needs.

They are `danger` for bot/core/care.py: gas, water and power lines are emergencies (care mode
`urgent`: safety first); a vulnerable person without heat, power or water is the person first
(`person`). Which hazard it is picks the safety line (bot/llm/hazard_replies.py).
"""

from __future__ import annotations

from bot.core import prebuilt

_NO_WATER = (
    r"(?:no|without|lost (?:our |my |the |all )?)\s?(?:(?:running |drinking |tap )?water"
    r"(?! (?:pressure|bill|meter|leak))|water supply)"
    r"|nothing (?:is )?coming (?:out )?(?:of|from) (?:the |our |my )?taps?"
    r"|(?:water|taps?|water supply)(?:'s)? (?:\w+ ){0,2}"
    r"(?:has |have |was |were |is |are )?(?:been )?"
    r"(?:off|cut off|gone|dry|run dry|stopped)\b"
)
_LOSS = (
    r"(?:no|without|lost (?:our |my |the |all )?)\s?(?:heating|heat|power|electricity|gas supply)"
    r"(?! (?:outlets?|sockets?|ports?|points?|banks?|steering)\b)"
    r"|(?:heating|boiler|power|electricity|electric)(?:'s)?(?: \w+){0,3} "
    r"(?:is |has |was )?(?:been )?"
    r"(?:off|out|down|gone|broken|not working|stopped working|packed up|cut off)\b"
    r"|\b(?:power|electricity) (?:cut|outage|failure)s?\b|\bblackout\b"
    rf"|{_NO_WATER}"
    # a home gone cold: "it's 9 degrees in the flat", "freezing in the house"
    r"|\b(?:[0-9]|1[0-3]) ?(?:degrees|°c?)\b[^.?!]{0,20}\b(?:in|inside) "
    r"(?:the |my |our |her |his )?(?:flat|house|home|room|bedroom|nursery)\b"
    r"|\b(?:freezing|so cold|bitterly cold) (?:in|inside) (?:the |my |our |her |his )?"
    r"(?:flat|house|home)\b"
    # the line a care alarm or a call for help depends on: "her phone line has been dead"
    r"|(?:phone|landline|telephone)(?: line)?(?:'s)? (?:\w+ ){0,2}(?:has |is |was )?(?:been )?"
    r"(?:dead|down|cut off|not working)\b"
)
VULNERABLE = (
    r"\b(?:baby|babies|newborn|infant|toddler|\d+[- ](?:week|month)s?[- ]old|pregnant|elderly|"
    r"pensioner|(?:[89]\d)[- ]year[- ]old|(?:is|aged|she's|he's) [89]\d\b|"
    r"in (?:her|his|their) (?:80|90)s|disabled|oxygen|"
    r"medical equipment|dialysis|frail|vulnerable)\b"
)
_LOSS_HERE = prebuilt.compile(_LOSS)
_VULNERABLE_HERE = prebuilt.compile(VULNERABLE)
_BURST_MAIN = r"burst (?:water )?mains?\b|water mains? (?:has |have )?burst"
_NO_WATER_HERE = prebuilt.compile(_NO_WATER)
HAZARDS: dict[str, list[str]] = {
    "gas": [
        r"gas leak|carbon monoxide",
        r"(?:smell(?:s|ing)?|stinks?|stinking|reeks?|reeking|whiff) (?:of |like )?gas\b",
        r"\bgas (?:is |keeps )?(?:leaking|escaping|hissing)",
    ],
    "flood": [
        _BURST_MAIN,
        r"\b(?:water|sewage) (?:is |keeps )?(?:pouring|gushing|coming|bubbling|spurting|pumping|"
        r"flowing|spraying|running|welling|backing) (?:up )?(?:out of|through|from|up through|"
        r"across|down|along|into|onto|out onto|over) (?:the |our |my )?(?:road|street|pavement|"
        r"ground|tarmac|drive|driveway|footpath|manhole|drains?|house|home|garden)",
        r"\b(?:road|street|pavement|lane)(?: outside| here| out the front)? "
        r"(?:is |has |has been |was )?(?:completely )?(?:flooding|flooded|under water|underwater)",
        r"\b(?:water|sewage|flood ?water)(?: is| keeps| has been| has started)? "
        r"(?:coming|getting|pouring|seeping|rising|creeping|running) (?:up )?(?:in|into|under|"
        r"up to|through) (?:the |our |my )?(?:front |back )?(?:door|house|home|flat|kitchen|"
        r"living room|basement|cellar|garage)",
        r"\bflooding (?:the|our|my) (?:road|street|house|home|kitchen|basement|cellar|garden)",
    ],
    "power": [
        r"\b(?:power|electric(?:al|ity)?|overhead) (?:lines?|cables?|wires?) "
        r"(?:is |are |has |have )?"
        r"(?:come |came |been |blown |brought )?(?:down|fallen|hanging|dangling|sparking|snapped|"
        r"on the (?:road|ground|pavement|car|drive))",
        r"\b(?:fallen|downed|dangling|hanging|snapped) (?:power |electric(?:al|ity)? |overhead )"
        r"(?:lines?|cables?|wires?)",
        r"\blive (?:wires?|cables?)\b",
        r"\b(?:electricity )?(?:pole|pylon) (?:has )?(?:come|fallen|blown) down",
    ],
    "without_supply": [
        rf"(?:{_LOSS})[^.?!]{{0,100}}(?:[.?!][^.?!]{{0,100}})?{VULNERABLE}",
        rf"{VULNERABLE}[^.?!]{{0,100}}(?:[.?!][^.?!]{{0,100}})?(?:{_LOSS})",
    ],
}
_COMPILED = {name: [prebuilt.compile(p) for p in patterns] for name, patterns in HAZARDS.items()}
# What the agent is told first, per hazard (bot/core/coaching.py).
HAZARD_COACHING = {
    "gas": "Safety first (gas): tell them to get out into fresh air, use no switches and call the "
    "gas emergency line; then pass it on as an emergency with the exact place.",
    "flood": "Safety first (flooding): keep them away from the water; pass it on as an emergency "
    "with the exact place, then give a time for the next update.",
    "power": "Safety first (power line down): keep everyone away and treat it as live; emergency "
    "services first, then pass it on with the exact place.",
    "without_supply": "Care first (someone vulnerable without heat, power, water or a phone line): "
    "treat it as a priority, check what help you can offer today, and give a time; no script, "
    "no upsell.",
}
# Happening now, out there: safety first. A vulnerable person without heat: the person first.
URGENT_HAZARDS = ("gas", "flood", "power")


def danger_patterns() -> list[str]:
    """Every hazard pattern, for care's `danger` kind."""
    return [p for patterns in HAZARDS.values() for p in patterns]


def only_the_cause(pattern: str, plain: str) -> bool:
    """A burst main given as why their water is off ("no water since yesterday, apparently a
    burst main") is an outage they were told of, not a flood in front of them."""
    return pattern == _BURST_MAIN and bool(_NO_WATER_HERE.search(plain))


def without_supply_in_thread(texts: list[str]) -> str | None:
    """The words showing someone vulnerable without heat, power or water when the thread tells
    it in different turns ("no heating since Monday" ... later "I have a 4 month old baby");
    None when it does not."""
    if len(texts) < 2:  # within one turn, the `without_supply` patterns read it
        return None
    plain = [t.lower().replace("’", "'") for t in texts]
    loss = next((m for t in plain if (m := _LOSS_HERE.search(t))), None)
    who = next((m for t in plain if (m := _VULNERABLE_HERE.search(t))), None)
    return f"{loss.group(0)} ... {who.group(0)}" if loss and who else None


def hazard_in(texts: list[str]) -> str | None:
    """The hazard the customer's (lower-cased) texts show, the most urgent first, or None."""
    plain = " ".join(t.lower().replace("’", "'") for t in texts)
    found = next(
        (
            name
            for name, patterns in _COMPILED.items()
            if any(p.search(plain) and not only_the_cause(p.pattern, plain) for p in patterns)
        ),
        None,
    )
    return found or ("without_supply" if without_supply_in_thread(texts) else None)
