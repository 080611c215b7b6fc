"""Which of a playbook's reply templates fit this conversation, best first.

A template is used only when the conversation states every premise it `requires`; those with
premises rank first (they are the specific ones). A template that asks the customer to do what
they already tried is left out.
"""

from __future__ import annotations

import re

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.matcher import terms
from bot.core.playbooks import Reply
from bot.core.text import normalise
from bot.llm.case_lines import asks_known

# "restarted the router" -> "restart"; "tried restarting it" -> "restart".
_STEM = prebuilt.compile(r"^(?:tried\s+)?([a-z-]+?)(?:ed|ing|d)?\b")
_ASKS = r"\b(?:try|trying|please|could you|can you|would you|have you|did you)\b[^.?!]{0,30}\b"
# "Could you tell me the date and the amount?" when they already gave the amount.
_ASKS_FOR = prebuilt.compile(
    r"\b(?:could|can|would) you (?:tell|give|send|share|confirm)\b([^.?]*)", re.IGNORECASE
)
_FACT = prebuilt.compile(r"\b(amount|date|reference|order number|account)\b", re.IGNORECASE)
_PROMISES_NOT_TO = prebuilt.compile(
    r"\b(won't|will not|don't need to|no need to) (ask|make) you\b", re.I
)


def most_relevant_first(replies: list[Reply], customer_text: str) -> list[Reply]:
    """Templates sharing the most words with what the customer said come first (stable)."""
    said = set(terms(normalise(customer_text)))
    overlap = [len(said & set(terms(normalise(reply.text + " " + reply.why)))) for reply in replies]
    order = sorted(range(len(replies)), key=lambda i: -overlap[i])
    return [replies[i] for i in order]


def _tried_stems(tried: list[str]) -> list[str]:
    stems = []
    for step in tried:
        match = _STEM.match(step.lower())
        if match and len(match.group(1)) >= 4 and match.group(1) not in {"were", "told"}:
            stems.append(match.group(1))
    return stems


def asks_again(text: str, tried: list[str]) -> bool:
    """Does the template ask them to do something they already did?"""
    if _PROMISES_NOT_TO.search(text):
        return False
    return any(re.search(_ASKS + stem, text, re.IGNORECASE) for stem in _tried_stems(tried))


def asks_for_known(text: str, case: Case) -> bool:
    """Does the template ask for a fact the customer already gave (an amount, a date ...)?"""
    known = {
        "amount": case.amounts,
        "date": case.dates,
        "reference": case.references,
        "order number": case.references,
        "account": case.references,  # "which account ... is this about?" after "It's WA-339021"
    }
    asked = (
        f.group(1).lower() for m in _ASKS_FOR.finditer(text) for f in _FACT.finditer(m.group(1))
    )
    return any(known[fact] for fact in asked)


# Stock lines and the situations they do not fit, in plain words that carry across industries.
# Sending "the details" in writing answers a question about their account, not a how-to, a
# problem or something they asked us to do.
_SENDS_DETAILS = prebuilt.compile(r"\bsend the details to the email on your account\b", re.I)
# A replacement, a repair or a return is for a thing they hold, not an app or a website.
_DEVICE = prebuilt.compile(r"\b(?:replacement|repair|returns? label|the return works)\b", re.I)
_WANTS_TO_KNOW = prebuilt.compile(
    r"^you(?:'d like| want|'re asking)\b", re.I
)  # a question, not a problem
_DIGITAL = frozenset(
    {"app", "website", "site", "software", "account", "portal", "login", "password", "email"}
    | {"program", "system", "subscription", "page", "online"}
    | {"broadband", "internet", "wifi", "connection", "signal", "service", "network", "line"}
)
# Keeping a customer who is leaving, when it was we who cancelled their booking or plan.
_KEEPS_THEM = prebuilt.compile(
    r"\b(?:before you decide|what's prompted|fight to leave|make leaving easy|cancellation quick|"
    r"a pause or a cheaper option|want to come back|process the cancellation|once it's closed)\b",
    re.I,
)
# Who cancelled: we, or the business they booked with ("the hotel cancelled your booking"), or
# their booking "was cancelled"; never them.
WE_CANCELLED = prebuilt.compile(
    r"^(?:(?:we|the [\w ]{1,20}?)(?:'ve| have| has)? (?:cancell?ed|called off) your|"
    r"(?:your|the) [\w' -]{1,30} (?:was|has been|got) (?:cancell?ed|called off))\b",
    re.I,
)
# Goods still on their way: tracking, a courier, a delivery date; not a refund, not something
# that already arrived.
_ON_ITS_WAY = prebuilt.compile(r"\b(?:tracking|courier|delivery (?:team|date))\b", re.I)
_NOT_ON_ITS_WAY = prebuilt.compile(
    r"\brefund\b|\b(?:arrived|was delivered|got delivered|turned up)\b(?![^,.]*\bnever\b)", re.I
)
# ... nor for a service that reaches them down a line: broadband, signal, a phone line
_DIGITAL_WORDS = prebuilt.compile(
    r"\b(?:app|apps|portal|website|site|online|browser|log ?in|sign ?in|error \d+|broadband|"
    r"internet|wi-?fi|signal|reception|phone line|landline|connection)\b",
    re.I,
)


