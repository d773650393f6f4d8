"""Ports the core depends on; real implementations and test fakes both satisfy them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Protocol

from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Outcome, Plan
from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.replies import Reply
from core.domain.subscriptions import Subscription


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class Store(Protocol):
    """Persistence. Holds platform ids, schedules and timezones, never message text."""

    async def ping(self) -> None:
        """Raise StoreUnavailable unless the database answers."""
        ...

    async def first_sighting(self, key: str, now: datetime) -> bool:
        """Record an inbound event id; True only for the first caller, across replicas."""
        ...

    async def unsee(self, key: str) -> None:
        """Forget one event id, so a redelivery is answered (when answering it failed)."""
        ...

    async def forget_sightings(self, before: datetime) -> int:
        """Prune event ids recorded before `before`; returns how many were removed."""
        ...

    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        """Remember how to reach a conversation (upsert by platform and ref id)."""
        ...

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        """The stored reference, or None."""
        ...

    async def get_subscription(self, platform: Platform, user_id: str) -> Subscription | None: ...

    async def put_subscription(self, sub: Subscription, now: datetime) -> None:
        """Insert or update by (platform, user id); the count of tips sent carries over."""
        ...

    async def delete_subscription(self, platform: Platform, user_id: str) -> bool: ...

    async def count_active_subscriptions(self) -> int: ...

    async def claim_due_subscriptions(
        self, now: datetime, limit: int, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        """Claim due reminders on `platforms` (one claim per recipient and due time, ever)
        and move each on. Platforms this pass cannot send to are left for one that can."""
        ...

    async def sync_channels(
        self, channels: Sequence[TipChannel], now: datetime, plan: Plan
    ) -> None: ...

    async def claim_due_channels(
        self, now: datetime, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]: ...

    async def finish_deliveries(
        self, outcomes: Sequence[tuple[Claim, Outcome]], now: datetime
    ) -> None:
        """Record how claims ended; a recipient that is gone is deactivated."""
        ...

    async def hash_key(self) -> str:
        """The key for pseudonymous counters, generated and stored on first use."""
        ...

    async def add_usage(
        self, counts: Mapping[tuple[str, str, str], int], people: Iterable[tuple[str, str]]
    ) -> None:
        """Add (week, metric, label) counts and (week, digest) distinct-people marks."""
        ...

    async def usage_rows(self, since_week: str) -> list[tuple[str, str, str, int]]: ...

    async def usage_weeks(self) -> list[str]: ...

    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        """Delete every row about one person; how many of each kind went."""
        ...

    async def prune_deliveries(
        self, before: datetime, abandon_before: datetime, now: datetime
    ) -> dict[str, int]: ...

    async def close(self) -> None: ...


class Sender(Protocol):
    """Delivers a reply to an address on one platform (a DM channel, a user, a conversation)."""

    async def send(self, address: str, reply: Reply) -> None:
        """Raise RecipientGone, RateLimited or PlatformError when it cannot."""
        ...


class TimezoneSource(Protocol):
    async def timezone_of(self, user: UserRef) -> str | None:
        """The user's IANA timezone as the platform knows it, or None."""
        ...
