"""A small learned scorer beside the rules: logistic regression over words and character n-grams.

Trained by `bench/train_crisis_model.py` on the labelled corpus; the weights ship as
`data/crisis/model.json`. Inference is a dictionary walk in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterator
from pathlib import Path

from core.language.crisis.lexicon import CONCEPTS
from core.language.logistic import Head, sigmoid

_CONCEPT_OF: dict[str, tuple[str, ...]] = {}
for _concept, _words in CONCEPTS.items():
    for _word in _words:
        _CONCEPT_OF[_word] = (*_CONCEPT_OF.get(_word, ()), _concept)


def features(text: str) -> Iterator[str]:
    """Words, word pairs, character 3- and 4-grams (typo tolerant), and the concepts each
    clause holds alone and in pairs ("self+weapon"), so new wordings meet old ones."""
    for clause in text.split(" . "):
        concepts = sorted({c for w in clause.split() for c in _CONCEPT_OF.get(w, ())})
        for i, concept in enumerate(concepts):
            yield "k:" + concept
            for other in concepts[i + 1 :]:
                yield "k:" + concept + "+" + other
    words = text.split()
    for i, word in enumerate(words):
        yield "w:" + word
        if i + 1 < len(words):
            yield "b:" + word + " " + words[i + 1]
        if len(word) > _LONGEST_WORD:
            continue  # no word: "aaaa…" of 100,000 letters would make 200,000 n-grams
        padded = f" {word} "
        for n in (3, 4):
            for j in range(len(padded) - n + 1):
                yield "c:" + padded[j : j + n]


_LONGEST_WORD = 30


class Scorer:
    """Two heads from shipped weights: the writer at risk ("self"), worry for someone ("other")."""

    def __init__(self, self_head: Head, other_head: Head) -> None:
        self.self_head = self_head
        self.other_head = other_head
        both = set(self_head.weights) | set(other_head.weights)
        self._pairs = {
            f: (self_head.weights.get(f, 0.0), other_head.weights.get(f, 0.0)) for f in both
        }

    @classmethod
    def load(cls, path: Path) -> Scorer:
        heads = json.loads(path.read_text(encoding="utf-8"))["heads"]

        def head(name: str) -> Head:
            data = heads[name]
            return Head(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))

        return cls(head("self"), head("other"))

    def probabilities(self, seen: Collection[str]) -> tuple[float, float]:
        """(P(self), P(other)) in one pass over the features."""
        if not seen:
            return 0.0, 0.0
        pairs = self._pairs
        rows = [pair for f in seen if (pair := pairs.get(f)) is not None]
        mine, theirs = (sum(column) for column in zip(*rows, strict=True)) if rows else (0.0, 0.0)
        norm = 1 / math.sqrt(len(seen))
        return (
            sigmoid(mine * norm + self.self_head.bias),
            sigmoid(theirs * norm + self.other_head.bias),
        )
