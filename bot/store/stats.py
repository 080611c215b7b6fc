"""Review statistics: acceptance by playbook and agent, escalations and moments per day.

Acceptance rate = (used + edited) / shown, where every event with any outcome was shown.
Three grouped scans of the log make every figure: by playbook, by agent, and by day and playbook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, case, func, select

from bot.store.effectiveness import Effectiveness, compute_effectiveness
from bot.store.filters import LogFilter
from bot.store.models import events
from bot.store.store import Store

c = events.c


def _count_if(condition):
    return func.sum(case((condition, 1), else_=0))


_MEASURES = (
    func.count(),
    _count_if(c.outcome.is_not(None)),
    _count_if(c.outcome.in_(("used", "edited"))),
    _count_if(c.rating == 1),
    _count_if(c.rating == -1),
)


@dataclass
class Acceptance:
    key: str
    tips: int
    shown: int
    accepted: int
    thumbs_up: int
    thumbs_down: int

    @property
    def rate(self) -> float | None:
        return self.accepted / self.shown if self.shown else None

    def to_dict(self) -> dict:
        return asdict(self) | {"rate": None if self.rate is None else round(self.rate, 4)}


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
    by_playbook: list[Acceptance] = field(default_factory=list)
    by_agent: list[Acceptance] = field(default_factory=list)
    escalations_per_day: list[DayCount] = field(default_factory=list)
    moments: dict[str, int] = field(default_factory=dict)  # playbook -> events, most first
    moments_per_day: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> pb -> n
    effectiveness: Effectiveness = field(default_factory=Effectiveness)  # used vs ignored tips

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "fallbacks": self.fallbacks,
            "acceptance": self.overall.to_dict(),
            "acceptance_by_playbook": [a.to_dict() for a in self.by_playbook],
            "acceptance_by_agent": [a.to_dict() for a in self.by_agent],
            "escalations_per_day": [asdict(d) for d in self.escalations_per_day],
            "moments": self.moments,
            "moments_per_day": self.moments_per_day,
            "effectiveness": self.effectiveness.to_dict(),
        }


def _acceptance(
    connection: Connection, log_filter: LogFilter, column, *extra
) -> tuple[list[Acceptance], list[tuple]]:
    rows = connection.execute(
        log_filter.apply(select(column, *_MEASURES, *extra)).group_by(column)
    ).all()
    found = [
        Acceptance("(none)" if row[0] is None else str(row[0]), *(int(v or 0) for v in row[1:6]))
        for row in rows
    ]
    return sorted(found, key=lambda a: (-a.tips, a.key)), [row[6:] for row in rows]


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
        if playbook is not None:
            stats.moments_per_day.setdefault(key, {})[playbook] = n
            stats.moments[playbook] = stats.moments.get(playbook, 0) + n
    stats.escalations_per_day = list(days.values())
    stats.moments = dict(sorted(stats.moments.items(), key=lambda kv: (-kv[1], kv[0])))


def compute_stats(store: Store, log_filter: LogFilter) -> LogStats:
    stats = LogStats()
    with store.engine.connect() as connection:
        stats.by_playbook, extra = _acceptance(
            connection, log_filter, c.playbook, _count_if(c.fallback.is_(True))
        )
        stats.by_agent, _ = _acceptance(connection, log_filter, c.agent)
        _by_day(connection, log_filter, stats)
    measures = ("tips", "shown", "accepted", "thumbs_up", "thumbs_down")
    stats.overall = Acceptance(
        "all", *(sum(getattr(a, name) for a in stats.by_playbook) for name in measures)
    )
    stats.total = stats.overall.tips
    stats.fallbacks = sum(int(fallbacks or 0) for (fallbacks,) in extra)
    stats.effectiveness = compute_effectiveness(store, log_filter)
    return stats
