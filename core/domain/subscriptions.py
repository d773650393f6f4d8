"""Opt-in reminders: what a subscription holds.

A subscription holds only what delivery needs: platform ids, an address to write
to, the schedule and the timezone. Never anything the officer typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from core.domain.identity import Platform
from core.domain.schedules import Schedule


@dataclass(frozen=True)
class Subscription:
    platform: Platform
    user_id: str
    workspace: str
    address: str  # Slack: the DM channel or user id; Teams: the stored conversation key
    schedule: Schedule
    timezone: str
    next_due_at: datetime
    active: bool = True
    paused_until: datetime | None = None
    tips_sent: int = 0
    enterprise: str = ""  # Slack: the Grid org, when the app is installed org-wide there

    @property
    def recipient(self) -> str:
        """A stable key for claims and tip order; ids only."""
        return f"{self.platform.value}:{self.workspace}:{self.user_id}"

    def with_schedule(
        self, schedule: Schedule, timezone: str, next_due_at: datetime
    ) -> Subscription:
        return replace(
            self,
            schedule=schedule,
            timezone=timezone,
            next_due_at=next_due_at,
            active=True,
            paused_until=None,
        )
