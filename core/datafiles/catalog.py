"""Parse the small shipped files: categories, synonyms and tips."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from core.datafiles import validation
from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.problems import Problem
from core.domain.resources import Category
from core.domain.tips import TIP_TAGS, Tip


def parse_categories(doc: Any, file: str) -> tuple[list[Category], list[Problem]]:
    items = doc.get("categories") if isinstance(doc, LinedDict) else None
    if not isinstance(items, LinedList):
        return [], [Problem(file, 1, "expected a top-level 'categories:' list")]
    found: list[Category] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, LinedDict):
            problems.append(Problem(file, line, "each category must be a mapping"))
            continue
        cid, name = item.get("id"), item.get("name")
        message = validation.check_id(cid)
        if message is not None or not isinstance(cid, str):
            problems.append(Problem(file, item.line_of("id"), message or "category needs an id"))
            continue
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(file, item.line_of("name"), "category is missing 'name'"))
            continue
        if cid in seen:
            problems.append(Problem(file, item.line_of("id"), f"duplicate category '{cid}'"))
            continue
        seen.add(cid)
        found.append(Category(cid, name.strip(), str(item.get("description") or "").strip()))
    return found, problems


def parse_synonyms(doc: Any, file: str) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """`synonyms:` maps a directory word to the phrases officers use for it.

    Returned inverted: phrase → the directory words it stands for.
    """
    table = doc.get("synonyms") if isinstance(doc, LinedDict) else None
    if not isinstance(table, LinedDict):
        return {}, [Problem(file, 1, "expected a top-level 'synonyms:' mapping")]
    phrases: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for target, said in table.items():
        line = table.line_of(target)
        if not isinstance(target, str) or not isinstance(said, list):
            problems.append(Problem(file, line, "each synonym entry is 'word: [phrases …]'"))
            continue
        for phrase in said:
            if (
                isinstance(phrase, bool)
                or not isinstance(phrase, str | int)
                or not str(phrase).strip()
            ):
                problems.append(Problem(file, line, f"'{target}': phrases must be text"))
                continue
            phrases.setdefault(str(phrase).strip().lower(), []).append(target.strip().lower())
    return {k: tuple(v) for k, v in phrases.items()}, problems


def parse_tips(
    doc: Any, file: str, resource_ids: Collection[str]
) -> tuple[list[Tip], list[Problem]]:
    items = doc.get("tips") if isinstance(doc, LinedDict) else None
    if not isinstance(items, LinedList):
        return [], [Problem(file, 1, "expected a top-level 'tips:' list")]
    tips: list[Tip] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, LinedDict):
            problems.append(Problem(file, line, "each tip must be a mapping"))
            continue
        tid, text, tags = item.get("id"), item.get("text"), item.get("tags") or []
        resource = item.get("resource")
        bad = len(problems)
        if (message := validation.check_id(tid)) is not None:
            problems.append(Problem(file, item.line_of("id"), message))
        elif tid in seen:
            problems.append(Problem(file, item.line_of("id"), f"duplicate tip id '{tid}'"))
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(file, item.line_of("text"), "tip is missing 'text'"))
        if not isinstance(tags, list) or not tags:
            problems.append(Problem(file, item.line_of("tags"), "tip needs at least one tag"))
            tags = []
        for tag in tags:
            if tag not in TIP_TAGS:
                problems.append(Problem(file, item.line_of("tags"), f"unknown tip tag '{tag}'"))
        if resource is not None and resource not in resource_ids:
            problems.append(
                Problem(file, item.line_of("resource"), f"unknown resource id '{resource}'")
            )
        if len(problems) > bad:
            continue
        seen.add(str(tid))
        tips.append(Tip(str(tid), str(text).strip(), tuple(tags), resource))
    return tips, problems
