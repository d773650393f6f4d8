"""The labelled corpora: crisis messages (tests/corpus/crisis) and lookups (tests/corpus/lookups).

Each file: `split: train|heldout` and `messages: [{text, label: self|other|none, kind}]`.
The held-out files are never used to tune patterns or train the scorer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LABELS = ("self", "other", "none")


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # self | other | none
    kind: str
    split: str  # train | heldout
    file: str


def _files(folder: Path, splits: Iterable[str]) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """Each corpus file of the wanted splits: its path, its split and its document."""
    wanted = set(splits)
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(document["split"]) in wanted:
            yield path, str(document["split"]), document


def load_corpus(folder: Path, splits: Iterable[str] = ("train", "heldout")) -> list[Example]:
    examples: list[Example] = []
    for path, split, document in _files(folder, splits):
        for item in document["messages"]:
            label = str(item["label"])
            if label not in LABELS:
                raise ValueError(f"{path.name}: unknown label {label!r}")
            examples.append(
                Example(str(item["text"]), label, str(item.get("kind", "")), split, path.name)
            )
    return examples


@dataclass(frozen=True)
class Lookup:
    """A labelled lookup (tests/corpus/lookups/*.yaml): any id of `want` is a right answer."""

    text: str
    want: tuple[str, ...]
    kind: str
    agency: bool
    split: str
    file: str


def load_lookups(folder: Path, splits: Iterable[str] = ("train", "heldout")) -> list[Lookup]:
    """Each file: `split: train|heldout` and `queries: [{q, want, kind, agency?}]`."""
    found: list[Lookup] = []
    for path, split, document in _files(folder, splits):
        for item in document["queries"]:
            found.append(
                Lookup(
                    str(item["q"]),
                    tuple(str(w) for w in item["want"]),
                    str(item.get("kind", "")),
                    bool(item.get("agency", False)),
                    split,
                    path.name,
                )
            )
    return found
