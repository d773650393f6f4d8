"""The agency file's `slack_teams`, `slack_enterprise` and `teams_tenants`: which Slack
workspaces, Grid org and Microsoft tenants are this agency (WELLCHECK_AGENCIES_DIR)."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.problems import Problem

SLACK_TEAM = re.compile(r"T[A-Z0-9]{2,20}")
SLACK_ENTERPRISE = re.compile(r"E[A-Z0-9]{2,20}")
TENANT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse_tenancy(
    settings: LinedDict, file: str
) -> tuple[tuple[str, ...], str, tuple[str, ...], list[Problem]]:
    """(slack_teams, slack_enterprise, teams_tenants, problems); tenants lowercased."""
    problems: list[Problem] = []
    teams = _ids(settings, "slack_teams", file, problems, _slack_team)
    tenants = _ids(settings, "teams_tenants", file, problems, _tenant)
    enterprise = ""
    raw = settings.get("slack_enterprise")
    if raw is not None:
        value = str(raw).strip()
        if SLACK_ENTERPRISE.fullmatch(value):
            enterprise = value
        else:
            problems.append(
                Problem(
                    file,
                    settings.line_of("slack_enterprise"),
                    f"slack_enterprise '{value}' is not a Slack Enterprise Grid id (E…, "
                    "as in the org's admin settings or an install's enterprise id)",
                )
            )
    return teams, enterprise, tenants, problems


def _slack_team(value: str) -> tuple[str | None, str]:
    return (value if SLACK_TEAM.fullmatch(value) else None), (
        f"'{value}' is not a Slack team id (T… from the workspace's About page or "
        "`auth.test`; not the workspace's name or URL)"
    )


def _tenant(value: str) -> tuple[str | None, str]:
    lowered = value.lower()
    return (lowered if TENANT.fullmatch(lowered) else None), (
        f"'{value}' is not a Microsoft tenant id (a GUID such as "
        "72f988bf-86f1-41af-91ab-2d7cd011db47, from Entra ID's overview page)"
    )


Check = Callable[[str], tuple[str | None, str]]  # (the id as kept or None, why not)


def _ids(
    settings: LinedDict, key: str, file: str, problems: list[Problem], check: Check
) -> tuple[str, ...]:
    node = settings.get(key)
    if node is None:
        return ()
    if not isinstance(node, LinedList):
        node_line = settings.line_of(key)
        problems.append(Problem(file, node_line, f"{key} must be a list, such as [{key[:1]}…]"))
        return ()
    found: list[str] = []
    for index, item in enumerate(node):
        value, message = check(str(item).strip())
        if value is None:
            problems.append(Problem(file, node.line_of(index), f"{key}: {message}"))
        elif value in found:
            problems.append(Problem(file, node.line_of(index), f"{key}: '{value}' is listed twice"))
        else:
            found.append(value)
    return tuple(found)
