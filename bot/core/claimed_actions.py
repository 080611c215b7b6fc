"""Claimed actions: a reply that says something on our side is already done.

"I've refunded it", "we sent a new one", "your account has been unlocked", "a replacement is
already on its way". An agent who sends that before doing it breaks a promise, so a reply may
claim an action only when the agent's own earlier turn says it was done (a passive one, "your
flight has been cancelled", also when the customer says it happened). Promises ("I'll refund
it"), conditions ("once I've confirmed the duplicate"), negations ("it hasn't been sent") and
questions ("has it been refunded?") are not claims.

What counts as "our action" is one vocabulary of remedial verbs in their past form (refunded,
sent, unlocked, booked, escalated ...), so facts the customer reports ("I was charged twice",
"it has been delayed") are not mistaken for claims.
"""

from __future__ import annotations

import re

from bot.core import claimed_actions_multilingual as other
from bot.core import prebuilt
from bot.core.conversation import Conversation
from bot.core.text import sentences

# Past forms of what an agent does for a customer. Plain words; no eval-file tuning.
_ACTION_VERBS = (
    "refunded reimbursed credited reversed cancell?ed voided waived adjusted corrected "
    "sent e-?mailed texted posted mailed forwarded attached resent re-sent "
    "unlocked unblocked reset restored reactivated reinstated re-?enabled enabled disabled "
    "logged recorded filed raised opened submitted reported flagged "
    "escalated referred transferred passed "
    "booked scheduled rescheduled arranged organi[sz]ed "
    "dispatched despatched shipped ordered re-?ordered replaced exchanged swapped "
    "issued processed applied added removed deleted closed paid "
    "fixed resolved repaired sorted updated changed amended upgraded downgraded moved "
    "approved authori[sz]ed confirmed checked traced investigated verified "
    "contacted called rung phoned rang notified informed chased spoken pulled written"
)
ACTION_VERBS = _ACTION_VERBS.split()
_VERB = "(?:" + "|".join(ACTION_VERBS) + r")\b"
_DONE_STATE = (
    r"(?:refunded|unlocked|unblocked|fixed|resolved|cancell?ed|reactivated|restored|"
    r"waived|credited|reversed|approved|booked|dispatched|despatched|shipped|replaced|"
    r"processed)\b"
)
_ADVERBS = (
    r"(?:(?:already|just|now|also|personally|actually|successfully|today|since|"
    r"(?:gone|went) ahead and) )*"
)
_CLAIMS = prebuilt.compile(
    "|".join(
        [
            # first person perfect or past: "I've refunded", "we have just sent", "I booked"
            rf"\b(?:i|we)(?:'ve|’ve| have| had)? {_ADVERBS}{_VERB}",
            # passive perfect: "has been refunded", "it's been sent", "have already been booked"
            rf"\b(?:has|have|had|'s|’s) {_ADVERBS}been {_ADVERBS}{_VERB}",
            # a state that only follows our action: "is now unlocked", "are all sorted"
            rf"\b(?:is|are|'s|’s) (?:now|already|all) {_ADVERBS}{_VERB}",
            # a remedied state, bare: "your account is unlocked", "the fee is waived"
            rf"\b(?:is|are|'s|’s) {_DONE_STATE}",
            # simple passive past: "your refund was processed", "they were sent"
            rf"\b(?:was|were) {_ADVERBS}{_VERB}",
            # on its way: "a new one is already on its way", "it's in the post"
            r"\b(?:is|are|'s|’s) (?:already |now )?(?:on (?:its|their|the) way|in the post)\b",
            r"\b(?:has|have) (?:already |now |just )?(?:gone out|left (?:our|the) warehouse)\b",
        ]
    ),
    re.IGNORECASE,
)
# Words that make what follows a promise or a condition, not a claim.
_CONDITION = prebuilt.compile(
    r"\b(?:once|when|whenever|after|as soon as|until|till|before|if|unless|whether|so that|"
    # an intent to find out: "I'll check it was sent", "let me confirm it has been booked"
    r"(?:'ll|’ll|will|let me|going to|try to|need to) (?:\w+ )?(?:check|confirm|verify|see|"
    r"make sure|ensure|find out|let you know)|make sure|ensure|confirming|checking|showing|"
    r"hope\w*|wish\w*|want\w*|need\w*|expect\w*)\b",
    re.IGNORECASE,
)
# "should have been fixed", "would have sent": what ought to have happened, not a claim.
_MODAL_BEFORE = prebuilt.compile(
    r"\b(?:should|would|could|must|might|may|ought to|to)(?:n't|n’t| not)? $", re.IGNORECASE
)
_CLAUSE_BREAK = prebuilt.compile(r"[,;:.!?—–]|\b(?:and|but|then|so)\b", re.IGNORECASE)
# "I've logged it and escalated it": a second verb sharing the claim's subject.
_AND_VERB = prebuilt.compile(rf"\b(?:and|then) {_ADVERBS}{_VERB}", re.IGNORECASE)
_VERB_ONLY = prebuilt.compile(_VERB, re.IGNORECASE)


