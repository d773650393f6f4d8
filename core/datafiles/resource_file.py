"""Parse and validate the `resources:` list shared by the national and agency files."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.datafiles import validation
from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.problems import Problem, Severity
from core.domain.resources import Category, Contact, Origin, Resource

_CONTACT_CHECKS = {
    "phone": validation.check_phone,
    "sms": validation.check_phone,
    "email": validation.check_email,
    "url": validation.check_url,
}
_CONTACT_FIELDS = (*_CONTACT_CHECKS, "sms_keyword")
_SMS_KEYWORD = re.compile(
    r"^(?:text\s+)?([A-Za-z][A-Za-z0-9]*)\s+to\s+(\+?[\d\s().-]+)$", re.IGNORECASE
)


@dataclass
class _Entry:
    """Collects problems for one resource mapping, each at the line of its field."""

    file: str
    node: LinedDict
    problems: list[Problem] = field(default_factory=list)

    def error(self, key: str | None, message: str) -> None:
        self._add(key, message, Severity.ERROR)

    def warn(self, key: str | None, message: str) -> None:
        self._add(key, message, Severity.WARNING)

    def _add(self, key: str | None, message: str, severity: Severity) -> None:
        """At the field's line, and naming the field when the message does not already."""
        line = self.node.line_of(key) if key else self.node.line
        if key and f"'{key}'" not in message and not message.startswith(key):
            message = f"{key}: {message}"
        self.problems.append(Problem(self.file, line, message, severity))

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.node.get(key)
        if value is None:
            if required:
                self.error(None, f"resource is missing '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(key, f"'{key}' must be text")
            return None
        text = str(value).strip()
        if required and not text:
            self.error(key, f"'{key}' must not be empty")
            return None
        return text

    def words(self, key: str) -> tuple[str, ...]:
        value = self.node.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"'{key}' must be a list of words")
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def flag(self, key: str) -> bool:
        value = self.node.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"'{key}' must be true or false")
            return False
        return value


def parse_resources(
    node: Any,
    file: str,
    categories: Mapping[str, Category],
    origin: Origin,
    today: date,
    line: int = 1,
) -> tuple[list[Resource], list[Problem]]:
    """Turn a YAML `resources:` list into Resources, reporting every problem found."""
    if node is None:
        return [], []
    if not isinstance(node, LinedList):
        return [], [Problem(file, line, "'resources' must be a list of entries")]
    resources: list[Resource] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(node):
        if not isinstance(item, LinedDict):
            problems.append(Problem(file, node.line_of(index), "each resource must be a mapping"))
            continue
        entry = _Entry(file, item)
        resource = _parse_one(entry, categories, origin, today)
        problems.extend(entry.problems)
        if resource is None:
            continue
        if resource.id in seen:
            problems.append(
                Problem(
                    file,
                    item.line_of("id"),
                    f"id: duplicate id '{resource.id}' (first at line {seen[resource.id]})",
                )
            )
            continue
        seen[resource.id] = item.line_of("id")
        resources.append(resource)
    return resources, problems


def _parse_one(
    entry: _Entry, categories: Mapping[str, Category], origin: Origin, today: date
) -> Resource | None:
    before = len([p for p in entry.problems if p.is_error])
    rid = entry.node.get("id")
    if rid is None:
        entry.error(None, "resource is missing 'id'")
    elif (message := validation.check_id(rid)) is not None:
        entry.error("id", f"{message}: '{rid}'")
    name = entry.text("name", required=True)
    cats = entry.words("categories")
    if "categories" in entry.node and not cats:
        entry.error("categories", "'categories' must name at least one category")
    for cat in cats:
        if cat not in categories:
            entry.error("categories", f"unknown category '{cat}' (see data/categories.yaml)")
    contact = _contact(entry)
    region = entry.text("region") or "US"
    if (message := validation.check_region(region)) is not None:
        entry.error("region", message)
    crisis = entry.flag("crisis")
    if crisis and contact.is_empty:
        entry.error("crisis", "a crisis line needs a phone, text, email or url contact")
    verified = _verified(entry, today, has_contact=not contact.is_empty)
    resource = Resource(
        id=str(rid),
        name=name or "",
        summary=entry.text("summary") or "",
        description=entry.text("description") or "",
        categories=cats,
        topics=entry.words("topics"),
        contact=contact,
        hours=entry.text("hours"),
        audience=entry.words("audience"),
        region=region,
        confidential=entry.flag("confidential"),
        crisis=crisis,
        sources=entry.words("source"),
        verified=verified,
        origin=origin,
    )
    after = len([p for p in entry.problems if p.is_error])
    return resource if after == before else None


def _contact(entry: _Entry) -> Contact:
    node = entry.node.get("contact")
    if node is None:
        return Contact()
    if not isinstance(node, LinedDict):
        entry.error("contact", "'contact' must be a mapping of phone, sms, email, url")
        return Contact()
    values: dict[str, str] = {}
    for key, raw in node.items():
        line = node.line_of(key)
        if key not in _CONTACT_FIELDS:
            entry.problems.append(
                Problem(entry.file, line, f"unknown contact field '{key}'", Severity.WARNING)
            )
            continue
        if not isinstance(raw, str | int) or isinstance(raw, bool):
            entry.problems.append(Problem(entry.file, line, f"contact '{key}' must be text"))
            continue
        value = str(raw).strip()
        if key == "sms" and (keyword := _SMS_KEYWORD.match(value)) is not None:
            values.setdefault("sms_keyword", keyword.group(1))  # "BADGE to 741741"
            value = keyword.group(2)
        check = _CONTACT_CHECKS.get(str(key))
        if check is not None and (message := check(value)) is not None:
            entry.problems.append(Problem(entry.file, line, f"contact {key}: {message}"))
            continue
        values[str(key)] = value
    return Contact(**values)


def _verified(entry: _Entry, today: date, *, has_contact: bool) -> date | None:
    raw = entry.node.get("verified")
    if raw is None:
        if has_contact:
            entry.warn(None, "no 'verified' date for this contact")
        return None
    if isinstance(raw, str):
        try:
            raw = date.fromisoformat(raw.strip())
        except ValueError:
            entry.error("verified", f"'verified' must be a date like 2026-11-26, not '{raw}'")
            return None
    if not isinstance(raw, date):
        entry.error("verified", "'verified' must be a date like 2026-11-26")
        return None
    if raw > today:
        entry.error("verified", f"'verified' date {raw} is in the future")
    elif validation.is_stale(raw, today):
        entry.warn("verified", f"verified {raw}, over a year ago: check the contact again")
    return raw
