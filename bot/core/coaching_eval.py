"""Scoring coaching results against the defects of COACHING-RUBRIC.md (`mot-coach eval-coaching`).

One `SetScore` per conversation (the set of suggestions an explicit ask returned), then `Tally`
sums them per playbook and overall. Every count comes from bot/core/reply_checks.py, the same
detectors the LLM guard uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.core import prebuilt
from bot.core import reply_checks as checks
from bot.core.conversation import Conversation
from bot.core.slots import customer_name as name_from_customer

# "Hi Sarah," / "Thanks Sarah" in the agent's own turns also gives the customer's name.
_AGENT_GREETING = prebuilt.compile(
    r"\b(?i:hi|hello|hey|dear|thanks|thank you),? ([A-Z][a-z]{1,20})\b(?! (?:for|so|again))"
)
CARE_KINDS = ("injury", "danger", "bereavement", "illness", "hardship", "distress")


def known_customer_name(conversation: Conversation, case: Any = None) -> str | None:
    """The case's name when the coach extracted one; else the customer's sign-off or the agent's
    greeting."""
    if isinstance(case, dict):  # the case as CoachingResult.to_dict() gives it
        name = case.get("customer_name")
    else:
        name = getattr(case, "customer_name", None)
    if name:
        return name
    name = name_from_customer(conversation)
    if name:
        return name
    for message in conversation.messages:
        match = _AGENT_GREETING.search(message.text) if message.role == "agent" else None
        if match:
            return match.group(1)
    return None


@dataclass(slots=True)
class SetScore:
    playbook: str | None
    suggestions: int = 0
    claimed: int = 0  # suggestions claiming a finished action the conversation does not state
    premises: int = 0  # suggestions presuming a premise the conversation does not state
    repeated_opener: bool = False
    double_apology: int = 0  # suggestions apologising more than once
    repeated_phrase: int = 0  # suggestions saying the same three-word phrase twice
    content_free: int = 0  # sentences with no content
    name_known: bool = False
    name_placeholder: int = 0  # suggestions with [customer name] although the name is known
    name_used: bool = False  # the name is known and at least one suggestion uses it
    asked_to_repeat: int = 0  # suggestions asking for a fix the customer already tried
    reflected: bool = False  # at least one suggestion reflects the customer's issue
    manager_asked: bool = False  # the customer asks for a manager, supervisor or a human
    manager_offered: bool = False  # ... and at least one suggestion offers one
    care_expected: bool = False  # the row is labelled as showing a care kind
    care_flagged: bool | None = None  # None: the escalation model does not report care
    care_level_none: bool = False  # labelled care, escalation level none
    defects: list[str] = field(default_factory=list)  # "2: claims I've sent", "set: ..."


def score_set(
    conversation: Conversation,
    playbook: str | None,
    replies: list[str],
    case: Any = None,
    care_expected: bool = False,
    escalation: Any = None,
) -> SetScore:
    name = known_customer_name(conversation, case)
    score = SetScore(playbook, suggestions=len(replies), name_known=bool(name))
    for number, reply in enumerate(replies, start=1):
        claims = checks.claimed_actions(reply, conversation)
        premises = checks.premise_violations(reply, conversation)
        repeats = checks.asked_to_repeat(reply, conversation)
        apologies = checks.apologies(reply)
        phrases = checks.repeated_phrases(reply)
        empty = checks.content_free_sentences(reply)
        placeholder = checks.name_placeholder(reply, name)
        found = [
            f"claims {', '.join(claims)}" if claims else "",
            f"presumes {', '.join(premises)}" if premises else "",
            f"asks again: {', '.join(repeats)}" if repeats else "",
            f"apologises {apologies} times" if apologies > 1 else "",
            f"repeats {', '.join(phrases)}" if phrases else "",
            *(f"no content: {sentence}" for sentence in empty),
            "[customer name] though the name is known" if placeholder else "",
        ]
        score.defects.extend(f"{number}: {defect}" for defect in found if defect)
        score.claimed += bool(claims)
        score.premises += bool(premises)
        score.asked_to_repeat += bool(repeats)
        score.double_apology += apologies > 1
        score.repeated_phrase += bool(phrases)
        score.content_free += len(empty)
        score.name_placeholder += placeholder
        score.name_used = score.name_used or checks.uses_name(reply, name)
        score.reflected = score.reflected or checks.reflects_issue(reply, conversation, name)
    openers = checks.repeated_openers(replies)
    score.repeated_opener = bool(openers)
    score.defects.extend(f"set: repeated opener {opener!r}" for opener in openers)
    score.manager_asked = checks.asks_for_manager(conversation)
    score.manager_offered = score.manager_asked and any(map(checks.offers_manager, replies))
    score.care_expected = care_expected
    if escalation is not None:
        care = getattr(escalation, "care", None)
        score.care_flagged = None if care is None else bool(care)
        score.care_level_none = care_expected and escalation.level == "none"
    return score


@dataclass(slots=True)
class Tally:
    sets: int = 0
    suggestions: int = 0
    abstentions: int = 0  # sets with zero suggestions (every row is an explicit ask)
    claimed: int = 0
    claimed_sets: int = 0
    premises: int = 0
    repeated_opener_sets: int = 0
    double_apology: int = 0
    repeated_phrase: int = 0
    content_free: int = 0
    name_known_sets: int = 0
    name_placeholder: int = 0
    name_used_sets: int = 0
    asked_to_repeat: int = 0
    reflected_sets: int = 0
    manager_asked_sets: int = 0
    manager_offered_sets: int = 0
    care_expected: int = 0
    care_flagged: int | None = 0
    care_level_none: int = 0

    def add(self, s: SetScore) -> None:
        self.sets += 1
        self.suggestions += s.suggestions
        self.abstentions += s.suggestions == 0
        self.claimed += s.claimed
        self.claimed_sets += s.claimed > 0
        self.premises += s.premises
        self.repeated_opener_sets += s.repeated_opener
        self.double_apology += s.double_apology
        self.repeated_phrase += s.repeated_phrase
        self.content_free += s.content_free
        self.name_known_sets += s.name_known
        self.name_placeholder += s.name_placeholder
        self.name_used_sets += s.name_used
        self.asked_to_repeat += s.asked_to_repeat
        self.reflected_sets += s.reflected
        self.manager_asked_sets += s.manager_asked
        self.manager_offered_sets += s.manager_offered
        self.care_expected += s.care_expected
        if s.care_expected:
            if s.care_flagged is None or self.care_flagged is None:
                self.care_flagged = None
            else:
                self.care_flagged += s.care_flagged
        self.care_level_none += s.care_level_none

    @property
    def claimed_rate(self) -> float:
        return self.claimed / self.suggestions if self.suggestions else 0.0

    @property
    def reflection_rate(self) -> float:
        """Share of sets with suggestions where at least one suggestion reflects the issue."""
        answered = self.sets - self.abstentions
        return self.reflected_sets / answered if answered else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "claimed_rate": round(self.claimed_rate, 4),
            "reflection_rate": round(self.reflection_rate, 4),
        }


def tally(scores: Iterable[SetScore]) -> tuple[Tally, dict[str, Tally]]:
    """Overall and per-playbook totals (abstentions under "(none)")."""
    overall, per_playbook = Tally(), {}
    for score in scores:
        overall.add(score)
        per_playbook.setdefault(score.playbook or "(none)", Tally()).add(score)
    return overall, dict(sorted(per_playbook.items()))
