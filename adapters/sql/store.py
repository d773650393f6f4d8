"""The Store port on SQL: every query here runs unchanged on SQLite and Postgres."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Collection, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sql import reminder_queries as rq
from adapters.sql import tables
from adapters.sql import usage_queries as tq
from adapters.sql.migrations import migrate
from adapters.sql.sql import epoch, upsertable_insert
from core.domain.agency import TipChannel
from core.domain.deliveries import Claim, Outcome, Plan
from core.domain.identity import ConversationRef, Platform
from core.domain.subscriptions import Subscription
from core.errors import StoreUnavailable

RETRY_SCHEMA_AFTER_S = 5.0
_DOWN = (OperationalError, DBAPIError, OSError, ConnectionError, TimeoutError)


class SqlStore:
    """The Store port. Built before the database answers, it migrates on first contact
    and keeps trying (at most every few seconds) until it can."""

    def __init__(self, engine: AsyncEngine, *, migrated: bool = True) -> None:
        self.engine = engine
        self._migrated = migrated
        self._schema_lock = asyncio.Lock()
        self._next_schema_try = 0.0

    def _ready(self) -> bool:
        return self._migrated

    async def _ensure_schema(self) -> None:
        if self._ready():
            return
        async with self._schema_lock:
            if self._ready():  # another task migrated while we waited
                return
            if time.monotonic() < self._next_schema_try:
                raise StoreUnavailable("the database is not answering yet")
            try:
                await migrate(self.engine)
            except _DOWN as exc:
                self._next_schema_try = time.monotonic() + RETRY_SCHEMA_AFTER_S
                raise StoreUnavailable("the database is not answering") from exc
            self._migrated = True

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction; connection failures become StoreUnavailable."""
        await self._ensure_schema()
        try:
            async with self.engine.begin() as conn:
                yield conn
        except _DOWN as exc:
            raise StoreUnavailable("the database is not answering") from exc

    async def ping(self) -> None:
        async with self._transaction() as conn:
            await conn.execute(select(1))

    async def first_sighting(self, key: str, now: datetime) -> bool:
        async with self._transaction() as conn:
            statement = (
                upsertable_insert(conn, tables.seen_events)
                .values(key=key[:255], seen_at=epoch(now))
                .on_conflict_do_nothing()
            )
            result = await conn.execute(statement)
        return bool(result.rowcount == 1)

    async def unsee(self, key: str) -> None:
        statement = delete(tables.seen_events).where(tables.seen_events.c.key == key[:255])
        async with self._transaction() as conn:
            await conn.execute(statement)

    async def forget_sightings(self, before: datetime) -> int:
        statement = delete(tables.seen_events).where(tables.seen_events.c.seen_at < epoch(before))
        async with self._transaction() as conn:
            result = await conn.execute(statement)
        return int(result.rowcount or 0)

    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        values = {
            "platform": ref.platform.value,
            "ref_id": ref.id[:255],
            "tenant": tenant[:128],
            "payload": ref.payload,
            "updated_at": epoch(now),
        }
        async with self._transaction() as conn:
            statement = upsertable_insert(conn, tables.conversations).values(**values)
            statement = statement.on_conflict_do_update(
                index_elements=["platform", "ref_id"],
                set_={k: statement.excluded[k] for k in ("tenant", "payload", "updated_at")},
            )
            await conn.execute(statement)

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        table = tables.conversations
        query = select(table.c.payload).where(
            (table.c.platform == platform.value) & (table.c.ref_id == ref_id)
        )
        async with self._transaction() as conn:
            payload = (await conn.execute(query)).scalar_one_or_none()
        return None if payload is None else ConversationRef(platform, ref_id, payload)

    # ---- reminders -------------------------------------------------------------------

    async def get_subscription(self, platform: Platform, user_id: str) -> Subscription | None:
        async with self._transaction() as conn:
            return await rq.get_subscription(conn, platform, user_id)

    async def put_subscription(self, sub: Subscription, now: datetime) -> None:
        async with self._transaction() as conn:
            await rq.put_subscription(conn, sub, now)

    async def delete_subscription(self, platform: Platform, user_id: str) -> bool:
        async with self._transaction() as conn:
            return await rq.delete_subscription(conn, platform, user_id)

    async def count_active_subscriptions(self) -> int:
        async with self._transaction() as conn:
            return await rq.count_active(conn)

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

    # ---- trust --------------------------------------------------------------------

    async def hash_key(self) -> str:
        async with self._transaction() as conn:
            return await tq.hash_key(conn)

    async def add_usage(
        self, counts: Mapping[tuple[str, str, str], int], people: Iterable[tuple[str, str]]
    ) -> None:
        async with self._transaction() as conn:
            await tq.add_usage(conn, counts, people)

    async def usage_rows(self, since_week: str) -> list[tuple[str, str, str, int]]:
        async with self._transaction() as conn:
            return await tq.usage_rows(conn, since_week)

    async def usage_weeks(self) -> list[str]:
        async with self._transaction() as conn:
            return await tq.people_weeks(conn)

    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        async with self._transaction() as conn:
            return await tq.forget(conn, platform, user_id, digests)

    async def prune_deliveries(
        self, before: datetime, abandon_before: datetime, now: datetime
    ) -> dict[str, int]:
        async with self._transaction() as conn:
            return await tq.prune(conn, before, abandon_before, now)

    async def close(self) -> None:
        await self.engine.dispose()
