"""Review statistics: acceptance by playbook and agent, escalations and moments per day.

Acceptance rate = (used + edited) / shown, where every event with any outcome was shown. Tips
the CLI printed were never shown in a chat: they count as "CLI", not as "not shown".
Every breakdown adds up to `total`: events with no moment or no agent are counted and named.
Four grouped scans of the log make every figure: by playbook, by agent, by day and playbook, and
by outcome, channel kind and level.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, case, func, select

from bot.store.effectiveness import Effectiveness, compute_effectiveness
from bot.store.filters import LogFilter
from bot.store.models import events
from bot.store.store import Store
from bot.store.triage import attention_condition
from bot.store.vocabulary import LEVEL_WORDS, NO_AGENT, NO_MOMENT, level_word, outcome_word

c = events.c


def _count_if(condition):
    return func.sum(case((condition, 1), else_=0))


_MEASURES = (
    func.count(),
    _count_if(c.outcome.is_not(None)),
    _count_if(c.outcome.in_(("used", "edited"))),
    _count_if(c.rating == 1),
    _count_if(c.rating == -1),
    _count_if(c.channel_kind == "cli"),
)
# The order outcomes are listed in: what agents did, then what nobody saw in a chat.
OUTCOME_ORDER = ("used", "edited", "dismissed", "shown", "not shown", "CLI")


@dataclass
class Acceptance:
    key: str
    tips: int
    shown: int
    accepted: int
    thumbs_up: int
    thumbs_down: int
    cli: int = 0  # printed by the CLI: never shown in a chat, and not "not shown" either

    @property
    def not_shown(self) -> int:
        return self.tips - self.shown - self.cli

    @property
    def rate(self) -> float | None:
        return self.accepted / self.shown if self.shown else None

    def to_dict(self) -> dict:
        return asdict(self) | {
            "not_shown": self.not_shown,
            "rate": None if self.rate is None else round(self.rate, 4),
        }


@dataclass
class DayCount:
    day: str  # YYYY-MM-DD (UTC)
    escalated: int
    watched: int
    total: int


@dataclass
class LogStats:
    total: int = 0
    fallbacks: int = 0
    overall: Acceptance = field(default_factory=lambda: Acceptance("all", 0, 0, 0, 0, 0))
    needs_look: int = 0  # escalated, ignored, thumbs-down or repeat contact
    outcomes: dict[str, int] = field(default_factory=dict)  # OUTCOME_ORDER word -> events
    levels: dict[str, int] = field(default_factory=dict)  # calm | watch | escalate -> events
    channel_kinds: dict[str, int] = field(default_factory=dict)  # slack | teams | cli -> events
    by_playbook: list[Acceptance] = field(default_factory=list)
    by_agent: list[Acceptance] = field(default_factory=list)
    escalations_per_day: list[DayCount] = field(default_factory=list)
    moments: dict[str, int] = field(default_factory=dict)  # playbook -> events, most first
    moments_per_day: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> pb -> n
    effectiveness: Effectiveness = field(default_factory=Effectiveness)  # used vs ignored tips
    no_moment: int = 0  # events where no moment was recognised
    no_moment_per_day: dict[str, int] = field(default_factory=dict)

    @property
    def all_moments(self) -> dict[str, int]:
        """`moments` plus the events with no moment (named NO_MOMENT): adds up to `total`."""
        return self.moments | ({NO_MOMENT: self.no_moment} if self.no_moment else {})

    def all_moments_on(self, day: str) -> dict[str, int]:
        unrecognised = self.no_moment_per_day.get(day, 0)
        recognised = self.moments_per_day.get(day, {})
        return recognised | ({NO_MOMENT: unrecognised} if unrecognised else {})

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "fallbacks": self.fallbacks,
            "acceptance": self.overall.to_dict(),
            "acceptance_by_playbook": [a.to_dict() for a in self.by_playbook],
            "acceptance_by_agent": [a.to_dict() for a in self.by_agent],
            "escalations_per_day": [asdict(d) for d in self.escalations_per_day],
            "effectiveness": self.effectiveness.to_dict(),
            "needs_look": self.needs_look,
            "outcomes": self.outcomes,
            "levels": self.levels,
            "channel_kinds": self.channel_kinds,
            "moments": self.all_moments,
            "moments_per_day": {
                day: self.all_moments_on(day)
                for day in sorted({*self.moments_per_day, *self.no_moment_per_day})
            },
        }


def _acceptance(
    connection: Connection, log_filter: LogFilter, column, unnamed: str, *extra
) -> tuple[list[Acceptance], list[tuple]]:
    rows = connection.execute(
        log_filter.apply(select(column, *_MEASURES, *extra)).group_by(column)
    ).all()
    width = 1 + len(_MEASURES)
    found = [
        Acceptance(unnamed if row[0] is None else str(row[0]), *(int(v or 0) for v in row[1:width]))
        for row in rows
    ]
    return sorted(found, key=lambda a: (-a.tips, a.key)), [row[width:] for row in rows]


def _breakdowns(connection: Connection, log_filter: LogFilter, stats: LogStats) -> None:
    """Events by outcome word, level and channel kind, and how many need a look."""
    rows = connection.execute(
        log_filter.apply(
            select(
                c.outcome,
                c.channel_kind,
                c.escalation_level,
                func.count(),
                _count_if(attention_condition()),
            )
        ).group_by(c.outcome, c.channel_kind, c.escalation_level)
    )
    outcomes = dict.fromkeys(OUTCOME_ORDER, 0)
    levels = dict.fromkeys(LEVEL_WORDS.values(), 0)
    for outcome, kind, level, n, needing in rows:
        word = outcome_word(outcome, kind)
        outcomes[word] = outcomes.get(word, 0) + n
        levels[level_word(level)] = levels.get(level_word(level), 0) + n
        stats.channel_kinds[kind] = stats.channel_kinds.get(kind, 0) + n
        stats.needs_look += int(needing or 0)
    stats.outcomes, stats.levels = outcomes, levels


def _by_day(connection: Connection, log_filter: LogFilter, stats: LogStats) -> None:
    day = func.date(c.created_at).label("day")
    rows = connection.execute(
        log_filter.apply(
            select(
                day,
                c.playbook,
                func.count(),
                _count_if(c.escalation_level == "escalate"),
                _count_if(c.escalation_level == "watch"),
            )
        )
        .group_by(day, c.playbook)
        .order_by(day)
    )
    days: dict[str, DayCount] = {}
    for when, playbook, n, escalated, watched in rows:
        key = str(when)[:10]
        counts = days.setdefault(key, DayCount(key, 0, 0, 0))
        counts.total += n
        counts.escalated += int(escalated or 0)
        counts.watched += int(watched or 0)
        if playbook is None:
            stats.no_moment_per_day[key] = n
            stats.no_moment += n
        else:
            stats.moments_per_day.setdefault(key, {})[playbook] = n
            stats.moments[playbook] = stats.moments.get(playbook, 0) + n
    stats.escalations_per_day = list(days.values())
    stats.moments = dict(sorted(stats.moments.items(), key=lambda kv: (-kv[1], kv[0])))


def compute_stats(store: Store, log_filter: LogFilter) -> LogStats:
    stats = LogStats()
    with store.engine.connect() as connection:
        stats.by_playbook, extra = _acceptance(
            connection, log_filter, c.playbook, NO_MOMENT, _count_if(c.fallback.is_(True))
        )
        stats.by_agent, _ = _acceptance(connection, log_filter, c.agent, NO_AGENT)
        _by_day(connection, log_filter, stats)
        _breakdowns(connection, log_filter, stats)
    measures = ("tips", "shown", "accepted", "thumbs_up", "thumbs_down", "cli")
    stats.overall = Acceptance(
        "all", *(sum(getattr(a, name) for a in stats.by_playbook) for name in measures)
    )
    stats.total = stats.overall.tips
    stats.fallbacks = sum(int(fallbacks or 0) for (fallbacks,) in extra)
    stats.effectiveness = compute_effectiveness(store, log_filter)
    return stats
