"""`forget me`: delete every row about one person, and say what went."""

from __future__ import annotations

from core.domain.identity import Platform
from core.domain.replies import Reply, Section
from core.errors import StoreError
from core.services import copy
from core.services.ports import PersonEraser, UsageLedger
from core.services.usage import Counts


class Forgetter:
    def __init__(self, ledger: UsageLedger, eraser: PersonEraser, usage: Counts | None) -> None:
        self._ledger = ledger
        self._eraser = eraser
        self._usage = usage

    async def forget(self, platform: Platform, user_id: str) -> dict[str, int]:
        """Raises StoreError when the database cannot be reached."""
        digests: list[tuple[str, str]] = []
        if self._usage is not None:
            self._usage.forget(platform, user_id)  # first, so no flush writes them back
            digests = [
                (w, self._usage.digest(w, platform, user_id))
                for w in await self._ledger.usage_weeks()
            ]
        return await self._eraser.forget_person(platform, user_id, digests)

    async def reply(self, platform: Platform, user_id: str) -> Reply:
        try:
            removed = await self.forget(platform, user_id)
        except StoreError:
            return Reply((Section(copy.FORGET_TITLE, copy.RECORDS_UNREACHABLE),))
        return Reply((Section(copy.FORGET_TITLE, copy.forgotten(removed)),))
