"""Due times as pure functions of (schedule, timezone, now). cronsim walks local time,
so DST gaps fire at the transition and repeated hours fire once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cronsim import CronSim

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CRON_DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


class Cadence(Enum):
    DAILY = "daily"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class Schedule:
    """An officer's reminder schedule, in their own local time."""

    cadence: Cadence
    hour: int
    minute: int
    weekday: int | None = None  # 0 = Monday, for weekly

    def cron(self) -> str:
        day = "*" if self.cadence is Cadence.DAILY else _CRON_DAYS[self.weekday or 0]
        return f"{self.minute} {self.hour} * * {day}"

    def describe(self) -> str:
        at = f"{self.hour:02d}:{self.minute:02d}"
        if self.cadence is Cadence.DAILY:
            return f"every day at {at}"
        return f"every {WEEKDAYS[self.weekday or 0].capitalize()} at {at}"


def next_after(cron: str, timezone: str, after: datetime) -> datetime:
    """The first occurrence strictly after `after`, in UTC."""
    local = after.astimezone(ZoneInfo(timezone))
    return next(iter(CronSim(cron, local))).astimezone(UTC)


def latest_until(cron: str, timezone: str, now: datetime) -> datetime:
    """The last occurrence at or before `now`, in UTC (missed ones collapse into it)."""
    # CronSim walks back from strictly before its start; whole seconds, so an occurrence at
    # 04:04:00 is not taken for one at or before 04:03:59.000001.
    start = now.replace(microsecond=0) + timedelta(seconds=1)
    local = start.astimezone(ZoneInfo(timezone))
    return next(iter(CronSim(cron, local, reverse=True))).astimezone(UTC)


def local_text(moment: datetime, timezone: str) -> str:
    """How a due time reads to the officer: 'Mon 30 Nov, 08:00'."""
    local = moment.astimezone(ZoneInfo(timezone))
    return local.strftime("%a %d %b, %H:%M")


def check_timezone(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return "timezone must be an IANA name such as America/Chicago"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown timezone '{value}' (use an IANA name such as America/Chicago)"
    return None
