"""The UsageLedger role on SQL: weekly counters and distinct-people digests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from adapters.sql import usage_queries as uq
from adapters.sql.database import Database


class SqlUsageLedger(Database):
    async def hash_key(self) -> str:
        async with self._transaction() as conn:
            return await uq.hash_key(conn)

    async def add_usage(
        self,
        counts: Mapping[tuple[str, str, str, str], int],
        people: Iterable[tuple[str, str, str]],
    ) -> None:
        async with self._transaction() as conn:
            await uq.add_usage(conn, counts, people)

    async def usage_rows(
        self, since_week: str, agency: str | None = None
    ) -> list[tuple[str, str, str, int]]:
        async with self._transaction() as conn:
            return await uq.usage_rows(conn, since_week, agency)

    async def usage_weeks(self) -> list[str]:
        async with self._transaction() as conn:
            return await uq.people_weeks(conn)
