"""The Store port on SQL: every query here runs unchanged on SQLite and Postgres."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.errors import StoreUnavailable
from core.sqlstore import tables


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


class SqlStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction; connection failures become StoreUnavailable."""
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (OperationalError, DBAPIError, OSError, ConnectionError) as exc:
            raise StoreUnavailable("the database is not answering") from exc

    def _insert_ignoring_duplicates(self, table: Any) -> Any:
        dialect = self.engine.dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        return insert(table).on_conflict_do_nothing()

    async def ping(self) -> None:
        async with self._transaction() as conn:
            await conn.execute(select(1))

    async def first_sighting(self, key: str, now: datetime) -> bool:
        statement = self._insert_ignoring_duplicates(tables.seen_events).values(
            key=key[:255], seen_at=_epoch(now)
        )
        async with self._transaction() as conn:
            result = await conn.execute(statement)
        return bool(result.rowcount == 1)

    async def forget_sightings(self, before: datetime) -> int:
        statement = delete(tables.seen_events).where(tables.seen_events.c.seen_at < _epoch(before))
        async with self._transaction() as conn:
            result = await conn.execute(statement)
        return int(result.rowcount or 0)

    async def close(self) -> None:
        await self.engine.dispose()
