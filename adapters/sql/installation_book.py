"""The InstallationBook role on SQL: Slack app installations, sealed by the Slack adapter.

This module only stores and returns the opaque `sealed` string; it never sees a token.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.sql import epoch, upsertable_insert
from core.domain.installations import InstallationKey


def _where(key: InstallationKey) -> Any:
    c = tables.slack_installations.c
    return (
        (c.enterprise_id == key.enterprise_id)
        & (c.team_id == key.team_id)
        & (c.user_id == key.user_id)
    )


class SqlInstallationBook(Database):
    async def save_installation(self, key: InstallationKey, sealed: str, now: datetime) -> None:
        values = {
            "enterprise_id": key.enterprise_id,
            "team_id": key.team_id,
            "user_id": key.user_id,
            "sealed": sealed,
            "updated_at": epoch(now),
        }
        async with self._transaction() as conn:
            statement = upsertable_insert(conn, tables.slack_installations).values(**values)
            statement = statement.on_conflict_do_update(
                index_elements=["enterprise_id", "team_id", "user_id"],
                set_={k: statement.excluded[k] for k in ("sealed", "updated_at")},
            )
            await conn.execute(statement)

    async def find_installation(self, key: InstallationKey) -> str | None:
        query = select(tables.slack_installations.c.sealed).where(_where(key))
        async with self._transaction() as conn:
            sealed = (await conn.execute(query)).scalar_one_or_none()
        return None if sealed is None else str(sealed)

    async def delete_installation(self, key: InstallationKey) -> bool:
        async with self._transaction() as conn:
            result = await conn.execute(delete(tables.slack_installations).where(_where(key)))
        return bool(result.rowcount)

    async def delete_installations(self, enterprise_id: str, team_id: str) -> int:
        c = tables.slack_installations.c
        statement = delete(tables.slack_installations).where(
            (c.enterprise_id == enterprise_id) & (c.team_id == team_id)
        )
        async with self._transaction() as conn:
            result = await conn.execute(statement)
        return int(result.rowcount or 0)
