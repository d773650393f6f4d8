"""The DeliveryLedger role on SQL: claims that make each tip go out at most once, and the
lock that lets one pass at a time send."""

from __future__ import annotations

import fcntl
import os
from collections.abc import AsyncIterator, Collection, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime

from sqlalchemy import text

from adapters.sql import channel_queries as cq
from adapters.sql import reminder_queries as rq
from adapters.sql import usage_queries as uq
from adapters.sql.database import Database
from adapters.sql.errors import unavailable
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
            await cq.sync_channels(conn, channels, now, plan)

    async def claim_due_channels(
        self, now: datetime, plan: Plan, platforms: Collection[Platform]
    ) -> list[Claim]:
        async with self._transaction() as conn:
            return await cq.claim_channels(conn, now, plan, platforms)

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

    @asynccontextmanager
    async def one_pass_at_a_time(self) -> AsyncIterator[bool]:
        """Postgres: a session advisory lock per schema, held on its own connection for the
        pass (a dead replica's lock goes with its connection). SQLite: an exclusive lock on
        a file beside the database, for a cron job and a server on one host."""
        if self.engine.dialect.name == "postgresql":
            async with self._advisory_lock() as mine:
                yield mine
            return
        with _file_lock(self.engine.url.database) as mine:
            yield mine

    @asynccontextmanager
    async def _advisory_lock(self) -> AsyncIterator[bool]:
        await self._ensure_schema()
        with unavailable():
            conn = await self.engine.connect()
        try:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            with unavailable():
                mine = bool(await conn.scalar(_LOCK, {"name": _NAME}))
            try:
                yield mine
            finally:
                if mine:
                    with unavailable():
                        await conn.execute(_UNLOCK, {"name": _NAME})
        finally:
            await conn.close()


# One delivery lock per schema: several agencies' bots may share a database, one schema each.
_NAME = "/wellcheck-delivery"
_LOCK = text("SELECT pg_try_advisory_lock(hashtext(current_schema() || :name))")
_UNLOCK = text("SELECT pg_advisory_unlock(hashtext(current_schema() || :name))")


@contextmanager
def _file_lock(database: str | None) -> Iterator[bool]:
    if not database or database == ":memory:":
        yield True
        return
    fd = os.open(f"{database}.delivery-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
