"""The case: what this customer's problem is, what they want and what they already told us.

Every backend writes from it (SuggestionRequest.case), and `tip --json` shows it. Plain-word
patterns that hold across industries (a router, a policy, a prescription, a parking permit);
what a pattern cannot find stays empty rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from bot.core import prebuilt
from bot.core.asks import ask_clause
from bot.core.care import find_care
from bot.core.case_facts import details, done, evidence
from bot.core.case_patterns import (
    AMOUNT,
    DATE,
    DURATION,
    REQUESTS,
    contact_count,
    problem_sentence,
    sentence_with,
    tried_steps,
)
from bot.core.clean_clause import clean, topic_phrase, unshouted
from bot.core.conversation import Conversation
from bot.core.deadlines import find_deadline
from bot.core.gist import gist_clause
from bot.core.good_news import good_news_clause, praised_staff
from bot.core.language import conversation_language
from bot.core.multilingual_signals import requests as requests_in_other_languages
from bot.core.premises import stated_premises
from bot.core.reflect import second_person
from bot.core.signature import without_signature
from bot.core.slots import agent_name_in, customer_name, references
from bot.core.things import THINGS
from bot.core.tidy import tidy, unknown_share
from bot.core.urgency import needs_it_now
from bot.core.wants import customer_wants

GARBLED = 0.2  # share of unknown words above which a clause is not said back


@dataclass(frozen=True, slots=True)
class Case:
    issue: str | None = None  # the problem in plain words, second person
    topic: str | None = None  # what it is about, when no clause can be said back ("your deposit")
    situation: str | None = None  # a vulnerable customer's situation, said back (care)
    praised: str | None = None  # the staff member they praise by name ("nurse Priya")
    good_news: str | None = None  # what they are pleased about, said back ("it's working again")
    ask: str | None = None  # their question or request said back ("you're asking how to ...")
    wants: list[str] = field(default_factory=list)  # what they want: "a refund" (wants.py)
    thing: str | None = None
    amounts: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    durations: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    # what makes the case theirs (case_facts.py): "a table for 8", "3 × £39 = £117" ...
    details: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # what they hold: "the cancellation email"
    done: list[str] = field(default_factory=list)  # what they already did: "cancelled in June"
    deadline: str | None = None  # their own deadline: "Friday", "the 12th", "today"
    deadline_said: str | None = None  # the clause that sets it, said back ("your flight is ...")
    urgent: str | None = None  # their words when they need it within the hour ("in an hour")
    tried: list[str] = field(default_factory=list)  # what they already tried or were told
    contacts: int = 1  # how many times they have contacted us, this one included
    requests: list[str] = field(default_factory=list)
    customer_name: str | None = None
    agent_name: str | None = None
    premises: frozenset[str] = frozenset()
    language: str | None = None  # ISO 639-1 code of what the customer writes; None: unknown

    def to_dict(self) -> dict:
        data = asdict(self)
        data["premises"] = sorted(self.premises)
        return data


def _unique(items) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.lower(), item)
    return list(seen.values())


def _all(pattern: re.Pattern, text: str) -> list[str]:
    return _unique(m.group(0).strip() for m in pattern.finditer(text))


def _labels(table: tuple[tuple[str, re.Pattern], ...], text: str) -> list[str]:
    return [label for label, pattern in table if pattern.search(text)]


# Medicine they take: the thing at stake is their medication (or its prescription), whatever
# it came in ("missing from the bag") and never a device ("tablets" are not "your tablet").
_MEDICATION = prebuilt.compile(
    r"\b(?:tablets|pills|medication|medicine|meds|inhaler|insulin)\b", re.IGNORECASE
)
_PRESCRIPTION = prebuilt.compile(r"\bprescription\b", re.IGNORECASE)


def _thing(issue_source: str | None, said: str) -> str | None:
    """The first thing named in the problem sentence, else in anything the customer said;
    their medication when they speak of it."""
    if _MEDICATION.search(said):
        return "prescription" if _PRESCRIPTION.search(said) else "medication"
    for text in (issue_source, said):
        if not text:
            continue
        found = list(THINGS.finditer(text))
        if len(found) > 1 and found[1].start() == found[0].end() + 1:
            return found[1].group(1).lower()  # "phone bill", "card payment": the head noun
        if found:
            return found[0].group(1).lower()
    return None


def _clean(clause: str | None) -> str | None:
    """The clause, unless it is still too garbled to say back well (a clarifying line is
    better than an echo of typos)."""
    return clean(clause) if clause and unknown_share(clause) <= GARBLED else None


def _situation(readable: list[str]) -> str | None:
    """The sentence in which the customer says they are hurt, bereaved, ill, in hardship or
    distress, said back; a care reply meets them there first."""
    found = find_care(readable)
    return sentence_with(found[0][1], readable) if found else None


def extract_case(conversation: Conversation) -> Case:
    customer_turns = [without_signature(m.text) for m in conversation.customer_messages]
    said = "\n".join(customer_turns)
    readable = [unshouted(tidy(turn)) for turn in customer_turns]  # what may be said back
    source, issue = problem_sentence(readable)
    tried = tried_steps([(m.role, m.text) for m in conversation.messages])
    premises = stated_premises(conversation)
    deadline = find_deadline(readable)
    if tried:  # a yes to "have you tried restarting it?" states it too
        premises |= {"tried_fix"}
    return Case(
        issue=_clean(issue),
        topic=None if issue else topic_phrase(second_person(source or "")),
        situation=_clean(_situation(readable)),
        ask=_clean(ask_clause(readable) or (None if issue else gist_clause(readable))),
        good_news=_clean(good_news_clause(readable)),
        praised=praised_staff(customer_turns),
        wants=customer_wants(said),
        thing=_thing(source, said),
        amounts=_all(AMOUNT, said),
        dates=_all(DATE, said),
        durations=_all(DURATION, said),
        references=references(conversation),
        details=details(customer_turns),
        evidence=evidence(customer_turns),
        done=done(customer_turns),
        deadline=deadline.when if deadline else None,
        deadline_said=_clean(deadline.said) if deadline else None,
        urgent=needs_it_now(readable),
        tried=tried,
        contacts=contact_count(said),
        requests=_unique([*_labels(REQUESTS, said), *requests_in_other_languages(said)]),
        customer_name=customer_name(conversation),
        agent_name=agent_name_in(conversation),
        premises=premises,
        language=language.code if (language := conversation_language(conversation)) else None,
    )
