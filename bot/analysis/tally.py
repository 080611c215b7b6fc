"""Everything `analyze` reports, tallied one conversation at a time in bounded memory: counts
per moment, hour and weekday, a few heaps (longest waits, example threads) and two phrase
counters (bot/analysis/phrases.py). Nothing grows with the number of conversations."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.analysis.phrases import PhraseCounter, phrases, recurring_before_escalation
from bot.coach import Coach
from bot.core.case_patterns import contact_count
from bot.core.conversation import Conversation, Message
from bot.core.escalation import assess
from bot.core.names import names_in
from bot.core.redact import redact

NO_MOMENT = "none"
LONGEST_WAITS = 10
EXAMPLES_PER_MOMENT = 3
EXAMPLE_MESSAGES, EXAMPLE_CHARS = 6, 300
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Waits between a customer's message and the agent's next reply, in seconds.
WAIT_BUCKETS = (
    (60, "< 1 min"),
    (300, "1-5 min"),
    (900, "5-15 min"),
    (3600, "15-60 min"),
    (4 * 3600, "1-4 h"),
    (24 * 3600, "4-24 h"),
    (float("inf"), "> 24 h"),
)
MIN_FOR_RATE = 20  # a moment, hour or day with fewer conversations gets no escalation rate


def escalation_turn(conversation: Conversation) -> int | None:
    """The index of the customer message at which the thread first reads `escalate`."""
    prefix = Conversation(conversation.id)
    for index, message in enumerate(conversation.messages):
        prefix.messages.append(message)
        if message.role == "customer" and assess(prefix).level == "escalate":
            return index
    return None


def waits(conversation: Conversation) -> list[float]:
    """Seconds from each customer message to the agent's next reply (where both have times)."""
    found, waiting_since = [], None
    for message in conversation.messages:
        if message.ts is None:
            continue
        if message.role == "customer" and waiting_since is None:
            waiting_since = message.ts
        elif message.role == "agent" and waiting_since is not None:
            found.append(max(0.0, message.ts - waiting_since))
            waiting_since = None
    return found


def redacted_excerpt(opening: list[Message]) -> list[dict]:
    names = names_in(m.text for m in opening)
    return [{"role": m.role, "text": redact(m.text, names).text} for m in opening]


@dataclass(frozen=True, slots=True)
class Observation:
    """What one conversation adds to the tally: small, so worker processes can send it back."""

    conversation_id: str
    messages: int
    moment: str
    score: float
    escalated: bool
    repeat: bool
    phrases: set[str]
    when: float | None  # the escalating turn's time, else the last timed message up to it
    waits: list[float]
    opening: list[Message]  # the first messages, clipped, for an example thread


