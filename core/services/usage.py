"""Aggregate, pseudonymous usage counters a wellness coordinator can use without
identifying anyone: counts per ISO week and agency, and distinct people as keyed HMAC
digests.

Counts gather in memory and go to the store once a minute; `totals` since start (across
agencies) feed /metrics. Nothing typed is ever counted, only the category a lookup landed
in. Agency "" is a single-agency deployment, and the deployment's own counters (deliveries).
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from datetime import datetime
from typing import Protocol

from core.domain.identity import Platform, UserRef
from core.services.ports import Clock

SUPPRESS_BELOW = 5

LOOKUPS = "lookups"  # label: the category of the best match, or "no-match"
CRISIS = "crisis_replies"
CONCERN_OTHER = "concern_replies"  # answers on how to help someone else
DELIVERIES = "deliveries"  # label: outcome
RATE_LIMITED = "rate_limited"  # label: platform

CountKey = tuple[str, str, str, str]  # (week, agency, metric, label)
PersonKey = tuple[str, str, str]  # (week, agency, digest)


def week_of(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


class Counts(Protocol):
    """What the responder and `forget me` need: `Usage` itself, or one agency's view of it."""

    def count(self, metric: str, label: str = "", user: UserRef | None = None) -> None: ...

    def forget(self, platform: Platform, user_id: str) -> None: ...

    def digest(self, week: str, platform: Platform, user_id: str) -> str: ...


class Usage:
    def __init__(self, key: str, clock: Clock) -> None:
        self._key = key.encode()
        self._clock = clock
        self._pending: Counter[CountKey] = Counter()
        self._people: set[PersonKey] = set()
        self.totals: Counter[tuple[str, str]] = Counter()

    def digest(self, week: str, platform: Platform, user_id: str) -> str:
        """Who, as a keyed digest that changes every week (the same in every agency)."""
        message = f"{week}:{platform.value}:{user_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def count(self, metric: str, label: str = "", user: UserRef | None = None) -> None:
        """Count for agency "" (a single-agency deployment, or the whole deployment)."""
        self.count_for("", metric, label, user)

    def count_for(
        self, agency: str, metric: str, label: str = "", user: UserRef | None = None
    ) -> None:
        week = week_of(self._clock.now())
        self._pending[(week, agency, metric, label)] += 1
        self.totals[(metric, label)] += 1
        if user is not None and user.id:
            self._people.add((week, agency, self.digest(week, user.platform, user.id)))

    def scoped(self, agency: str) -> ScopedUsage:
        """The counters as one agency's responder writes them: same buffers, its agency id."""
        return ScopedUsage(self, agency)

    def forget(self, platform: Platform, user_id: str) -> None:
        """Drop a person's pending weekly marks in every agency, before `forget me` deletes
        the stored ones."""
        weeks = {week for week, _, _ in self._people} | {week_of(self._clock.now())}
        gone = {(w, self.digest(w, platform, user_id)) for w in weeks}
        self._people = {p for p in self._people if (p[0], p[2]) not in gone}

    def drain(self) -> tuple[Counter[CountKey], set[PersonKey]]:
        """Hand over what gathered since the last drain."""
        pending, people = self._pending, self._people
        self._pending, self._people = Counter(), set()
        return pending, people

    def restore(self, pending: Counter[CountKey], people: set[PersonKey]) -> None:
        """Put back what could not be stored (the database was down)."""
        self._pending.update(pending)
        self._people |= people


class ScopedUsage:
    """One agency's counters: writes into the shared `Usage` under its agency id."""

    def __init__(self, usage: Usage, agency: str) -> None:
        self._usage = usage
        self.agency = agency

    def count(self, metric: str, label: str = "", user: UserRef | None = None) -> None:
        self._usage.count_for(self.agency, metric, label, user)

    def forget(self, platform: Platform, user_id: str) -> None:
        """A person's pending marks go in every agency: `forget me` is about the person."""
        self._usage.forget(platform, user_id)

    def digest(self, week: str, platform: Platform, user_id: str) -> str:
        return self._usage.digest(week, platform, user_id)


def suppressed(count: int) -> str:
    """Small counts could point at a person: show them as '<5' (none is none: '0')."""
    return str(count) if count >= SUPPRESS_BELOW or count == 0 else f"<{SUPPRESS_BELOW}"
