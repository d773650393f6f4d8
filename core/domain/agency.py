"""The agency as the bot runs it: its name, timezone and channel tip schedules, and (when
one deployment serves several agencies) the Slack workspaces and Teams tenants that are it."""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.identity import Platform

DEFAULT_TIMEZONE = "America/New_York"


@dataclass(frozen=True)
class TipChannel:
    """A channel that receives tips on a cron schedule, in `timezone`."""

    platform: Platform
    target: str
    cron: str
    timezone: str
    workspace: str = ""  # Slack: the agency's workspace the channel is in (its token sends)
    enterprise: str = ""  # Slack: the agency's Grid org, when installed org-wide


@dataclass(frozen=True)
class Agency:
    name: str = "your agency"
    timezone: str = DEFAULT_TIMEZONE
    tip_channels: tuple[TipChannel, ...] = ()
    region: str = "US"  # US, or a state (US-IL): regional entries of that state rank as local
    page_title: str | None = None  # the families' directory page's title, if not the default
    page_url: str | None = None  # where that page is published: its handout's QR code
    id: str = ""  # the agency file's name without .yaml, when WELLCHECK_AGENCIES_DIR is used
    slack_teams: tuple[str, ...] = ()  # Slack team ids (T…) that are this agency
    slack_enterprise: str = ""  # an Enterprise Grid org (E…) installed org-wide
    teams_tenants: tuple[str, ...] = ()  # Microsoft Entra tenant ids, lowercase

    @property
    def claims(self) -> tuple[tuple[str, str], ...]:
        """(kind, id) for each workspace, org and tenant this agency says it is."""
        found = [("Slack team", t) for t in self.slack_teams]
        found += [("Slack enterprise", self.slack_enterprise)] if self.slack_enterprise else []
        return tuple(found + [("Teams tenant", t) for t in self.teams_tenants])
