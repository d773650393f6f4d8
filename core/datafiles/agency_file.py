"""Read the agency file's `agency:` and `tips:` parts into an `Agency`, with problems."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.datafiles import validation
from core.datafiles.tenancy_keys import parse_tenancy
from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.agency import DEFAULT_TIMEZONE, Agency, TipChannel
from core.domain.identity import Platform
from core.domain.problems import Problem
from core.domain.schedules import check_timezone


def check_cron(expression: str) -> str | None:
    from cronsim import CronSim, CronSimError  # small; imported where cron is used

    try:
        CronSim(expression, datetime(2026, 1, 1))
    except CronSimError as exc:
        return f"invalid cron '{expression}': {exc}"
    return None


def parse_agency(doc: LinedDict, file: str) -> tuple[Agency, list[Problem]]:
    problems: list[Problem] = []
    name, timezone, region = "your agency", DEFAULT_TIMEZONE, "US"
    page_title: str | None = None
    page_url: str | None = None
    slack_teams: tuple[str, ...] = ()
    slack_enterprise = ""
    teams_tenants: tuple[str, ...] = ()
    settings = doc.get("agency")
    if settings is not None:
        if not isinstance(settings, LinedDict):
            problems.append(Problem(file, doc.line_of("agency"), "'agency' must be a mapping"))
        else:
            raw_name = settings.get("name")
            if raw_name is not None:
                if isinstance(raw_name, str) and raw_name.strip():
                    name = raw_name.strip()
                else:
                    problems.append(
                        Problem(file, settings.line_of("name"), "agency name must be text")
                    )
            raw_tz = settings.get("timezone")
            if raw_tz is not None:
                if (message := check_timezone(raw_tz)) is None:
                    timezone = str(raw_tz)
                else:
                    problems.append(Problem(file, settings.line_of("timezone"), message))
            raw_region = settings.get("region")
            if raw_region is not None:
                if isinstance(raw_region, str) and validation.check_region(raw_region) is None:
                    region = raw_region.strip().upper()
                else:
                    message = validation.check_region(str(raw_region)) or "region must be text"
                    problems.append(Problem(file, settings.line_of("region"), message))
            page_title, page_url = _page(settings, file, problems)
            slack_teams, slack_enterprise, teams_tenants, found = parse_tenancy(settings, file)
            problems.extend(found)
    channels, channel_problems = _parse_channels(
        doc.get("tips"), file, doc.line_of("tips"), timezone
    )
    agency = Agency(
        name,
        timezone,
        tuple(channels),
        region,
        page_title,
        page_url,
        slack_teams=slack_teams,
        slack_enterprise=slack_enterprise,
        teams_tenants=teams_tenants,
    )
    return agency, problems + channel_problems


def _page(settings: LinedDict, file: str, problems: list[Problem]) -> tuple[str | None, str | None]:
    """The families' page: `page_title` (text) and `public_url` (https: the handout's QR
    code; `page_url` is read as the same)."""
    key = "public_url" if settings.get("public_url") is not None else "page_url"
    title, url = settings.get("page_title"), settings.get(key)
    if title is not None and not (isinstance(title, str) and title.strip()):
        problems.append(Problem(file, settings.line_of("page_title"), "page_title must be text"))
        title = None
    if url is not None and not (isinstance(url, str) and url.startswith("https://")):
        problems.append(Problem(file, settings.line_of(key), f"{key} must be an https:// address"))
        url = None
    return (title.strip() if title else None), url


def _parse_channels(
    node: Any, file: str, line: int, default_tz: str
) -> tuple[list[TipChannel], list[Problem]]:
    if node is None:
        return [], []
    if not isinstance(node, LinedDict):
        return [], [Problem(file, line, "'tips' must be a mapping with a 'channels' list")]
    items = node.get("channels")
    if items is None:
        return [], []
    if not isinstance(items, LinedList):
        return [], [Problem(file, node.line_of("channels"), "'tips.channels' must be a list")]
    channels: list[TipChannel] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        if not isinstance(item, LinedDict):
            problems.append(
                Problem(file, items.line_of(index), "each tip channel must be a mapping")
            )
            continue
        channel, found = _parse_channel(item, file, default_tz)
        problems.extend(found)
        if channel is not None:
            channels.append(channel)
    return channels, problems


def _parse_channel(
    item: LinedDict, file: str, default_tz: str
) -> tuple[TipChannel | None, list[Problem]]:
    problems: list[Problem] = []
    platform_name = item.get("platform")
    try:
        platform = Platform(platform_name)
        if platform is Platform.CONSOLE:
            raise ValueError(platform_name)
    except ValueError:
        problems.append(
            Problem(
                file,
                item.line_of("platform"),
                f"platform must be slack or teams, not '{platform_name}'",
            )
        )
        return None, problems
    key = "channel" if platform is Platform.SLACK else "conversation"
    target = item.get(key)
    if not isinstance(target, str) or not target.strip():
        problems.append(Problem(file, item.line, f"a {platform.value} tip channel needs '{key}'"))
    cron = item.get("cron")
    if not isinstance(cron, str) or not cron.strip():
        problems.append(Problem(file, item.line_of("cron"), "tip channel needs a 'cron' schedule"))
    elif (message := check_cron(cron)) is not None:
        problems.append(Problem(file, item.line_of("cron"), message))
    timezone = item.get("timezone", default_tz)
    if (message := check_timezone(timezone)) is not None:
        problems.append(Problem(file, item.line_of("timezone"), message))
    if problems:
        return None, problems
    return TipChannel(platform, str(target).strip(), str(cron).strip(), str(timezone)), problems
