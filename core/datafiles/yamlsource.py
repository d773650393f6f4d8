"""YAML loading that remembers where each mapping, key and list item stood.

Validation messages must say `FILE:LINE`, so mappings load as `LinedDict` and
lists as `LinedList`, which carry 1-based line numbers alongside the values.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

import yaml

from core.domain.problems import Problem

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedDict(dict[Any, Any]):
    """A mapping with `line` (where it starts) and `key_lines` (where each key stands)."""

    line: int
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list[Any]):
    """A list with `line` (where it starts) and `item_lines` (where each item stands)."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[LinedDict]:
    loader.flatten_mapping(node)
    data = LinedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicates = []
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        if key in data:
            data.duplicates.append((key, line))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Iterator[LinedList]:
    data = LinedList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


class _LinedLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader (libyaml where available) building LinedDict / LinedList."""


_LinedLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LinedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load(path: Path, display: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse `path`; return the document (or None) and any syntax problems found."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 1, "file not found")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc}")]
    return loads(text, name)


def loads(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text that came from `name`. Aliases (`*name`) are refused: nested ones make
    a few hundred bytes expand without bound, and no WellCheck file needs them."""
    try:
        # libyaml's parser where available: the pure-Python one was most of a cold start
        alias = next(
            (e for e in yaml.parse(text, Loader=_BaseLoader) if isinstance(e, yaml.AliasEvent)),
            None,
        )
        if alias is not None:
            line = alias.start_mark.line + 1 if alias.start_mark else 1
            return None, [Problem(name, line, "YAML aliases (*name) are not allowed here")]
        document = yaml.load(text, Loader=_LinedLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        return None, [Problem(name, line, f"YAML syntax: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, f"YAML syntax: {exc}")]
    problems = [
        Problem(name, line, f"duplicate key '{key}'") for key, line in _duplicates(document)
    ]
    return document, problems


def _duplicates(node: Any) -> Iterator[tuple[Any, int]]:
    if isinstance(node, LinedDict):
        yield from node.duplicates
        for value in node.values():
            yield from _duplicates(value)
    elif isinstance(node, list):
        for item in node:
            yield from _duplicates(item)
