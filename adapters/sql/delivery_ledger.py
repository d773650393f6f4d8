"""The DeliveryLedger role on SQL: claims that make each tip go out at most once."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from adapters.sql import reminder_queries as rq
from adapters.sql import usage_queries as uq
from adapters.sql.database import Database
from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Outcome, Plan
from core.domain.identity import Platform


class SqlDeliveryLedger(Database):
    async def claim_due_subscriptions(
        self, now: datetime, limit: int, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        async with self._transaction() as conn:
            return await rq.claim_subscriptions(conn, now, limit, plan, platforms)

    async def sync_channels(
        self, channels: Sequence[TipChannel], now: datetime, plan: Plan
    ) -> None:
        async with self._transaction() as conn:
            await rq.sync_channels(conn, channels, now, plan)

    async def claim_due_channels(
        self, now: datetime, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        async with self._transaction() as conn:
            return await rq.claim_channels(conn, now, plan, platforms)

    async def finish_deliveries(
        self, outcomes: Sequence[tuple[Claim, Outcome]], now: datetime
    ) -> None:
        async with self._transaction() as conn:
            await rq.finish(conn, outcomes, now)

    async def prune_deliveries(
        self, before: datetime, abandon_before: datetime, now: datetime
    ) -> dict[str, int]:
        async with self._transaction() as conn:
            return await uq.prune(conn, before, abandon_before, now)
