"""The WorkspaceEraser role on SQL: a Slack workspace uninstalled the app (or revoked its
token), or an operator removes an agency's workspace or Teams tenant, so every row about its
people goes: reminder subscriptions, chat references, delivery records and duplicate-check
records. Aggregate counters stay (they are about no one)."""

from __future__ import annotations

from sqlalchemy import delete, select

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.sql import starts_with
from core.domain.identity import Platform


class SqlWorkspaceEraser(Database):
    async def workspaces_of(self, platform: Platform, enterprise: str) -> list[str]:
        subscriptions = tables.subscriptions
        query = (
            select(subscriptions.c.workspace)
            .where(
                (subscriptions.c.platform == platform.value)
                & (subscriptions.c.enterprise == enterprise)
            )
            .distinct()
        )
        async with self._transaction() as conn:
            return [str(w) for w in (await conn.execute(query)).scalars() if w]

    async def forget_workspace(self, platform: Platform, workspace: str) -> int:
        if not workspace:
            return 0
        subscriptions, deliveries, seen = (
            tables.subscriptions,
            tables.deliveries,
            tables.seen_events,
        )
        conversations = tables.conversations
        prefix = f"{platform.value}:{workspace}:"
        self._written.drop_tenant(platform.value, workspace)
        async with self._transaction() as conn:
            chats = await conn.execute(
                delete(conversations).where(
                    (conversations.c.platform == platform.value)
                    & (conversations.c.tenant == workspace)
                )
            )
            removed = await conn.execute(
                delete(subscriptions).where(
                    (subscriptions.c.platform == platform.value)
                    & (subscriptions.c.workspace == workspace)
                )
            )
            count = int(removed.rowcount or 0) + int(chats.rowcount or 0)
            for table, column in ((deliveries, deliveries.c.recipient), (seen, seen.c.key)):
                result = await conn.execute(delete(table).where(starts_with(column, prefix)))
                count += int(result.rowcount or 0)
        return count
