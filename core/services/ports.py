"""Ports the core depends on: small role protocols. Adapters implement them for real
(adapters/sql, adapters/slack, adapters/teams); tests/fakes holds an in-memory fake of each.

Every store method raises `StoreUnavailable` when the database cannot be reached; callers
decide what that means for the person waiting (crisis lines still go out).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Outcome, Plan
from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.installations import InstallationKey
from core.domain.replies import Reply
from core.domain.subscriptions import Subscription


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class EventLog(Protocol):
    """Inbound event ids already answered, so a retry or redelivery is answered once."""

    async def first_sighting(self, key: str, now: datetime) -> bool:
        """Record an inbound event id; True only for the first caller, across replicas."""
        ...

    async def unsee(self, key: str) -> None:
        """Forget one event id, so a redelivery is answered (when answering it failed)."""
        ...

    async def forget_sightings(self, before: datetime) -> int:
        """Prune event ids recorded before `before`; returns how many were removed."""
        ...


class ConversationBook(Protocol):
    """How to reach a conversation again later (Teams' proactive sends)."""

    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        """Remember how to reach a conversation (upsert by platform and ref id)."""
        ...

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        """The stored reference, or None."""
        ...


class SubscriptionBook(Protocol):
    """Officers' opt-in reminder settings, one per (platform, user id)."""

    async def get_subscription(self, platform: Platform, user_id: str) -> Subscription | None: ...

    async def put_subscription(self, sub: Subscription, now: datetime) -> None:
        """Insert or update by (platform, user id); the count of tips sent carries over."""
        ...

    async def delete_subscription(self, platform: Platform, user_id: str) -> bool: ...

    async def count_active_subscriptions(self) -> int: ...


class DeliveryLedger(Protocol):
    """Claims of (recipient, due time): what makes each tip go out at most once."""

    async def claim_due_subscriptions(
        self, now: datetime, limit: int, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        """Claim due reminders on `platforms` (one claim per recipient and due time, ever)
        and move each on. Platforms this pass cannot send to are left for one that can."""
        ...

    async def sync_channels(
        self, channels: Sequence[TipChannel], now: datetime, plan: Plan
    ) -> None:
        """Match the stored channel schedules to the agency file's."""
        ...

    async def claim_due_channels(
        self, now: datetime, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]: ...

    async def finish_deliveries(
        self, outcomes: Sequence[tuple[Claim, Outcome]], now: datetime
    ) -> None:
        """Record how claims ended; a recipient that is gone is deactivated."""
        ...

    async def prune_deliveries(
        self, before: datetime, abandon_before: datetime, now: datetime
    ) -> dict[str, int]:
        """Drop finished claims before `before`; mark claims older than `abandon_before`
        that never finished as abandoned. Returns how many of each."""
        ...

    def one_pass_at_a_time(self) -> AbstractAsyncContextManager[bool]:
        """Held for a whole pass: True when this process may send, False while another
        (a replica, a cron job) is sending. Replicas sharing one platform limit would
        otherwise each pace to all of it."""
        ...


class UsageLedger(Protocol):
    """Aggregate weekly counters and keyed digests of distinct people; no ids, no text."""

    async def hash_key(self) -> str:
        """The key for pseudonymous counters, generated and stored on first use."""
        ...

    async def add_usage(
        self,
        counts: Mapping[tuple[str, str, str, str], int],
        people: Iterable[tuple[str, str, str]],
    ) -> None:
        """Add (week, agency, metric, label) counts and (week, agency, digest) marks of
        distinct people; agency "" is a single-agency deployment (or the whole one)."""
        ...

    async def usage_rows(
        self, since_week: str, agency: str | None = None
    ) -> list[tuple[str, str, str, int]]:
        """(week, metric, label, count) from `since_week` on, with ("people", "distinct")
        rows: one agency's when `agency` is given, else the sums across agencies (a person
        counted in two agencies is one person)."""
        ...

    async def usage_weeks(self) -> list[str]:
        """The weeks that hold distinct-people marks (to compute one person's digests)."""
        ...


class InstallationBook(Protocol):
    """Chat-app installations (Slack's "Add to Slack"), each an opaque sealed string: the
    adapter encrypts before saving, so no store ever holds a token in clear. Not part of
    `Store`: only the Slack adapter's installation store uses it."""

    async def save_installation(self, key: InstallationKey, sealed: str, now: datetime) -> None:
        """Insert or replace the row under `key`."""
        ...

    async def find_installation(self, key: InstallationKey) -> str | None:
        """The sealed string under exactly `key`, or None."""
        ...

    async def delete_installation(self, key: InstallationKey) -> bool:
        """Delete the row under exactly `key`; True when there was one."""
        ...

    async def delete_installations(self, enterprise_id: str, team_id: str) -> int:
        """Delete every row of one workspace (or org, with team_id ""), whatever its
        user; returns how many went. An org's rows do not include its teams' rows."""
        ...


class WorkspaceEraser(Protocol):
    async def forget_workspace(self, platform: Platform, workspace: str) -> int:
        """Delete every row about a workspace's people (it uninstalled the app); how many."""
        ...

    async def workspaces_of(self, platform: Platform, enterprise: str) -> list[str]:
        """The workspaces of a Slack Grid org that anyone's reminder is in."""
        ...


class PersonEraser(Protocol):
    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        """Delete every row about one person; how many of each kind went."""
        ...


class Health(Protocol):
    async def ping(self) -> None:
        """Raise StoreUnavailable unless the database answers."""
        ...

    async def close(self) -> None: ...


class Store(
    EventLog,
    ConversationBook,
    SubscriptionBook,
    DeliveryLedger,
    UsageLedger,
    PersonEraser,
    WorkspaceEraser,
    InstallationBook,
    Health,
    Protocol,
):
    """Every role at once: what one database (adapters/sql) or one fake provides.
    Services take only the roles they use."""


class Sender(Protocol):
    """Delivers a reply to an address on one platform (a DM channel, a user, a conversation)."""

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        """Raise RecipientGone, RateLimited or PlatformError when it cannot. `workspace` and
        `enterprise`: the Slack team (and Grid org) the address is in, whose token sends;
        "" where one identity sends everything."""
        ...


class TimezoneSource(Protocol):
    async def timezone_of(self, user: UserRef) -> str | None:
        """The user's IANA timezone as the platform knows it, or None."""
        ...
