"""What the store hands the delivery pass: a claimed (recipient, due time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from core.domain.identity import Platform

# (cron, timezone, now) → (the due time being served, the next due time after now)
Plan = Callable[[str, str, datetime], tuple[datetime, datetime]]


class Outcome(Enum):
    SENT = "sent"
    FAILED = "failed"
    GONE = "gone"
    ABANDONED = "abandoned"  # claimed, then the process died before it could say


@dataclass(frozen=True)
class Claim:
    """This process alone may send to `recipient` for `due_at`."""

    recipient: str
    due_at: datetime
    platform: Platform
    address: str
    tip_number: int  # how many tips this recipient had before this one
    user_id: str | None = None  # set for a person's subscription, None for a channel
