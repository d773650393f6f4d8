"""What the store hands the delivery pass: a claimed (recipient, due time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from core.domain.identity import Platform

# (cron, timezone, now) → (the due time being served, the next due time after now)
Plan = Callable[[str, str, datetime], tuple[datetime, datetime]]


class Outcome(Enum):
    SENT = "sent"
    FAILED = "failed"
    GONE = "gone"
    ABANDONED = "abandoned"  # claimed, then the process died before it could say
    RELEASED = "released"  # certainly not sent: may be claimed again on a later pass


# A released claim is tried again on a pass at least this much later...
RETRY_DELAY = timedelta(minutes=1)
# ...while its due time is less than this old (and no later occurrence has come).
GRACE = timedelta(hours=1)


def retry_from(released_at: datetime) -> datetime:
    """When a tip released at `released_at` is due again (a later pass, not this one)."""
    return released_at + RETRY_DELAY


def retryable_since(now: datetime) -> datetime:
    """A released claim whose due time is at or after this may still be claimed again."""
    return now - GRACE


@dataclass(frozen=True)
class Claim:
    """This process alone may send to `recipient` for `due_at`."""

    recipient: str
    due_at: datetime
    platform: Platform
    address: str
    tip_number: int  # how many tips this recipient had before this one
    user_id: str | None = None  # set for a person's subscription, None for a channel
    workspace: str = ""  # the Slack team the address is in (whose token sends)
    enterprise: str = ""  # its Grid org, for an org-wide install
