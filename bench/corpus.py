"""The labelled corpora: crisis messages (tests/corpus/crisis) and lookups (tests/corpus/lookups).

Each file: `split: train|heldout` and `messages: [{text, label: self|other|none, kind}]`.
The held-out files are never used to tune patterns or train the scorer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

LABELS = ("self", "other", "none")


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # self | other | none
    kind: str
    split: str  # train | heldout
    file: str


def load_corpus(folder: Path, splits: Iterable[str] = ("train", "heldout")) -> list[Example]:
    wanted = set(splits)
    examples: list[Example] = []
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        split = str(document["split"])
        if split not in wanted:
            continue
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
    wanted = set(splits)
    found: list[Lookup] = []
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        split = str(document["split"])
        if split not in wanted:
            continue
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
