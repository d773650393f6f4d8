"""The EventLog role on SQL: inbound event ids, so each is answered once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.errors import unavailable
from adapters.sql.sql import epoch, upsertable_insert

# The same statement as the Core one below, as SQLite's driver takes it.
_SQLITE_SIGHTING = 'INSERT INTO seen_events ("key", seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING'


class SqlEventLog(Database):
    async def first_sighting(self, key: str, now: datetime) -> bool:
        if self.engine.dialect.name == "sqlite":
            return await self._first_sighting_on_sqlite(key[:255], epoch(now))
        async with self._transaction() as conn:
            statement = (
                upsertable_insert(conn, tables.seen_events)
                .values(key=key[:255], seen_at=epoch(now))
                .on_conflict_do_nothing()
            )
            result = await conn.execute(statement)
        return bool(result.rowcount == 1)

    async def _first_sighting_on_sqlite(self, key: str, seen_at: int) -> bool:
        """Every Teams and Slack event writes this row, so on SQLite it skips SQLAlchemy's
        transaction: one statement on the pooled connection's driver, which SQLite commits
        by itself (engine.py puts the connection in autocommit). A lone INSERT takes the
        write lock when it starts, waiting out busy_timeout as BEGIN IMMEDIATE does, and
        is atomic alone: the same promise in 1-2 of aiosqlite's thread hand-offs instead
        of 7 (BEGIN IMMEDIATE, INSERT, COMMIT through the async adaption), about a third
        of the CPU (issue 15)."""
        await self._ensure_schema()
        with unavailable():
            async with self.engine.connect() as conn:
                driver = (await conn.get_raw_connection()).driver_connection
                assert driver is not None  # a checked-out connection always has one
                cursor = await driver.execute(_SQLITE_SIGHTING, (key, seen_at))
                try:
                    return bool(cursor.rowcount == 1)
                finally:
                    await cursor.close()

    async def unsee(self, key: str) -> None:
        statement = delete(tables.seen_events).where(tables.seen_events.c.key == key[:255])
        async with self._transaction() as conn:
            await conn.execute(statement)

    async def forget_sightings(self, before: datetime) -> int:
        statement = delete(tables.seen_events).where(tables.seen_events.c.seen_at < epoch(before))
        async with self._transaction() as conn:
            result = await conn.execute(statement)
        return int(result.rowcount or 0)
