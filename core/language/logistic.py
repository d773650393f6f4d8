"""Logistic regression at inference: the learned crisis scorer and the search ranker share it.

Features are strings; a model is a weight per feature and a bias. Scores are normalised by
the square root of the number of features seen, as in training (`bench/logistic_fit.py`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

NEVER = 1.01  # a threshold no probability reaches


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(weights: Mapping[str, float], bias: float, seen: Collection[str]) -> float:
    """P(class | the features seen); 0 when nothing was seen."""
    if not seen:
        return 0.0
    total = sum(weights.get(f, 0.0) for f in seen) / math.sqrt(len(seen))
    return sigmoid(total + bias)


@dataclass(frozen=True)
class Head:
    """One logistic regression: P(class | features), and the threshold it must reach."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = NEVER

    def probability(self, seen: Collection[str]) -> float:
        return probability(self.weights, self.bias, seen)
