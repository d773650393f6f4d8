"""Due times are pure functions of (schedule, timezone, now), DST included."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.domain.schedules import Cadence, Schedule, latest_until, next_after

NY = "America/New_York"


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def _walk(schedule: Schedule, zone: str, start: datetime, count: int) -> list[datetime]:
    out, at = [], start
    for _ in range(count):
        at = next_after(schedule.cron(), zone, at)
        out.append(at)
    return out


def test_daily_across_spring_forward_new_york() -> None:
    # 02:30 does not exist on 2026-03-08: the tip comes at the transition, once that day.
    runs = _walk(Schedule(Cadence.DAILY, 2, 30), NY, datetime(2026, 3, 6, 12, tzinfo=UTC), 4)
    local = [_local(r, NY) for r in runs]
    assert [d.date().isoformat() for d in local] == [
        "2026-03-07",
        "2026-03-08",
        "2026-03-09",
        "2026-03-10",
    ]
    assert [(d.hour, d.minute) for d in local] == [(2, 30), (3, 0), (2, 30), (2, 30)]


def test_daily_across_fall_back_new_york_fires_once() -> None:
    runs = _walk(Schedule(Cadence.DAILY, 1, 30), NY, datetime(2026, 10, 31, 12, tzinfo=UTC), 3)
    local = [_local(r, NY) for r in runs]
    assert [d.date().isoformat() for d in local] == ["2026-11-01", "2026-11-02", "2026-11-03"]
    assert all((d.hour, d.minute) == (1, 30) for d in local)
    assert runs[1] - runs[0] == timedelta(hours=25)  # the repeated hour is not served twice


def test_morning_tip_keeps_local_hour_through_both_changes() -> None:
    schedule = Schedule(Cadence.DAILY, 6, 30)
    for start in (datetime(2026, 3, 5, tzinfo=UTC), datetime(2026, 10, 29, tzinfo=UTC)):
        for run in _walk(schedule, NY, start, 6):
            local = _local(run, NY)
            assert (local.hour, local.minute) == (6, 30)


@pytest.mark.parametrize(
    "zone",
    [
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "Pacific/Honolulu",
        "Europe/London",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "Pacific/Auckland",
    ],
)
def test_weekly_in_several_zones(zone: str) -> None:
    schedule = Schedule(Cadence.WEEKLY, 18, 0, weekday=0)
    runs = _walk(schedule, zone, datetime(2026, 1, 1, tzinfo=UTC), 60)
    for run in runs:
        local = _local(run, zone)
        assert local.weekday() == 0 and (local.hour, local.minute) == (18, 0)
    assert all(
        timedelta(days=6, hours=22) <= b - a <= timedelta(days=7, hours=2)
        for a, b in itertools.pairwise(runs)
    )


def test_missed_occurrences_collapse_into_the_latest() -> None:
    schedule = Schedule(Cadence.DAILY, 9, 0)
    now = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # 14:00 in Chicago, days after the last run
    latest = latest_until(schedule.cron(), "America/Chicago", now)
    assert _local(latest, "America/Chicago") == datetime(
        2026, 11, 26, 9, 0, tzinfo=ZoneInfo("America/Chicago")
    )


def test_an_occurrence_exactly_now_is_due_now() -> None:
    now = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 09:00 Chicago
    assert latest_until("0 9 * * *", "America/Chicago", now) == now
    assert next_after("0 9 * * *", "America/Chicago", now) == now + timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(
    cadence=st.sampled_from(list(Cadence)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    weekday=st.integers(0, 6),
    zone=st.sampled_from(
        ["America/New_York", "America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "UTC"]
    ),
    now=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)),
)
def test_latest_is_at_or_before_now_and_next_is_after(
    cadence: Cadence, hour: int, minute: int, weekday: int, zone: str, now: datetime
) -> None:
    schedule = Schedule(cadence, hour, minute, weekday if cadence is Cadence.WEEKLY else None)
    moment = now.replace(tzinfo=UTC)
    latest = latest_until(schedule.cron(), zone, moment)
    following = next_after(schedule.cron(), zone, moment)
    assert latest <= moment < following
    assert following - latest <= timedelta(days=7, hours=2)