# Going through a charge is for a charge they question, not for a refund they ask the time of
# after we cancelled or they sent the goods back ("how long will my refund take?").
_AUDITS_A_CHARGE = prebuilt.compile(
    r"\b(?:charges line by line|look at that charge|look into this payment|a charge you don't "
    r"recognise)\b",
    re.I,
)
_WAITS_FOR_MONEY = prebuilt.compile(
    r"\b(?:how long|when|how soon|how many days)\b[^.?!]{0,60}\b(?:refund|money back|deposit)",
    re.I,
)
_QUESTIONS_A_CHARGE = prebuilt.compile(
    r"\b(?:charg\w*|overcharg\w*|bill(?:ed|ing)?|invoices?|statement|twice|double|debit\w*|"
    r"taken|took|payments?|don'?t recognise|fee|price|cost)\b",
    re.I,
)


def waits_for_money(said: str) -> bool:
    """Do they ask when money comes back ("how long will my refund take?") rather than
    question a charge?"""
    return bool(_WAITS_FOR_MONEY.search(said) and not _QUESTIONS_A_CHARGE.search(said))


def misfits(text: str, case: Case, asked_to_act: bool = False, said: str = "") -> bool:
    """Is the template a stock line whose situation this case is not in? (`said`: the
    customer's latest words, for when no issue could be said back)"""
    if _SENDS_DETAILS.search(text):
        problem = case.issue and not _WANTS_TO_KNOW.match(case.issue)
        return "how_to" in case.premises or bool(problem or case.wants) or asked_to_act
    about = case.issue or said
    if _DEVICE.search(text) and (case.thing in _DIGITAL or _DIGITAL_WORDS.search(about)):
        return True
    if _ON_ITS_WAY.search(text) and (
        "missed_visit" in case.premises or _NOT_ON_ITS_WAY.search(case.issue or "")
    ):
        return True
    if _AUDITS_A_CHARGE.search(text) and waits_for_money(said or about):
        return True
    return bool(_KEEPS_THEM.search(text) and WE_CANCELLED.match(case.issue or ""))


def fitting_templates(
    replies: list[Reply], case: Case, customer_text: str, asked_to_act: bool = False
) -> list[Reply]:
    """Templates whose premises are all stated, none of those that tell another situation
    (`unless`), whose situation is theirs, and that ask nothing already done or given, best
    first; one whose question asks what they already said comes after the others."""
    usable = [
        reply
        for reply in replies
        if set(reply.requires) <= case.premises
        and not set(reply.unless) & case.premises
        and not misfits(reply.text, case, asked_to_act, customer_text)
        and not asks_again(reply.text, case.tried)
        and not asks_for_known(reply.text, case)
    ]
    relevant = most_relevant_first(usable, customer_text)
    # specific first; one asking what they already said last (the composer narrows its question)
    return sorted(relevant, key=lambda r: (asks_known(r.text, case), -len(r.requires)))
