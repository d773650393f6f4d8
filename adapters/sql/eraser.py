"""The PersonEraser role on SQL: `forget me` across every table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from adapters.sql import usage_queries as uq
from adapters.sql.conversation_book import upsert_conversation
from adapters.sql.database import Database
from core.domain.identity import Platform, personal_chat_key


class SqlPersonEraser(Database):
    async def forget_person(
        self, platform: Platform, user_id: str, digests: Iterable[tuple[str, str]]
    ) -> dict[str, int]:
        # The person's chat reference goes: this process must write it again on their next
        # message. Its entry is dropped before (no turn skips a write on it meanwhile) and
        # after (a turn that wrote it during the DELETE's wait is not trusted either). An
        # entry this process still trusted is written first, in the same transaction: had
        # another replica deleted the row, the chat's duplicate-check records written since
        # are found through it all the same (written_references.py).
        key = (platform.value, personal_chat_key(user_id)[:255])
        known = self._written.known(key)
        self._written.drop(key)
        try:
            async with self._transaction() as conn:
                if known is not None:
                    await upsert_conversation(conn, key, known[0], known[1], datetime.now(UTC))
                return await uq.forget(conn, platform, user_id, digests)
        finally:
            self._written.drop(key)
