"""`wellcheck validate`'s last word on a file that passed: what it holds, in one line
("agency.yaml: 3 resources, 1 tip channel, timezone America/Chicago: OK")."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.datafiles import yamlsource
from core.datafiles.agency_file import parse_agency
from core.datafiles.loader import DataPaths
from core.datafiles.yamlsource import LinedDict


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def summaries(files: Sequence[Path], paths: DataPaths) -> list[str]:
    """One line per file checked: the named files, or the shipped set and the agency file."""
    if not files:
        shipped = [paths.resources, paths.categories, paths.synonyms, paths.tips]
        files = [*shipped, *([paths.agency_file] if paths.agency_file else [])]
    return [summary(path) for path in files]


def summary(path: Path) -> str:
    document, _ = yamlsource.load(path)
    if not isinstance(document, LinedDict):
        return f"{path}: OK"
    parts: list[str] = []
    for key, noun, nouns in (
        ("resources", "resource", None),
        ("categories", "category", "categories"),
        ("synonyms", "synonym entry", "synonym entries"),
    ):
        if isinstance(document.get(key), list | dict):
            parts.append(plural(len(document[key]), noun, nouns))
    tips = document.get("tips")
    if isinstance(tips, list):
        parts.append(plural(len(tips), "tip"))
    elif isinstance(tips, dict):
        parts.append(plural(len(tips.get("channels") or []), "tip channel"))
    if "agency" in document:
        agency, _ = parse_agency(document, str(path))
        parts.append(f"timezone {agency.timezone}")
    return f"{path}: {', '.join(parts)}: OK" if parts else f"{path}: OK"
