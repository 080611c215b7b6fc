"""LogFilter: the filters that the review CLI and the dashboard share, parsed with clear errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Select, false, or_, true

from bot.store.models import events
from bot.store.records import utcnow
from bot.store.triage import attention_condition
from bot.store.vocabulary import CHANNEL_KINDS, LEVELS, OUTCOMES, TRIGGERS, level_value

_RELATIVE = re.compile(r"^(\d{1,5})\s*([dhw])$")
_UNITS = {"d": "days", "h": "hours", "w": "weeks"}

# Dates a filter may name: wide enough for any real log, narrow enough that a day can be added
# and that every database stores the value (9999-12-31 plus a day overflows Python's datetime).
EARLIEST = datetime(1970, 1, 1)
LATEST = datetime(2200, 1, 1)

# Page sizes and numbers: the offset (page - 1) * limit stays far inside a 64-bit integer.
MAX_LIMIT = 10_000
MAX_PAGE = 1_000_000
MAX_ID = 2**63 - 1


class FilterError(ValueError):
    """A filter value that cannot be understood; the message names the filter."""


@dataclass(frozen=True)
class Scope:
    """What a lead may see: everything, or only the given workspaces and/or channels."""

    workspaces: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, places: list[str]) -> Scope:
        workspaces = {p.split(":", 1)[1] for p in places if p.startswith("workspace:")}
        channels = {
            p.split(":", 1)[1] if p.startswith("channel:") else p
            for p in places
            if not p.startswith("workspace:")
        }
        return cls(frozenset(workspaces), frozenset(channels))

    @property
    def unrestricted(self) -> bool:
        return not self.workspaces and not self.channels

    def allows(self, row: Mapping) -> bool:
        return (
            self.unrestricted
            or row.get("workspace") in self.workspaces
            or row.get("channel") in self.channels
        )

    def condition(self) -> ColumnElement[bool]:
        if self.unrestricted:
            return true()
        parts = []
        if self.workspaces:
            parts.append(events.c.workspace.in_(sorted(self.workspaces)))
        if self.channels:
            parts.append(events.c.channel.in_(sorted(self.channels)))
        return or_(*parts) if parts else false()

    def describe(self) -> str:
        if self.unrestricted:
            return "all workspaces and channels"
        return ", ".join(
            [f"workspace {w}" for w in sorted(self.workspaces)]
            + [f"channel {c}" for c in sorted(self.channels)]
        )


EVERYTHING = Scope()


def parse_time(value: str, name: str, end_of_day: bool = False) -> datetime:
    """ISO date or date-time (UTC), or a relative '7d' / '24h' / '2w' (that long ago)."""
    text = value.strip()
    relative = _RELATIVE.match(text.lower())
    try:
        if relative:
            moment = utcnow() - timedelta(**{_UNITS[relative[2]]: int(relative[1])})
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise FilterError(
            f"{name}: {value!r} is not a date; use YYYY-MM-DD, "
            "YYYY-MM-DDTHH:MM, or 7d / 24h / 2w for 'that long ago'"
        ) from None
    if not EARLIEST <= moment < LATEST:
        raise FilterError(
            f"{name}: {value!r} is out of range; use a date from {EARLIEST:%Y-%m-%d} "
            f"to {LATEST - timedelta(days=1):%Y-%m-%d}"
        )
    if end_of_day and len(text) == 10:  # a bare date: up to the end of that day
        moment += timedelta(days=1)
    return moment


def parse_whole_number(value: str | int | None, name: str, maximum: int, default: int = 1) -> int:
    """A page, page size or id from 1 to `maximum`; blank gives `default`."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return default
    # Length first: int() of a huge string is slow, and no valid value is longer than maximum.
    if len(text) <= len(str(maximum)) and text.isascii() and text.isdigit():
        number = int(text)
        if 1 <= number <= maximum:
            return number
    raise FilterError(f"{name}: {value!r} is not a whole number from 1 to {maximum:,}")


# The filters a reviewer can set, in the order the CLI and the dashboard offer them.
FILTER_NAMES = (
    "since",
    "until",
    "agent",
    "channel",
    "workspace",
    "playbook",
    "level",
    "trigger",
    "outcome",
    "channel_kind",
    "attention",
)
ATTENTION = ("yes",)  # attention=yes: only the events that need a look (bot/store/triage.py)


@dataclass(frozen=True)
class LogFilter:
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    agent: str | None = None
    channel: str | None = None
    workspace: str | None = None
    playbook: str | None = None
    level: str | None = None  # calm | watch | escalate
    trigger: str | None = None
    outcome: str | None = None  # "none": a chat tip never shown; "cli": printed by the CLI
    channel_kind: str | None = None
    attention: str | None = None  # "yes": needs a look
    scope: Scope = field(default=EVERYTHING)

    @classmethod
    def parse(cls, values: Mapping[str, str | None], scope: Scope = EVERYTHING) -> LogFilter:
        """From CLI options or query parameters; blank values are ignored."""
        given = {k: v.strip() for k, v in values.items() if isinstance(v, str) and v.strip()}
        since = parse_time(given["since"], "since") if "since" in given else None
        until = parse_time(given["until"], "until", end_of_day=True) if "until" in given else None
        if since and until and since >= until:
            raise FilterError("since must be before until")
        if given.get("level") == "none":  # the stored name of "calm"
            given["level"] = "calm"
        for name, allowed in (
            ("level", LEVELS),
            ("attention", ATTENTION),
            ("trigger", TRIGGERS),
            ("outcome", OUTCOMES),
            ("channel_kind", CHANNEL_KINDS),
        ):
            if name in given and given[name] not in allowed:
                raise FilterError(f"{name}: {given[name]!r} is not one of {', '.join(allowed)}")
        text = {
            f.name: given.get(f.name)
            for f in fields(cls)
            if f.name not in ("since", "until", "scope")
        }
        return cls(since=since, until=until, scope=scope, **text)

    def within(self, scope: Scope) -> LogFilter:
        return replace(self, scope=scope)

    def as_params(self) -> dict[str, str]:
        """The filter as query parameters (for links and the audit log); scope left out."""
        params = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "scope" and value is not None:
                params[f.name] = (
                    value.isoformat(timespec="seconds")
                    if isinstance(value, datetime)
                    else str(value)
                )
        return params

    def apply(self, statement: Select) -> Select:
        c = events.c
        conditions = [self.scope.condition()]
        if self.since:
            conditions.append(c.created_at >= self.since)
        if self.until:
            conditions.append(c.created_at < self.until)
        for name in ("agent", "channel", "workspace", "playbook", "trigger", "channel_kind"):
            if getattr(self, name):
                conditions.append(c[name] == getattr(self, name))
        if self.level:
            conditions.append(c.escalation_level == level_value(self.level))
        if self.attention:
            conditions.append(attention_condition())
        if self.outcome == "none":
            conditions.append(c.outcome.is_(None) & (c.channel_kind != "cli"))
        elif self.outcome == "cli":
            conditions.append(c.outcome.is_(None) & (c.channel_kind == "cli"))
        elif self.outcome:
            conditions.append(c.outcome == self.outcome)
        return statement.where(*conditions)