def observe(coach: Coach, conversation: Conversation) -> Observation | None:
    """Reads one conversation; None when the customer says nothing in it."""
    if not any(m.role == "customer" and m.text.strip() for m in conversation.messages):
        return None
    assessment = coach.assess(conversation)
    escalation = assessment.escalation
    escalated = escalation.level == "escalate"
    turn = escalation_turn(conversation) if escalated else None
    upto = conversation.messages[: turn + 1] if turn is not None else conversation.messages
    said = " ".join(m.text for m in upto if m.role == "customer")
    return Observation(
        conversation_id=conversation.id,
        messages=len(conversation.messages),
        moment=assessment.match.playbook_id if assessment.match else NO_MOMENT,
        score=escalation.score,
        escalated=escalated,
        repeat="repeat" in escalation.signals or contact_count(said) > 1,
        phrases=phrases(said),
        when=next((m.ts for m in upto[::-1] if m.ts is not None), None),
        waits=waits(conversation),
        opening=[
            Message(m.role, m.text[:EXAMPLE_CHARS])
            for m in conversation.messages[:EXAMPLE_MESSAGES]
        ],
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole >= MIN_FOR_RATE else None


class Tally:
    def __init__(self, coach: Coach):
        self.coach = coach
        self.conversations = self.messages = self.escalated = self.repeats = 0
        self.moments: Counter[str] = Counter()
        self.moment_escalations: Counter[str] = Counter()
        self.moment_repeats: Counter[str] = Counter()
        self.hours, self.hour_escalations = Counter(), Counter()
        self.days, self.day_escalations = Counter(), Counter()
        self.wait_buckets: Counter[str] = Counter()
        self.longest: list[tuple[float, str, str]] = []  # min-heap (wait, conversation, moment)
        self.examples: dict[str, list[tuple[float, int, str, list[dict]]]] = {}
        self.before_escalation, self.everywhere = PhraseCounter(), PhraseCounter()
        self._order = 0

    def add(self, conversation: Conversation) -> None:
        found = observe(self.coach, conversation)
        if found is not None:
            self.record(found)

    def record(self, found: Observation) -> None:
        """Counts one observed conversation (observed here or in a worker process)."""
        moment, escalated = found.moment, found.escalated
        self.conversations += 1
        self.messages += found.messages
        self.moments[moment] += 1
        self.everywhere.add(found.phrases)
        if escalated:
            self.escalated += 1
            self.moment_escalations[moment] += 1
            self.before_escalation.add(found.phrases)
        if found.repeat:
            self.repeats += 1
            self.moment_repeats[moment] += 1
        if found.when is not None:
            moment_time = datetime.fromtimestamp(found.when, UTC)
            self.hours[moment_time.hour] += 1
            self.days[moment_time.weekday()] += 1
            if escalated:
                self.hour_escalations[moment_time.hour] += 1
                self.day_escalations[moment_time.weekday()] += 1
        for wait in found.waits:
            self.wait_buckets[next(label for limit, label in WAIT_BUCKETS if wait < limit)] += 1
            entry = (wait, found.conversation_id, moment)
            if len(self.longest) < LONGEST_WAITS:
                heapq.heappush(self.longest, entry)
            elif entry > self.longest[0]:
                heapq.heapreplace(self.longest, entry)
        self._keep_example(moment, found.score, found.conversation_id, found.opening)

    def _keep_example(
        self, moment: str, score: float, conversation_id: str, opening: list[Message]
    ) -> None:
        """The most heated threads per moment (the first seen on ties), redacted."""
        kept = self.examples.setdefault(moment, [])
        self._order += 1
        key = (score, -self._order)
        if len(kept) == EXAMPLES_PER_MOMENT and key <= kept[0][:2]:
            return
        entry = (score, -self._order, conversation_id, redacted_excerpt(opening))
        if len(kept) < EXAMPLES_PER_MOMENT:
            heapq.heappush(kept, entry)
        else:
            heapq.heapreplace(kept, entry)

    def report(self) -> dict:
        total = self.conversations
        moments = [
            {
                "moment": moment,
                "conversations": n,
                "share": round(n / total, 4),
                "escalations": self.moment_escalations[moment],
                "escalation_rate": _rate(self.moment_escalations[moment], n),
                "repeat_contacts": self.moment_repeats[moment],
            }
            for moment, n in self.moments.most_common()
        ]
        return {
            "conversations": total,
            "messages": self.messages,
            "escalations": self.escalated,
            "escalation_rate": round(self.escalated / total, 4) if total else None,
            "repeat_contacts": self.repeats,
            "repeat_contact_rate": round(self.repeats / total, 4) if total else None,
            "moments": moments,
            "hot_spots": {
                "moments": sorted(
                    (m for m in moments if m["escalation_rate"] is not None),
                    key=lambda m: -m["escalation_rate"],
                )[:5],
                "hours": [
                    {
                        "hour": h,
                        "conversations": self.hours[h],
                        "escalations": self.hour_escalations[h],
                        "escalation_rate": _rate(self.hour_escalations[h], self.hours[h]),
                    }
                    for h in range(24)
                ],
                "weekdays": [
                    {
                        "day": WEEKDAYS[d],
                        "conversations": self.days[d],
                        "escalations": self.day_escalations[d],
                        "escalation_rate": _rate(self.day_escalations[d], self.days[d]),
                    }
                    for d in range(7)
                ],
                "phrases": recurring_before_escalation(self.before_escalation, self.everywhere),
            },
            "waits": {
                "replies_timed": sum(self.wait_buckets.values()),
                "buckets": [
                    {"wait": label, "replies": self.wait_buckets[label]}
                    for _, label in WAIT_BUCKETS
                ],
                "longest": [
                    {"conversation": cid, "moment": moment, "seconds": round(wait, 1)}
                    for wait, cid, moment in sorted(self.longest, reverse=True)
                ],
            },
            "examples": {
                moment: [
                    {"conversation": cid, "escalation_score": round(score, 3), "messages": msgs}
                    for score, _, cid, msgs in sorted(kept, reverse=True)
                ]
                for moment, kept in sorted(self.examples.items())
            },
        }
