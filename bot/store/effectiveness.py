"""Does coaching work? Tips the agent used (or edited) against tips they ignored (dismissed),
compared on what the customer did next (bot/store/follow_ups.py), per playbook and per agent.

A tip *helped* when the customer's latest turn after it reads calmer than at the tip (a lower
escalation score, and not at escalate) or they thanked or praised, and they did not come back
about the same problem. Each share comes with its Wilson 95% interval; a group with fewer than
SMALL_SAMPLE tips on either side is labelled a small sample and never given a verdict.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.store.filters import LogFilter
from bot.store.models import events
from bot.store.store import Store

SMALL_SAMPLE = 20  # tips on each side before a difference is called
Z95 = 1.959964  # the normal quantile for a two-sided 95% interval
USED, IGNORED = ("used", "edited"), ("dismissed",)


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion (sound at small n and near 0 or 1)."""
    if n == 0:
        return None
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def helped(tip_score: float, follow_up: dict) -> bool:
    if follow_up.get("came_back"):
        return False
    calmer = (
        follow_up.get("escalation_score", 1.0) < tip_score
        and follow_up.get("escalation_level") != "escalate"
    )
    return calmer or bool(follow_up.get("thanked"))


@dataclass
class Arm:
    """The used (or the ignored) tips of one group that the customer answered."""

    tips: int = 0
    helped: int = 0
    thanked: int = 0
    came_back: int = 0
    reply_seconds: list[float] = field(default_factory=list)

    def add(self, tip_score: float, follow_up: dict) -> None:
        self.tips += 1
        self.helped += helped(tip_score, follow_up)
        self.thanked += bool(follow_up.get("thanked"))
        self.came_back += bool(follow_up.get("came_back"))
        if follow_up.get("first_reply_seconds") is not None:
            self.reply_seconds.append(float(follow_up["first_reply_seconds"]))

    def rate(self) -> float | None:
        return round(self.helped / self.tips, 4) if self.tips else None

    def to_dict(self) -> dict:
        share = lambda k: round(k / self.tips, 4) if self.tips else None  # noqa: E731
        median = statistics.median(self.reply_seconds) if self.reply_seconds else None
        return {
            "tips": self.tips,
            "helped": self.helped,
            "helped_rate": self.rate(),
            "helped_ci95": wilson(self.helped, self.tips),
            "thanked_rate": share(self.thanked),
            "came_back_rate": share(self.came_back),
            "median_seconds_to_next_customer_message": median,
        }


@dataclass
class Comparison:
    key: str
    used: Arm = field(default_factory=Arm)
    ignored: Arm = field(default_factory=Arm)

    @property
    def small_sample(self) -> bool:
        return min(self.used.tips, self.ignored.tips) < SMALL_SAMPLE

    @property
    def verdict(self) -> str:
        if self.small_sample:
            return "small sample"
        used, ignored = (
            wilson(self.used.helped, self.used.tips),
            wilson(self.ignored.helped, self.ignored.tips),
        )
        if used[0] > ignored[1]:
            return "used tips helped more"
        if ignored[0] > used[1]:
            return "ignored tips did better"
        return "no clear difference"

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "used": self.used.to_dict(),
            "ignored": self.ignored.to_dict(),
            "small_sample": self.small_sample,
            "verdict": self.verdict,
        }


@dataclass
class Effectiveness:
    overall: Comparison = field(default_factory=lambda: Comparison("all"))
    by_playbook: dict[str, Comparison] = field(default_factory=dict)
    by_agent: dict[str, Comparison] = field(default_factory=dict)

    def add(self, playbook: str, agent: str, used: bool, tip_score: float, follow_up: dict):
        for comparison in (
            self.overall,
            self.by_playbook.setdefault(playbook, Comparison(playbook)),
            self.by_agent.setdefault(agent, Comparison(agent)),
        ):
            (comparison.used if used else comparison.ignored).add(tip_score, follow_up)

    def to_dict(self) -> dict:
        def ordered(groups: dict[str, Comparison]) -> list[dict]:
            rows = sorted(groups.values(), key=lambda c: (-(c.used.tips + c.ignored.tips), c.key))
            return [c.to_dict() for c in rows]

        return {
            "definition": "helped: the customer's next turns read calmer than at the tip, or "
            "they thanked, and they did not come back about the same problem",
            "small_sample_below": SMALL_SAMPLE,
            "overall": self.overall.to_dict(),
            "by_playbook": ordered(self.by_playbook),
            "by_agent": ordered(self.by_agent),
        }


def compute_effectiveness(store: Store, log_filter: LogFilter) -> Effectiveness:
    """Over the events the filter selects that were used, edited or dismissed and answered."""
    c = events.c
    statement = log_filter.apply(
        select(c.playbook, c.agent, c.outcome, c.escalation_score, c.follow_up).where(
            c.outcome.in_(USED + IGNORED)
        )
    )
    found = Effectiveness()
    with store.engine.connect() as connection:
        for playbook, agent, outcome, score, follow_up in connection.execute(statement):
            if isinstance(follow_up, dict) and follow_up.get("turns"):
                found.add(
                    playbook or "(none)", agent or "(none)", outcome in USED, score, follow_up
                )
    return found
