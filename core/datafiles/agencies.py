"""WELLCHECK_AGENCIES_DIR: one agency file per agency, each merged with the one national
directory (loaded and indexed once), and checked together: no Slack team, Grid org, Teams
tenant or tip channel may be claimed by two files."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from core.datafiles.loader import Bundle, DataPaths, check_agency, load_bundle
from core.domain.agency import Agency
from core.domain.directory import Directory
from core.domain.identity import Platform
from core.domain.problems import Problem, Severity
from core.domain.resources import Origin
from core.errors import DataError

AGENCY_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
SUFFIXES = (".yaml", ".yml")


def agency_files(folder: Path) -> list[Path]:
    """The folder's agency files, by name; hidden files and editors' backups skipped."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in SUFFIXES and not path.name.startswith((".", "_")) and path.is_file()
    )


def load_agencies(national: Bundle, folder: Path, today: date) -> tuple[Bundle, ...]:
    """Each agency's bundle (on `national`, the shipped data without an agency file), in
    file-name order; raises DataError listing every error."""
    bundles, problems = agency_bundles(national, folder, today)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(sorted(errors))
    return tuple(bundles)


def agency_bundles(
    national: Bundle, folder: Path, today: date
) -> tuple[list[Bundle], list[Problem]]:
    """Every file read and checked (errors and warnings), and the bundles of those without
    errors."""
    if not folder.is_dir():
        return [], [Problem(str(folder), 1, "WELLCHECK_AGENCIES_DIR is not a folder")]
    files = agency_files(folder)
    if not files:
        return [], [Problem(str(folder), 1, "no agency files (*.yaml) in WELLCHECK_AGENCIES_DIR")]
    categories = {c.id: c for c in national.directory.categories}
    claimed: dict[tuple[str, str], str] = {}
    bundles: list[Bundle] = []
    problems: list[Problem] = []
    for path in files:
        agency, own, found = check_agency(path, categories, today)
        if not AGENCY_ID.fullmatch(path.stem):
            found.append(
                Problem(
                    str(path),
                    1,
                    f"the file name is the agency's id: '{path.stem}' must be lowercase "
                    "letters, digits and dashes (metro-pd.yaml)",
                )
            )
        found += _claims(path, agency.claims, claimed)
        channels = tuple(("tip channel", c.target) for c in agency.tip_channels)
        found += _claims(path, channels, claimed, each="a tip channel")
        if not agency.claims:
            found.append(
                Problem(
                    str(path),
                    1,
                    "names no slack_teams, slack_enterprise or teams_tenants: nobody reaches "
                    "this agency",
                    Severity.WARNING,
                )
            )
        problems += found
        if not any(p.is_error for p in found):
            directory = Directory.merged(
                national.directory.resources, own, national.directory.categories
            )
            warnings = tuple(sorted(p for p in found if not p.is_error))
            bundles.append(
                replace(
                    national,
                    directory=directory,
                    agency=_placed(replace(agency, id=path.stem)),
                    warnings=national.warnings + warnings,
                )
            )
    return bundles, problems


def _placed(agency: Agency) -> Agency:
    """Its Slack tip channels in its (first) workspace or Grid org: whose token sends."""
    team = agency.slack_teams[0] if agency.slack_teams else ""
    channels = tuple(
        replace(c, workspace=team, enterprise=agency.slack_enterprise)
        if c.platform is Platform.SLACK
        else c
        for c in agency.tip_channels
    )
    return replace(agency, tip_channels=channels)


def check_folder(paths: DataPaths, folder: Path, today: date) -> list[Problem]:
    """`wellcheck validate` with WELLCHECK_AGENCIES_DIR: the shipped files and every agency."""
    try:
        national = load_bundle(DataPaths(paths.data_dir), today)
    except DataError as exc:
        return list(exc.problems)
    return sorted(set(national.warnings) | set(agency_bundles(national, folder, today)[1]))


def folder_summaries(paths: DataPaths, folder: Path, today: date) -> list[str]:
    """One line per agency for `validate`: who it is and where it is reached."""
    national = load_bundle(DataPaths(paths.data_dir), today)
    bundles, _ = agency_bundles(national, folder, today)
    lines = []
    for bundle in bundles:
        agency = bundle.agency
        own = sum(1 for r in bundle.directory.resources if r.origin is Origin.AGENCY)
        places = ", ".join(f"{kind} {value}" for kind, value in agency.claims) or "nowhere yet"
        lines.append(f"{agency.id}: {agency.name}, {own} own resources; reached in {places}")
    lines.append(f"{len(bundles)} agencies in {folder}: OK")
    return lines


def _claims(
    path: Path,
    claims: tuple[tuple[str, str], ...],
    claimed: dict[tuple[str, str], str],
    each: str = "each workspace or tenant",
) -> list[Problem]:
    """A problem for each (kind, id) an earlier file already claimed."""
    problems: list[Problem] = []
    text = _text(path)
    for claim in claims:
        owner = claimed.setdefault(claim, path.name)
        if owner != path.name:
            kind, value = claim
            problems.append(
                Problem(
                    str(path),
                    _line_of(text, value),
                    f"{kind} {value} is already {owner}'s: {each} is one agency's",
                )
            )
    return problems


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(text: str, value: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if value.lower() in line.lower():
            return number
    return 1
