"""A clock the test moves by hand (satisfies core.services.ports.Clock)."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.services.ports import Clock


class FakeClock(Clock):
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def advance(self, by: timedelta) -> None:
        self.moment += by
