"""Ports the core depends on; real implementations and test fakes both satisfy them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from core.agency import Platform
from core.messages import ConversationRef


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

    async def forget_sightings(self, before: datetime) -> int:
        """Prune event ids recorded before `before`; returns how many were removed."""
        ...

    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        """Remember how to reach a conversation (upsert by platform and ref id)."""
        ...

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        """The stored reference, or None."""
        ...

    async def close(self) -> None: ...
