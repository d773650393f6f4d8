"""The installation store as replies use it: each workspace's bot remembered in memory, so
that while the database cannot answer, the workspaces this process has seen are still
answered (and the crisis lines still reach them); the database stays the truth otherwise."""

from __future__ import annotations

import logging

from slack_sdk.oauth.installation_store.models.bot import Bot

from adapters.slack.installations import SealedInstallationStore
from core.errors import StoreError
from core.services.ports import Clock, InstallationBook

log = logging.getLogger(__name__)

_Key = tuple[str, str, bool]


class RememberedBots(SealedInstallationStore):
    """`async_find_bot` falls back to the last bot found for the same workspace when the
    store fails (None for a workspace not seen: bolt then sends its user-facing message, the
    crisis lines, through the response_url, which needs no token); deletes forget it at once
    (an uninstalled workspace is not answered)."""

    def __init__(self, book: InstallationBook, key: str, clock: Clock | None = None) -> None:
        super().__init__(book, key, clock)
        self._remembered: dict[_Key, Bot] = {}

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        key = (enterprise_id or "", team_id or "", bool(is_enterprise_install))
        try:
            bot = await super().async_find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )
        except StoreError:
            remembered = self._remembered.get(key)
            if remembered is None:  # bolt then answers with the crisis lines, tokenless
                log.warning("installation store unavailable and this workspace not seen yet")
            else:
                log.warning("installation store unavailable: answering with the remembered token")
            return remembered
        if bot is None:
            self._remembered.pop(key, None)
        else:
            self._remembered[key] = bot
        return bot

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._forget(enterprise_id, team_id)
        await super().async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._forget(enterprise_id, team_id)
        await super().async_delete_all(enterprise_id=enterprise_id, team_id=team_id)

    def _forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        """Every remembered bot of the workspace, or of the whole org when no team."""
        for key in list(self._remembered):
            same_org = key[0] == (enterprise_id or "")
            if same_org and (not team_id or key[1] == team_id):
                del self._remembered[key]
