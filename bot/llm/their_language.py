"""Suggestions in the customer's language, from playbooks/languages/ (bot/core/reply_languages.py).

The offline composer's English lines are built clause by clause from an English reading of
the case; a customer writing in Spanish, French, German or Portuguese gets instead the
moment's replies written in their language, filled with the facts the case holds. Where there
is no such moment (praise, a team's own playbook) or the customer needs care first, the
English composer answers and the coaching says the suggestions are in English.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.core import prebuilt
from bot.core.case import Case
from bot.core.multilingual_facts import facts_in
from bot.core.playbooks import PlaybookError
from bot.core.premises import stated_premises
from bot.core.reply_checks import offers_manager, repeated_openers
from bot.core.reply_languages import CLARIFY, FALLBACK, LanguageReplies, language_replies
from bot.llm.base import Suggestion, SuggestionRequest

log = logging.getLogger(__name__)
# Moments with no replies of their own: a greeting, a question, a purchase, anything unsure.
_GENERAL = frozenset({"first-contact", "information-request", "purchase-decision"})
# Fewer words than this, with no clear moment, say too little to act on: one question instead.
WORDS_TO_TAKE_UP = 15
_NUMERIC_DATE = prebuilt.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def _moment(request: SuggestionRequest, replies: LanguageReplies) -> str | None:
    if request.low_confidence:  # unsure: a short message is asked about, a long one taken up
        said = " ".join(m.text for m in request.conversation.customer_messages)
        short = len(said.split()) < WORDS_TO_TAKE_UP
        return CLARIFY if short and CLARIFY in replies.moments else FALLBACK
    moment = request.playbook.id
    if moment in replies.moments:
        return moment
    return FALLBACK if moment in _GENERAL and FALLBACK in replies.moments else None


def _facts(case: Case, texts: list[str]) -> dict[str, str]:
    """The customer's facts the replies may name: their name, references and amount as the
    case reads them, else as they write them in their language (multilingual_facts.py); an
    order number only when they call it one. A date is named only in figures: the case reads
    dates in English words."""
    facts = facts_in(texts)
    reference = (case.references or [None])[0] or facts.get("reference") or facts.get("order")
    if reference:
        facts["reference"] = reference
    if case.customer_name:
        facts["customer_name"] = case.customer_name
    if case.amounts:
        facts["amount"] = case.amounts[0]
    numeric = [date for date in case.dates if _NUMERIC_DATE.fullmatch(date)]
    if numeric:
        facts["date"] = numeric[0]
    if "customer_name" in facts:
        facts["customer_name"] = facts["customer_name"].split()[0]
    return facts


def in_their_language(request: SuggestionRequest, case: Case) -> list[Suggestion]:
    """`request.count` suggestions in the customer's language, or [] to answer in English."""
    try:
        replies = language_replies(case.language)
    except PlaybookError as exc:  # a broken file costs the language, never the tip
        log.error("replies in %s not used: %s", case.language, exc)
        return []
    if replies is None or getattr(request.assessment, "care", ()):
        return []  # care comes first, in the lines written for it
    moment = _moment(request, replies)
    if moment is None:
        return []
    stated = stated_premises(request.conversation)
    fitting = [
        reply
        for reply in replies.moments[moment]
        if set(reply.requires) <= stated and not set(reply.unless) & stated
    ]
    start = request.variant % len(fitting) if fitting else 0
    ordered = fitting[start:] + fitting[:start]
    if moment not in (FALLBACK, CLARIFY):  # too few that fit: the general replies make up the set
        ordered += replies.moments.get(FALLBACK, [])
    facts = _facts(case, [m.text for m in request.conversation.customer_messages])
    chosen: list[Suggestion] = []
    for reply in ordered:
        text = replies.fill(reply.text, facts)
        if not repeated_openers([*(s.text for s in chosen), text]):
            chosen.append(Suggestion(text, reply.why, language=replies.language))
        if len(chosen) == request.count:
            return _with_manager_offer(chosen, case, moment, replies, facts)
    return []


def _with_manager_offer(chosen, case: Case, moment: str, replies, facts) -> list[Suggestion]:
    """They asked for a manager in another moment (a bill, a delivery): the first reply says
    we will ask one to look at their case, as the English composer's does."""
    asked = {"manager", "human"} & set(case.requests)
    if not asked or not replies.manager_offer or any(offers_manager(s.text) for s in chosen):
        return chosen
    first = chosen[0]
    text = f"{first.text} {replies.fill(replies.manager_offer, facts)}"
    return [replace(first, text=text), *chosen[1:]]
