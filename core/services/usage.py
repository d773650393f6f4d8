"""Aggregate, pseudonymous usage counters a wellness coordinator can use without
identifying anyone: counts per ISO week, and distinct people as keyed HMAC digests.

Counts gather in memory and go to the store once a minute; `totals` since start
feed /metrics. Nothing typed is ever counted, only the category a lookup landed in.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from datetime import datetime

from core.domain.identity import Platform, UserRef
from core.services.ports import Clock

SUPPRESS_BELOW = 5

LOOKUPS = "lookups"  # label: the category of the best match, or "no-match"
CRISIS = "crisis_replies"
CONCERN_OTHER = "concern_replies"  # answers on how to help someone else
DELIVERIES = "deliveries"  # label: outcome
RATE_LIMITED = "rate_limited"  # label: platform


def week_of(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


class Usage:
    def __init__(self, key: str, clock: Clock) -> None:
        self._key = key.encode()
        self._clock = clock
        self._pending: Counter[tuple[str, str, str]] = Counter()
        self._people: set[tuple[str, str]] = set()
        self.totals: Counter[tuple[str, str]] = Counter()

    def digest(self, week: str, platform: Platform, user_id: str) -> str:
        """Who, as a keyed digest that changes every week."""
        message = f"{week}:{platform.value}:{user_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def count(self, metric: str, label: str = "", user: UserRef | None = None) -> None:
        week = week_of(self._clock.now())
        self._pending[(week, metric, label)] += 1
        self.totals[(metric, label)] += 1
        if user is not None and user.id:
            self._people.add((week, self.digest(week, user.platform, user.id)))

    def forget(self, platform: Platform, user_id: str) -> None:
        """Drop a person's pending weekly marks, before `forget me` deletes the stored ones."""
        weeks = {week for week, _ in self._people} | {week_of(self._clock.now())}
        gone = {(w, self.digest(w, platform, user_id)) for w in weeks}
        self._people -= gone

    def drain(self) -> tuple[Counter[tuple[str, str, str]], set[tuple[str, str]]]:
        """Hand over what gathered since the last drain."""
        pending, people = self._pending, self._people
        self._pending, self._people = Counter(), set()
        return pending, people

    def restore(self, pending: Counter[tuple[str, str, str]], people: set[tuple[str, str]]) -> None:
        """Put back what could not be stored (the database was down)."""
        self._pending.update(pending)
        self._people |= people


def suppressed(count: int) -> str:
    """Small counts could point at a person: show them as '<5' (none is none: '0')."""
    return str(count) if count >= SUPPRESS_BELOW or count == 0 else f"<{SUPPRESS_BELOW}"
