"""A workspace leaves: when a Slack workspace uninstalls WellCheck (or revokes its bot
token), everything kept about its people is deleted, not only its tokens."""

from __future__ import annotations

import logging

from core.domain.identity import Platform
from core.errors import StoreError
from core.services.ports import WorkspaceEraser

log = logging.getLogger(__name__)


class WorkspaceLeaving:
    def __init__(self, eraser: WorkspaceEraser) -> None:
        self._eraser = eraser

    async def slack_uninstalled(self, team_id: str, enterprise_id: str) -> None:
        """An org-wide Grid uninstall names no team: its teams' rows go as each is seen
        uninstalled, or with `forget` (documented)."""
        if not team_id:
            log.info("Slack app uninstalled from a Grid org: its tokens deleted")
            return
        try:
            count = await self._eraser.forget_workspace(Platform.SLACK, team_id)
        except StoreError as exc:
            log.error("an uninstalled workspace's data was not deleted: %s", exc)
            raise
        log.info("Slack workspace uninstalled: %d rows about its people deleted", count)
