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
        """One workspace, or (org-wide Grid uninstall, no team) every workspace of the org
        that anyone's reminder was in."""
        try:
            if team_id:
                teams = [team_id]
            else:
                teams = await self._eraser.workspaces_of(Platform.SLACK, enterprise_id)
            count = 0
            for team in teams:
                count += await self._eraser.forget_workspace(Platform.SLACK, team)
        except StoreError as exc:
            log.error("an uninstalled workspace's data was not deleted: %s", exc)
            raise
        log.info("Slack app uninstalled: %d rows about its people deleted", count)
