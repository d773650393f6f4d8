"""A small learned scorer beside the rules: logistic regression over words and character n-grams.

Trained by `bench/train_crisis_model.py` on the labelled corpus; the weights ship as
`data/crisis/model.json`. Inference is a dictionary walk in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from core.crisis.lexicon import CONCEPTS

_CONCEPT_OF: dict[str, tuple[str, ...]] = {}
for _concept, _words in CONCEPTS.items():
    for _word in _words:
        _CONCEPT_OF[_word] = (*_CONCEPT_OF.get(_word, ()), _concept)


def features(text: str) -> Iterator[str]:
    """Words, word pairs, character 3- to 5-grams (typo tolerant), and the concepts each
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
        padded = f" {word} "
        for n in (3, 4, 5):
            for j in range(len(padded) - n + 1):
                yield "c:" + padded[j : j + n]


class Scorer:
    """P(the writer is at risk | text), from shipped weights."""

    def __init__(self, weights: Mapping[str, float], bias: float, threshold: float) -> None:
        self._weights = dict(weights)
        self._bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path) -> Scorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]))

    def score(self, seen: Collection[str]) -> float:
        """P(the writer is at risk) from a message's features (see `features`)."""
        if not seen:
            return 0.0
        total = sum(self._weights.get(f, 0.0) for f in seen) / math.sqrt(len(seen))
        z = max(-30.0, min(30.0, total + self._bias))
        return 1.0 / (1.0 + math.exp(-z))
