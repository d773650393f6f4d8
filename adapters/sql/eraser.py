"""The PersonEraser role on SQL: `forget me` across every table."""

from __future__ import annotations

from collections.abc import Iterable

from adapters.sql import usage_queries as uq
from adapters.sql.database import Database
from core.domain.identity import Platform


class SqlPersonEraser(Database):
    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        async with self._transaction() as conn:
            return await uq.forget(conn, platform, user_id, digests)
