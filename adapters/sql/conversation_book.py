"""The ConversationBook role on SQL: how to reach a conversation again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from adapters.sql import tables
from adapters.sql.database import Database
from adapters.sql.sql import epoch, upsertable_insert
from core.domain.identity import ConversationRef, Platform


class SqlConversationBook(Database):
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
