"""An in-memory fake of every store role (core/services/ports.py), for unit tests.

It keeps the promises the ports make (one claim per recipient and due time, tip counts that
carry over, exact `forget me`), so a unit test of a service means the same against it as
against SQL; adapters/sql is covered by the integration tests. `down = True` makes every
call fail as an unreachable database does.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Collection, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Outcome, Plan, retry_from, retryable_since
from core.domain.identity import ConversationRef, Platform, personal_chat_key
from core.domain.installations import InstallationKey
from core.domain.subscriptions import Subscription
from core.errors import StoreUnavailable
from core.services.ports import (
    ConversationBook,
    DeliveryLedger,
    EventLog,
    Health,
    InstallationBook,
    PersonEraser,
    SubscriptionBook,
    UsageLedger,
)
from core.services.privacy import sightings_prefix


@dataclass
class _ClaimRow:
    status: str
    claimed_at: datetime
    finished_at: datetime | None = None


@dataclass
class _ChannelRow:
    cron: str
    timezone: str
    next_due_at: datetime
    tips_sent: int = 0
    workspace: str = ""
    enterprise: str = ""


class MemoryStore(
    EventLog,
    ConversationBook,
    SubscriptionBook,
    DeliveryLedger,
    UsageLedger,
    PersonEraser,
    Health,
    InstallationBook,
):
    def __init__(self) -> None:
        self.down = False
        self.closed = False
        self.passing = False
        self.sightings: dict[str, datetime] = {}
        self.conversations: dict[tuple[Platform, str], tuple[ConversationRef, str]] = {}
        self.subscriptions: dict[tuple[Platform, str], Subscription] = {}
        self.claims: dict[tuple[str, datetime], _ClaimRow] = {}
        self.channels: dict[tuple[Platform, str], _ChannelRow] = {}
        self.counts: dict[tuple[str, str, str, str], int] = {}  # week, agency, metric, label
        self.people: set[tuple[str, str, str]] = set()  # week, agency, digest
        self._key: str | None = None
        self.installations: dict[InstallationKey, str] = {}

    def _check(self) -> None:
        if self.down:
            raise StoreUnavailable("the database is not answering (fake)")

    # ---- Health ----
    async def ping(self) -> None:
        self._check()

    async def close(self) -> None:
        self.closed = True

    # ---- EventLog ----
    async def first_sighting(self, key: str, now: datetime) -> bool:
        self._check()
        if key[:255] in self.sightings:
            return False
        self.sightings[key[:255]] = now
        return True

    async def unsee(self, key: str) -> None:
        self._check()
        self.sightings.pop(key[:255], None)

    async def forget_sightings(self, before: datetime) -> int:
        self._check()
        old = [k for k, seen in self.sightings.items() if seen < before]
        for key in old:
            del self.sightings[key]
        return len(old)

    # ---- ConversationBook ----
    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        self._check()
        self.conversations[(ref.platform, ref.id[:255])] = (ref, tenant[:128])

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        self._check()
        found = self.conversations.get((platform, ref_id))
        return None if found is None else found[0]

    # ---- SubscriptionBook ----
    async def get_subscription(self, platform: Platform, user_id: str) -> Subscription | None:
        self._check()
        return self.subscriptions.get((platform, user_id))

    async def put_subscription(self, sub: Subscription, now: datetime) -> None:
        self._check()
        old = self.subscriptions.get((sub.platform, sub.user_id))
        sent = old.tips_sent if old is not None else sub.tips_sent
        self.subscriptions[(sub.platform, sub.user_id)] = replace(sub, tips_sent=sent)

    async def delete_subscription(self, platform: Platform, user_id: str) -> bool:
        self._check()
        return self.subscriptions.pop((platform, user_id), None) is not None

    async def count_active_subscriptions(self) -> int:
        self._check()
        return sum(1 for s in self.subscriptions.values() if s.active)

    # ---- DeliveryLedger ----
    def _claim(self, recipient: str, due: datetime, now: datetime) -> bool:
        row = self.claims.get((recipient, due))
        retry = (
            row is not None and row.status == Outcome.RELEASED.value and due >= retryable_since(now)
        )
        if row is not None and not retry:
            return False
        self.claims[(recipient, due)] = _ClaimRow("claimed", now)
        return True

    async def claim_due_subscriptions(
        self, now: datetime, limit: int, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        self._check()
        due = sorted(
            (s for s in self.subscriptions.values()
             if s.active and s.next_due_at <= now and s.platform in platforms),
            key=lambda s: s.next_due_at,
        )[:limit]  # fmt: skip
        claims = []
        for sub in due:
            due_at, following = plan(sub.schedule.cron(), sub.timezone, now)
            won = self._claim(sub.recipient, due_at, now)
            key = (sub.platform, sub.user_id)
            self.subscriptions[key] = replace(
                sub, next_due_at=following, tips_sent=sub.tips_sent + int(won)
            )
            if won:
                claims.append(
                    Claim(
                        sub.recipient,
                        due_at,
                        sub.platform,
                        sub.address,
                        sub.tips_sent,
                        sub.user_id,
                        sub.workspace,
                        sub.enterprise,
                    )
                )
        return claims

    async def sync_channels(
        self, channels: Sequence[TipChannel], now: datetime, plan: Plan
    ) -> None:
        self._check()
        wanted = {(c.platform, c.target): c for c in channels}
        for key in [k for k in self.channels if k not in wanted]:
            del self.channels[key]
        for key, channel in wanted.items():
            row = self.channels.get(key)
            if row is None or (row.cron, row.timezone) != (channel.cron, channel.timezone):
                _, following = plan(channel.cron, channel.timezone, now)
                sent = row.tips_sent if row else 0
                self.channels[key] = _ChannelRow(channel.cron, channel.timezone, following, sent)
            place = self.channels[key]
            place.workspace, place.enterprise = channel.workspace, channel.enterprise

    async def claim_due_channels(
        self, now: datetime, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        self._check()
        claims = []
        for (platform, target), row in self.channels.items():
            if row.next_due_at > now or platform not in platforms:
                continue
            due_at, following = plan(row.cron, row.timezone, now)
            recipient = f"channel:{platform.value}:{target}"
            won = self._claim(recipient, due_at, now)
            if won:
                claims.append(
                    Claim(
                        recipient,
                        due_at,
                        platform,
                        target,
                        row.tips_sent,
                        workspace=row.workspace,
                        enterprise=row.enterprise,
                    )
                )
            row.next_due_at, row.tips_sent = following, row.tips_sent + int(won)
        return claims

    async def finish_deliveries(
        self, outcomes: Sequence[tuple[Claim, Outcome]], now: datetime
    ) -> None:
        self._check()
        for claim, outcome in outcomes:
            row = self.claims.get((claim.recipient, claim.due_at))
            if row is not None:
                row.status, row.finished_at = outcome.value, now
            if outcome is Outcome.GONE and claim.user_id is not None:
                sub = self.subscriptions.get((claim.platform, claim.user_id))
                if sub is not None:
                    self.subscriptions[(claim.platform, claim.user_id)] = replace(sub, active=False)
            if outcome is Outcome.RELEASED:
                self._due_again(claim, retry_from(now))

    def _due_again(self, claim: Claim, at: datetime) -> None:
        if claim.user_id is None:
            channel = self.channels.get((claim.platform, claim.address))
            if channel is not None:
                channel.next_due_at = min(channel.next_due_at, at)
                channel.tips_sent -= 1
            return
        sub = self.subscriptions.get((claim.platform, claim.user_id))
        if sub is not None:
            self.subscriptions[(claim.platform, claim.user_id)] = replace(
                sub, next_due_at=min(sub.next_due_at, at), tips_sent=sub.tips_sent - 1
            )

    @asynccontextmanager
    async def one_pass_at_a_time(self) -> AsyncIterator[bool]:
        if self.passing:
            yield False
            return
        self.passing = True
        try:
            yield True
        finally:
            self.passing = False

    async def prune_deliveries(
        self, before: datetime, abandon_before: datetime, now: datetime
    ) -> dict[str, int]:
        self._check()
        abandoned = 0
        for row in self.claims.values():
            if row.status == "claimed" and row.claimed_at < abandon_before:
                row.status, row.finished_at = "abandoned", now
                abandoned += 1
        old = [k for k, row in self.claims.items() if row.claimed_at < before]
        for key in old:
            del self.claims[key]
        return {"abandoned": abandoned, "deleted": len(old)}

    # ---- UsageLedger ----
    async def hash_key(self) -> str:
        self._check()
        if self._key is None:
            self._key = secrets.token_hex(32)
        return self._key

    async def add_usage(
        self,
        counts: Mapping[tuple[str, str, str, str], int],
        people: Iterable[tuple[str, str, str]],
    ) -> None:
        self._check()
        for key, count in counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
        self.people.update(people)

    async def usage_rows(
        self, since_week: str, agency: str | None = None
    ) -> list[tuple[str, str, str, int]]:
        self._check()
        sums: dict[tuple[str, str, str], int] = {}
        for (w, a, m, lbl), n in self.counts.items():
            if w >= since_week and agency in (None, a):
                sums[(w, m, lbl)] = sums.get((w, m, lbl), 0) + n
        marks = {(w, d) for w, a, d in self.people if w >= since_week and agency in (None, a)}
        weeks: dict[str, int] = {}
        for week, _ in marks:
            weeks[week] = weeks.get(week, 0) + 1
        rows = [(w, m, lbl, n) for (w, m, lbl), n in sums.items()]
        rows += [(week, "people", "distinct", n) for week, n in weeks.items()]
        return sorted(rows)

    async def usage_weeks(self) -> list[str]:
        self._check()
        return sorted({week for week, _, _ in self.people})

    # ---- InstallationBook ----
    async def save_installation(self, key: InstallationKey, sealed: str, now: datetime) -> None:
        self._check()
        self.installations[key] = sealed

    async def find_installation(self, key: InstallationKey) -> str | None:
        self._check()
        return self.installations.get(key)

    async def delete_installation(self, key: InstallationKey) -> bool:
        self._check()
        return self.installations.pop(key, None) is not None

    async def delete_installations(self, enterprise_id: str, team_id: str) -> int:
        self._check()
        mine = [
            k
            for k in self.installations
            if (k.enterprise_id, k.team_id) == (enterprise_id, team_id)
        ]
        for key in mine:
            del self.installations[key]
        return len(mine)

    # ---- WorkspaceEraser ----
    async def workspaces_of(self, platform: Platform, enterprise: str) -> list[str]:
        self._check()
        found = {
            s.workspace
            for s in self.subscriptions.values()
            if s.platform is platform and s.enterprise == enterprise and s.workspace
        }
        return sorted(found)

    async def forget_workspace(self, platform: Platform, workspace: str) -> int:
        self._check()
        if not workspace:
            return 0
        prefix = f"{platform.value}:{workspace}:"
        gone = [
            k
            for k, s in self.subscriptions.items()
            if k[0] is platform and s.workspace == workspace
        ]
        for key in gone:
            del self.subscriptions[key]
        claims = [k for k in self.claims if k[0].startswith(prefix)]
        for claim in claims:
            del self.claims[claim]
        seen = [k for k in self.sightings if k.startswith(prefix)]
        for key in seen:
            del self.sightings[key]
        chats = [
            k for k, (_, t) in self.conversations.items() if k[0] is platform and t == workspace
        ]
        for key in chats:
            del self.conversations[key]
        return len(gone) + len(claims) + len(seen) + len(chats)

    # ---- PersonEraser ----
    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        self._check()
        removed = {"reminder settings": int(await self.delete_subscription(platform, user_id))}
        prefix, suffix = f"{platform.value}:", f":{user_id}"
        mine = [
            k for k in self.claims
            if k[0].startswith(prefix) and k[0].endswith(suffix)
            and ":" not in k[0][len(prefix) : -len(suffix)]
        ]  # fmt: skip
        for key in mine:
            del self.claims[key]
        removed["delivery records"] = len(mine)
        removed["duplicate-check records"] = self._forget_sightings(platform, user_id)
        gone = self.conversations.pop((platform, personal_chat_key(user_id)), None)
        removed["chat references"] = int(gone is not None)
        gone = set(digests)  # in every agency
        marks = {p for p in self.people if (p[0], p[2]) in gone}
        self.people -= marks
        removed["weekly activity marks"] = len(marks)
        return removed

    def _forget_sightings(self, platform: Platform, user_id: str) -> int:
        found = self.conversations.get((platform, personal_chat_key(user_id)))
        if found is None or not found[0].payload:
            return 0
        try:
            conversation_id = str(json.loads(found[0].payload)["conversation"]["id"])
        except (ValueError, KeyError, TypeError):
            return 0
        prefix = sightings_prefix(platform, conversation_id)
        mine = [k for k in self.sightings if k.startswith(prefix)]
        for key in mine:
            del self.sightings[key]
        return len(mine)
