"""The ConversationBook role on SQL: how to reach a conversation again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.sql import epoch, upsertable_insert
from core.domain.identity import ConversationRef, Platform


class SqlConversationBook(Database):
    async def save_conversation(self, ref: ConversationRef, tenant: str, now: datetime) -> None:
        """Upsert the reference, unless this process wrote the same one lately (no write then:
        see adapters/sql/written_references.py for why that stays right after `forget me`)."""
        key, tenant = (ref.platform.value, ref.id[:255]), tenant[:128]
        if self._written.unchanged(key, ref.payload, tenant):
            return
        async with self._transaction() as conn:
            await upsert_conversation(conn, key, ref.payload, tenant, now)
        self._written.wrote(key, ref.payload, tenant)

    async def load_conversation(self, platform: Platform, ref_id: str) -> ConversationRef | None:
        table = tables.conversations
        query = select(table.c.payload).where(
            (table.c.platform == platform.value) & (table.c.ref_id == ref_id)
        )
        async with self._transaction() as conn:
            payload = (await conn.execute(query)).scalar_one_or_none()
        return None if payload is None else ConversationRef(platform, ref_id, payload)


async def upsert_conversation(
    conn: AsyncConnection, key: tuple[str, str], payload: str, tenant: str, now: datetime
) -> None:
    """One reference, inserted or replaced; `key` is (platform, ref id) as stored."""
    values = {
        "platform": key[0],
        "ref_id": key[1],
        "tenant": tenant,
        "payload": payload,
        "updated_at": epoch(now),
    }
    statement = upsertable_insert(conn, tables.conversations).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["platform", "ref_id"],
        set_={k: statement.excluded[k] for k in ("tenant", "payload", "updated_at")},
    )
    await conn.execute(statement)
