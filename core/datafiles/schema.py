"""The data files' shape as a JSON Schema, checked with `jsonschema` before the fields are
read: an unknown key ("resource:" for "resources:", "phon:" for "phone:") or a wrong type
("topics: eap, counseling", text where a list belongs) is an error at its line, with the
nearest known key suggested. What each value means (a phone number, a category that
exists, a date) is checked after, by the parsers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from core.datafiles.yamlsource import LinedDict, LinedList
from core.domain.problems import Problem

_TEXT: dict[str, Any] = {"type": "string"}
_WORDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_NUMBER_TEXT: dict[str, Any] = {"type": ["string", "integer"]}

RESOURCE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "id": _TEXT,
        "name": _TEXT,
        "summary": _TEXT,
        "description": _TEXT,
        "categories": _WORDS,
        "topics": _WORDS,
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "phone": _NUMBER_TEXT,
                "sms": _NUMBER_TEXT,
                "sms_keyword": _TEXT,
                "email": _TEXT,
                "url": _TEXT,
            },
        },
        "hours": _TEXT,
        "audience": _WORDS,
        "region": _TEXT,
        "confidential": {"type": "boolean"},
        "crisis": {"type": "boolean"},
        "source": _WORDS,
        "verified": {},  # a date, or text that must read as one: checked by the parser
    },
}

RESOURCES_FILE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"resources": {"type": "array", "items": RESOURCE}},
}

AGENCY_FILE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "agency": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "name": _TEXT,
                "timezone": _TEXT,
                "region": _TEXT,
                "page_title": _TEXT,
                "public_url": _TEXT,
                "page_url": _TEXT,
                "slack_teams": _WORDS,
                "slack_enterprise": _TEXT,
                "teams_tenants": _WORDS,
            },
        },
        "resources": {"type": "array", "items": RESOURCE},
        "tips": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "channels": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "platform": _TEXT,
                            "channel": _TEXT,
                            "conversation": _TEXT,
                            "cron": _TEXT,
                            "timezone": _TEXT,
                        },
                    },
                }
            },
        },
    },
}

_KINDS = {"string": "text", "array": "a list", "object": "a mapping", "boolean": "true or false"}


def schema_problems(document: Any, schema: dict[str, Any], file: str) -> list[Problem]:
    """Every place `document` breaks `schema`, each at its line."""
    validator = Draft202012Validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(document):
        problems.extend(_problems(error, document, file))
    return sorted(set(problems))


def _problems(error: ValidationError, document: Any, file: str) -> Iterable[Problem]:
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, LinedDict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        known = sorted(schema.get("properties", {}))
        where = _where(path)
        for key in error.instance:
            if key not in known:
                yield Problem(file, error.instance.line_of(key), _unknown(key, known, where))
        return
    if error.validator == "type":
        wanted: Any = error.validator_value
        kinds = [wanted] if isinstance(wanted, str) else [str(k) for k in wanted]
        described = " or ".join(_KINDS.get(k, k) for k in kinds)
        if (
            kinds == ["array"]
            and path
            and path[-1] in ("topics", "categories", "audience", "source")
        ):
            described = "a list ([a, b]), not one line of text"
        yield Problem(file, _line(document, path), f"{_name(path)} must be {described}")
        return
    yield Problem(file, _line(document, path), f"{_name(path)}: {error.message}")


def _unknown(key: Any, known: Sequence[str], where: str) -> str:
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
    return f"unknown key '{key}'{where}{hint}"


def _where(path: Sequence[Any]) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return f" in '{named[-1]}'" if named else ""


def _name(path: Sequence[Any]) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return f"'{named[-1]}'" if named else "the file"


def _line(document: Any, path: Sequence[Any]) -> int:
    """The line of the value at `path`: its key's line in the mapping holding it."""
    node, line = document, getattr(document, "line", 1)
    for step in path:
        in_mapping = isinstance(node, LinedDict) and step in node
        in_list = isinstance(node, LinedList) and isinstance(step, int) and step < len(node)
        if not (in_mapping or in_list):
            break
        line = node.line_of(step)
        node = node[step]
    return line
