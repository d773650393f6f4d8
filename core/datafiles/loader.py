"""Load and validate every data file at once into a Bundle; check files for `validate`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from core.datafiles import yamlsource
from core.datafiles.agency_file import parse_agency
from core.datafiles.catalog import parse_categories, parse_synonyms, parse_tips
from core.datafiles.placeholders import placeholder_problems
from core.datafiles.resource_file import parse_resources
from core.datafiles.schema import AGENCY_FILE, RESOURCES_FILE, schema_problems
from core.datafiles.yamlsource import LinedDict
from core.domain.agency import Agency
from core.domain.directory import Directory
from core.domain.problems import Problem, Severity
from core.domain.resources import Category, Origin, Resource
from core.domain.tips import Tip
from core.errors import DataError
from core.language.crisis import CrisisDetector
from core.language.crisis.files import MODEL_FILE, WORDS_FILE, load_detector
from core.language.ranking import MODEL_FILE as RANKER_FILE
from core.language.ranking import RankerModel
from core.language.synonyms import SynonymTable


@dataclass(frozen=True)
class DataPaths:
    """Where the shipped data lives, and the agency's own file if there is one."""

    data_dir: Path
    agency_file: Path | None = None

    @property
    def resources(self) -> Path:
        return self.data_dir / "resources.yaml"

    @property
    def categories(self) -> Path:
        return self.data_dir / "categories.yaml"

    @property
    def synonyms(self) -> Path:
        return self.data_dir / "synonyms.yaml"

    @property
    def tips(self) -> Path:
        return self.data_dir / "tips.yaml"


@dataclass(frozen=True, repr=False)
class Bundle:
    directory: Directory
    synonyms: SynonymTable
    tips: tuple[Tip, ...]
    agency: Agency
    detector: CrisisDetector
    warnings: tuple[Problem, ...] = ()
    ranker: RankerModel | None = None  # the learned ranking; keywords alone without it


def _doc(path: Path, problems: list[Problem]) -> Any:
    document, found = yamlsource.load(path)
    problems.extend(found)
    return document


def _resources_of(
    document: Any, file: str, categories: dict[str, Category], origin: Origin, today: date
) -> tuple[list[Resource], list[Problem]]:
    if not isinstance(document, LinedDict):
        return [], [Problem(file, 1, "expected a mapping with a 'resources:' list")]
    resources, found = parse_resources(
        document.get("resources"), file, categories, origin, today, document.line_of("resources")
    )
    return resources, strict(document, RESOURCES_FILE, file, found)


def strict(
    document: Any, schema: dict[str, Any], file: str, parsed: list[Problem]
) -> list[Problem]:
    """The schema's problems, then the parsers' at lines the schema found nothing wrong
    with (one message per mistake)."""
    shaped = schema_problems(document, schema, file)
    flagged = {p.line for p in shaped}
    return shaped + [p for p in parsed if p.line not in flagged]


def load_bundle(paths: DataPaths, today: date) -> Bundle:
    """Everything the bot knows, validated; raises DataError listing every error."""
    problems: list[Problem] = []
    categories, found = parse_categories(_doc(paths.categories, problems), str(paths.categories))
    problems.extend(found)
    by_id = {c.id: c for c in categories}
    national, found = _resources_of(
        _doc(paths.resources, problems), str(paths.resources), by_id, Origin.NATIONAL, today
    )
    problems.extend(found)
    if not any(p.is_error for p in problems) and not national:
        problems.append(Problem(str(paths.resources), 1, "the national directory is empty"))
    agency, own = Agency(), list[Resource]()
    if paths.agency_file is not None:
        agency, own, found = check_agency(paths.agency_file, by_id, today)
        problems.extend(found)
    directory = Directory.merged(national, own, categories)
    phrases, found = parse_synonyms(_doc(paths.synonyms, problems), str(paths.synonyms))
    problems.extend(found)
    ids = {r.id for r in directory.resources}
    tips, found = parse_tips(_doc(paths.tips, problems), str(paths.tips), ids)
    problems.extend(found)
    detector = _detector(paths, problems)
    ranker = _ranker(paths, problems)
    errors = [p for p in problems if p.is_error]
    if errors or detector is None:
        raise DataError(sorted(errors))
    return Bundle(
        directory,
        SynonymTable(phrases),
        tuple(tips),
        agency,
        detector,
        tuple(sorted(problems)),
        ranker,
    )


