"""The SubscriptionBook role on SQL: officers' reminder settings."""

from __future__ import annotations

from datetime import datetime

from adapters.sql import reminder_queries as rq
from adapters.sql.conversation_book import upsert_conversation
from adapters.sql.database import Database
from core.domain.identity import Platform, personal_chat_key
from core.domain.subscriptions import Subscription


class SqlSubscriptionBook(Database):
    async def get_subscription(self, platform: Platform, user_id: str) -> Subscription | None:
        async with self._transaction() as conn:
            return await rq.get_subscription(conn, platform, user_id)

    async def put_subscription(self, sub: Subscription, now: datetime) -> None:
        """The settings, and the person's chat reference written through when this process
        skipped writing it lately (a reminder needs the row; see written_references.py)."""
        key = (sub.platform.value, personal_chat_key(sub.user_id)[:255])
        known = self._written.known(key)
        async with self._transaction() as conn:
            await rq.put_subscription(conn, sub, now)
            if known is not None:
                await upsert_conversation(conn, key, known[0], known[1], now)
        if known is not None:
            self._written.wrote(key, *known)

    async def delete_subscription(self, platform: Platform, user_id: str) -> bool:
        async with self._transaction() as conn:
            return await rq.delete_subscription(conn, platform, user_id)

    async def count_active_subscriptions(self) -> int:
        async with self._transaction() as conn:
            return await rq.count_active(conn)
