"""The EventLog role on SQL: inbound event ids, so each is answered once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.sql import epoch, upsertable_insert


class SqlEventLog(Database):
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