def _ranker(paths: DataPaths, problems: list[Problem]) -> RankerModel | None:
    """The learned ranking's weights; search runs on keywords alone without them."""
    model = paths.data_dir / RANKER_FILE
    if not model.exists():
        problems.append(
            Problem(str(model), 1, "the search ranker is missing: keywords only", Severity.WARNING)
        )
        return None
    try:
        return RankerModel.load(model)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        problems.append(Problem(str(model), 1, f"the search ranker could not be read: {exc}"))
        return None


def _detector(paths: DataPaths, problems: list[Problem]) -> CrisisDetector | None:
    """The crisis detector from its shipped files; without its scorer it still runs on rules."""
    words = paths.data_dir / WORDS_FILE
    model = paths.data_dir / MODEL_FILE
    if not words.exists():
        problems.append(Problem(str(words), 1, "the crisis detector's word list is missing"))
        return None
    if not model.exists():
        problems.append(
            Problem(str(model), 1, "the crisis scorer is missing: rules only", Severity.WARNING)
        )
    try:
        return load_detector(paths.data_dir)
    except (OSError, ValueError, KeyError) as exc:
        problems.append(Problem(str(model), 1, f"the crisis scorer could not be read: {exc}"))
        return None


def check_agency(
    path: Path, categories: dict[str, Category], today: date
) -> tuple[Agency, list[Resource], list[Problem]]:
    problems: list[Problem] = []
    document = _doc(path, problems)
    if problems:
        return Agency(), [], problems
    file = str(path)
    if not isinstance(document, LinedDict):
        return (
            Agency(),
            [],
            [Problem(file, 1, "expected a mapping with 'agency:' and 'resources:'")],
        )
    agency, found = parse_agency(document, file)
    resources, more = parse_resources(
        document.get("resources"),
        file,
        categories,
        Origin.AGENCY,
        today,
        document.line_of("resources"),
    )
    problems = strict(document, AGENCY_FILE, file, found + more)
    return agency, resources, problems + placeholder_problems(document, file)


def check_files(files: Sequence[Path], paths: DataPaths, today: date) -> list[Problem]:
    """Validate the named files (or the shipped set plus the agency file) for `validate`."""
    if not files:
        problems: list[Problem] = []
        try:
            problems = list(load_bundle(paths, today).warnings)
        except DataError as exc:
            problems = list(exc.problems)
        return problems
    categories_file = [f for f in files if f.name == "categories.yaml"]
    category_source = categories_file[0] if categories_file else paths.categories
    problems = []
    categories, found = parse_categories(_doc(category_source, problems), str(category_source))
    problems.extend(found)
    by_id = {c.id: c for c in categories}
    known_ids = {r.id for r in _quiet_resources(paths.resources, by_id, today)}
    for path in files:
        if path == category_source:
            continue
        problems.extend(_check_one(path, by_id, known_ids, today))
    return sorted(set(problems))


def _quiet_resources(path: Path, categories: dict[str, Category], today: date) -> list[Resource]:
    found: list[Problem] = []
    resources, _ = _resources_of(_doc(path, found), str(path), categories, Origin.NATIONAL, today)
    return resources


def _check_one(
    path: Path, categories: dict[str, Category], known_ids: set[str], today: date
) -> list[Problem]:
    """Validate one file, recognising its kind by its top-level keys."""
    problems: list[Problem] = []
    document = _doc(path, problems)
    if problems:
        return problems
    file = str(path)
    if not isinstance(document, LinedDict):
        return [Problem(file, 1, "expected a YAML mapping at the top level")]
    checks: dict[str, Callable[[], list[Problem]]] = {
        "categories": lambda: parse_categories(document, file)[1],
        "synonyms": lambda: parse_synonyms(document, file)[1],
    }
    for key, check in checks.items():
        if key in document:
            return check()
    if isinstance(document.get("tips"), list):
        return parse_tips(document, file, known_ids)[1]
    if "resources" in document and path.name == "resources.yaml" and "agency" not in document:
        return _resources_of(document, file, categories, Origin.NATIONAL, today)[1]
    if "agency" in document or "tips" in document or "resources" in document:
        return check_agency(path, categories, today)[2]
    if mistyped := schema_problems(document, AGENCY_FILE, file):
        return mistyped  # "agncy:", "resource:": an agency file with its keys misspelt
    return [
        Problem(
            file,
            1,
            "not a WellCheck data file: no 'resources', 'agency', 'tips', "
            "'categories' or 'synonyms' key",
        )
    ]
