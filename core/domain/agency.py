"""The agency as the bot runs it: its name, timezone and channel tip schedules."""

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


@dataclass(frozen=True)
class Agency:
    name: str = "your agency"
    timezone: str = DEFAULT_TIMEZONE
    tip_channels: tuple[TipChannel, ...] = ()
    region: str = "US"  # US, or a state (US-IL): regional entries of that state rank as local
    page_title: str | None = None  # the families' directory page's title, if not the default
    page_url: str | None = None  # where that page is published: its handout's QR code
