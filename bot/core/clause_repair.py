"""A customer's clause made fit to be said back as the problem, or set aside.

- An instruction is not the problem: "fix this", "sort it out", "refund me now", "just send
  someone" (`is_instruction`). Nor is what they hold or what they would like: "I have the
  cancellation email", "I'd like a replacement cushion" (`is_not_a_problem`).
- A dropped auxiliary is put back only where the grammar leaves one choice
  (`with_auxiliary`): a noun phrase, then "still" / "not" / nothing, then a verb in -ing
  ("my gym membership still charging me" -> "my gym membership is still charging me"; "phone
  not charging" -> "my phone is not charging"; "heating not working since Sunday" -> "my
  heating hasn't been working since Sunday"), and a thing that cannot do the verb itself
  ("Flight cancelled last night" -> "my flight was cancelled last night"; "Card declined at the
  pharmacy" -> "my card was declined at the pharmacy"). What is not certain stays as it was,
  and bot/core/clean_clause.py then refuses it (`dropped_auxiliary`).
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.claimed_actions import ACTION_VERBS, claims_in
from bot.core.things import THINGS
from bot.core.tidy import known

_FLAGS = re.IGNORECASE
# Verbs a customer tells us to do, in base form, then what they act on.
_ORDER_VERBS = (
    r"fix|sort|refund|send|resend|cancel|stop|give|get|put|make|call|ring|phone|tell|help|chase|"
    r"reopen|restore|correct|change|move|rebook|reinstate|honour|honor|waive|reverse|remove|"
    r"take|pay|credit|reimburse|compensate|escalate|explain|arrange|book|check|look|update|"
    r"delete|close|unblock|unlock|reset|return|replace|deliver|bring|let|contact|email|text|see"
)
_INSTRUCTION = prebuilt.compile(
    rf"^\s*(?:(?:just|please|now|so|then|can you|could you|will you|would you|kindly|pls)\s+)*"
    rf"(?:{_ORDER_VERBS})\s+(?:(?:me|us|it|this|that|them|my|our|the|a|an|someone|somebody|"
    r"everything|things|out|up|back|now|asap|immediately|how|what|why|where|whether|if|at|"
    r"\w+ing)\b|[£$€]\d)",
    _FLAGS,
)
_EVIDENCE_WORDS = (
    r"(?:e-?mails?|confirmations?|receipts?|photos?|pictures?|screenshots?|statements?|letters?|"
    r"reports?|forms?|footage|videos?|recordings?|texts?|messages?|invoices?|proof|records?|"
    r"certificates?|references?|contracts?|evidence)"
)
_NOT_A_PROBLEM = prebuilt.compile(
    r"^\s*(?:(?:i|we)\s*(?:'d|would)\s+(?:like|rather|prefer)|(?:i|we)\s+(?:just\s+)?"
    r"(?:want|wanted|need)\b|(?:i|we)(?:'ve| have)?\s+(?:still |also |even |both )?(?:have|got|"
    r"kept|saved|attached|took)\s+(?:got\s+)?(?:(?:the|a|an|my|our|both|all|all the|copies of|"
    rf"a copy of)\s+)?(?:[\w'-]+\s+){{0,4}}?{_EVIDENCE_WORDS}\b"
    r"(?![^,]*\b(?:not|no|never|wrong|missing|nothing)\b|[^,]*n't\b))",
    _FLAGS,
)


def is_instruction(clause: str) -> bool:
    """An order or request ("fix this", "just send someone please"): not a problem statement."""
    return bool(_INSTRUCTION.match(clause))


def is_not_a_problem(clause: str) -> bool:
    """What they want or what they hold ("I'd like ...", "I have the receipt")."""
    return bool(_NOT_A_PROBLEM.match(clause))


_DETERMINER = r"(?:my|our|the|your|his|her|their)"
_CLOSED = frozenset(
    """i me you he she it we they them us this that these those there here what which who
    nothing nobody everything everyone someone something anything anyone no not never still
    just also only even again already now then so and but or because if when while since
    for of to from with without at in on by about after before is are was were be been
    has have had do does did can could will would should may might must am get got keep
    keeps kept been being please thanks hi hello hey yes ok okay my our your his her their
    the a an its""".split()  # noqa: SIM905
)
# The -ed verbs a thing undergoes, never does ("my card declined" is "was declined").
_UNDERGONE = (
    r"cancell?ed|declined|charged|billed|debited|marked|missed|rejected|refused|blocked|"
    r"suspended|estimated|overcharged|disconnected|delayed|rescheduled|closed|frozen|flagged"
)
_NOT_OBJECT = r"(?!\s+(?:(?:me|us|you|him|her|them|my|our|your|the|a|an)\b|\d|[£$€]))"
_NOUN_PHRASE = rf"(?P<det>{_DETERMINER}\s+)?(?P<noun>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}?)"
_ING = prebuilt.compile(
    rf"^{_NOUN_PHRASE}\s+(?P<adv>still\s+|not\s+|also\s+|now\s+)?(?P<verb>[a-z]+ing)\b", _FLAGS
)
_UNDERGONE_CLAUSE = prebuilt.compile(
    rf"^{_NOUN_PHRASE}\s+(?P<adv>just\s+|also\s+|now\s+)?(?P<verb>{_UNDERGONE})\b{_NOT_OBJECT}",
    _FLAGS,
)
_SINCE = prebuilt.compile(
    r"\b(?:since|for (?:\d+|a|an|two|three|four|five|six|several|a few) \w+)\b", _FLAGS
)


# Nouns that end like a verb in -ing: "heating not working" has its subject.
_ING_NOUNS = frozenset(
    """heating booking parking building ceiling wedding clothing wiring lighting plumbing
    flooring housing funding billing banking shipping listing setting settings recording
    meeting filling fitting pricing tracking bedding roofing morning evening packaging
    servicing training clothing earring ring thing string spring reading everything nothing
    anything something during""".split()  # noqa: SIM905
)


def _nouns(phrase: str) -> bool:
    words = phrase.split()
    return all(
        w.lower().replace("\u2019", "'").split("'")[0] not in _CLOSED
        and (w.lower() in _ING_NOUNS or not w.lower().endswith(("ing", "ed", "ly")))
        and (known(w) or w[0].isupper())
        for w in words
    )


def _plural(phrase: str) -> bool:
    head = phrase.split()[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ys'"))


# A thing of theirs named bare before its verb: "Kettle stopped working", "Bill is £412".
_BARE_THING = prebuilt.compile(
    r"^(?P<noun>[A-Za-z]+(?:\s+[a-z]+)?)\s+(?=(?:is|isn't|was|wasn't|has|hasn't|keeps|kept|"
    r"stopped|won't|doesn't|didn't|broke|arrived|came|never|still)\b)",
)


_SUPPLIES = frozenset(["water", "gas", "power", "electricity"])


def with_determiner(clause: str) -> str:
    """ "Kettle stopped working" -> "my kettle stopped working": only for a thing a customer
    has (bot/core/things.py names it), never a name or one of ours."""
    found = _BARE_THING.match(clause)
    if not found or not _nouns(found.group("noun")):
        return clause
    head = found.group("noun").split()[-1]
    if not THINGS.fullmatch(head) or head.lower() in _SUPPLIES:
        return clause  # "Water has been leaking through my ceiling": not "your water"
    return "my " + clause[0].lower() + clause[1:]


def with_auxiliary(clause: str) -> str:
    """The clause with the auxiliary it dropped put back, where only one fits (module doc)."""
    for pattern in (_ING, _UNDERGONE_CLAUSE):
        found = pattern.match(clause)
        if not found or not _nouns(found.group("noun")):
            continue
        if found.group("verb").lower() in _ING_NOUNS:
            continue  # "my parking permit": a noun, not a verb
        if _finite_follows(clause[found.end() :]):
            continue  # "my gas meter reading was estimated": a thing, with its verb
        noun = found.group("noun")
        plural = _plural(noun)
        adv = (found.group("adv") or "").strip()
        rest = clause[found.end() :]
        if pattern is _UNDERGONE_CLAUSE:
            aux = "were" if plural else "was"
        elif adv == "not" and _SINCE.search(rest):
            aux, adv = ("haven't been" if plural else "hasn't been"), ""
        else:
            aux = "are" if plural else "is"
        det = found.group("det") or "my "
        words = [aux, adv, found.group("verb")] if adv else [aux, found.group("verb")]
        noun = noun if found.group("det") else noun[0].lower() + noun[1:]
        return f"{det}{noun} {' '.join(words)}{rest}"
    return clause


_VERB_AFTER = frozenset(
    """is are was were has have had keeps kept won't isn't wasn't doesn't didn't hasn't haven't
    can't couldn't will would never still says said shows showed seems looks needs wants
    keeps told sent charged gave took made""".split()  # noqa: SIM905
)


def _finite_follows(rest: str) -> bool:
    """A finite verb in the next two words: the -ing word before it was part of a noun."""
    after = [w.lower().strip(",.;:") for w in rest.split()[:2]]
    return any(w in _VERB_AFTER or (w.endswith("ed") and len(w) > 4) for w in after)


_DROPPED = prebuilt.compile(
    rf"^{_DETERMINER}\s+(?:[\w'-]+\s+){{0,2}}?(?:still\s+|not\s+)?[a-z]+ing\b", _FLAGS
)


def dropped_auxiliary(clause: str) -> bool:
    """A thing followed straight by a verb in -ing ("your parcel still showing ..."): the
    auxiliary is missing, so the clause is not said back as it is."""
    found = _DROPPED.match(clause)
    if not found or found.group(0).split()[-1].lower() in _ING_NOUNS:
        return False
    if _finite_follows(clause[found.end() :]):
        return False  # "your packing slip was wrong", "the letting agent won't": a thing
    middle = [w.lower() for w in found.group(0).split()[1:-1]]
    if any(
        w in _VERB_AFTER or w.endswith(("ed", "n't", "'s", "'re", "\u2019s"))
        for w in middle
        if w != "still"
    ):
        return False  # "your kettle stopped working", "your grandma's staying": its verb is there
    return all(w not in _CLOSED or w in ("still", "not") for w in middle)


_OUR_VERB = "(?:" + "|".join(ACTION_VERBS) + ")"
# "we cancelled your appointment the morning of it": what we did to their thing, said back in
# the passive, which states their problem instead of claiming our action.
_WE_DID = prebuilt.compile(
    rf"^(?:we|our(?: \w+){{1,2}}?)(?:'ve| have| had)? (?:just |already )?(?P<verb>{_OUR_VERB}) "
    r"(?P<thing>your [^,;.]+?)(?P<rest>(?:,| (?:on|at|in|by|without|saying|after|before|when|"
    r"because|this|last|yesterday|today|the (?:morning|evening|afternoon|night|day|week))\b| "
    r"[£$€]).*|)$",
    _FLAGS,
)
_WE_SENT = prebuilt.compile(
    r"\b(the|a|an) ([\w-]+(?: [\w-]+)?) we (?:sent|emailed|texted|posted)\b", _FLAGS
)


def without_our_claims(clause: str) -> str | None:
    """The clause said back without claiming an action of ours as done: "we cancelled your
    order ..." -> "your order was cancelled ..."; "the text we sent" -> "the text from us";
    None when a claim is left (bot/core/claimed_actions.py)."""
    found = _WE_DID.match(clause)
    if found:
        thing = found.group("thing")
        aux = "were" if _plural(thing) else "was"
        clause = f"{thing} {aux} {found.group('verb')}{found.group('rest')}"
    clause = _WE_SENT.sub(lambda m: f"{m.group(1)} {m.group(2)} from us", clause)
    first_person = [c for c in claims_in(clause) if re.match(r"(?:i|we)\b", c, _FLAGS)]
    return None if first_person else clause