def _is_conditional(sentence: str, start: int) -> bool:
    """A condition word between the last clause break and the claim: "once I've confirmed"."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_CONDITION.search(clause))


def claims_in(text: str) -> list[str]:
    """The phrases of `text` that claim a finished action, in order."""
    found = []
    for sentence in sentences(text):
        if sentence.rstrip().endswith("?"):
            continue  # "Has the replacement been sent?" asks; it does not claim
        claims = [
            match
            for match in _CLAIMS.finditer(sentence)
            if not _is_conditional(sentence, match.start())
            and not _MODAL_BEFORE.search(sentence[: match.start()])
        ]
        if claims:
            claims += _AND_VERB.finditer(sentence, claims[0].end())
        found.extend(match.group(0).strip() for match in claims)
        found.extend(_other_claims(sentence))
    return found


def _other_claims(sentence: str) -> list[str]:
    """Claims in Spanish, French, German or Portuguese (claimed_actions_multilingual.py)."""
    found = []
    for match in other.OTHER_CLAIMS.finditer(sentence):
        breaks = list(_CLAUSE_BREAK.finditer(sentence[: match.start()]))
        clause = sentence[breaks[-1].end() if breaks else 0 : match.start()]
        if not other.CONDITION.search(clause):
            found.append(match.group(0).strip())
    return found


def _done_words(claim: str) -> set[str]:
    verbs = {m.group(0).lower() for m in _VERB_ONLY.finditer(claim)}
    verbs |= {m.group(0).lower() for m in other.DONE_WORD.finditer(claim)}
    return verbs or {"on its way" if "way" in claim.lower() else claim.lower()}


_FIRST_PERSON = prebuilt.compile(r"^(?:i|we)\b", re.IGNORECASE)
_WORD = prebuilt.compile(r"[^\W\d_][\w-]*")


def claimed_actions(reply: str, conversation: Conversation) -> list[str]:
    """Claims in `reply` that the conversation does not state as done.

    "I've refunded it" stands only on the agent's own earlier turn saying so. A passive one
    ("your flight has been cancelled") also stands when the customer said it happened: then it
    restates their problem rather than claiming our action."""
    agent_text = "\n".join(m.text for m in conversation.messages if m.role == "agent")
    agent_done: set[str] = set()
    for claim in claims_in(agent_text):
        agent_done |= _done_words(claim)
    customer_words = set(
        _WORD.findall(" ".join(m.text for m in conversation.customer_messages).lower())
    )
    unstated = []
    for claim in claims_in(reply):
        mine = _FIRST_PERSON.match(claim) or other.FIRST_PERSON.match(claim)
        stated = agent_done if mine else agent_done | customer_words
        if not _done_words(claim) <= stated:
            unstated.append(claim)
    return unstated
