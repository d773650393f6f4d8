"""Teams for scheduled delivery: proactive sends to stored conversation references."""

from __future__ import annotations

from adapters.teams.app import TeamsAdapter
from core.domain.identity import Platform
from core.domain.replies import Reply
from core.errors import PlatformError
from core.services.ports import ConversationBook


class TeamsSender:
    def __init__(self, adapter: TeamsAdapter, store: ConversationBook) -> None:
        self._adapter = adapter
        self._store = store

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        ref = await self._store.load_conversation(Platform.TEAMS, address)
        if ref is None:
            raise PlatformError("no stored Teams conversation for this address yet")
        await self._adapter.send_proactive(ref, reply)
