"""Fitting a logistic regression over string features: AdaGrad with L2, in plain Python.

Shared by the crisis scorer's and the search ranker's trainers; inference is
`core/language/logistic.py`. Classes are weighted to balance, so a rare class is learned.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict

Row = tuple[frozenset[str], int]


def fit(
    rows: list[Row], epochs: int, seed: int, l2: float = 1e-4
) -> tuple[dict[str, float], float]:
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_square, rate = 0.0, 1e-8, 0.5
    positives = max(1, sum(y for _, y in rows))
    weight_of = {1: len(rows) / (2 * positives), 0: len(rows) / (2 * max(1, len(rows) - positives))}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = rows[i]
            norm = 1 / math.sqrt(len(feats))
            z = sum(weights[f] for f in feats) * norm + bias
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            error = (p - y) * weight_of[y]
            for f in feats:
                grad = error * norm + l2 * weights[f]
                squares[f] += grad * grad
                weights[f] -= rate * grad / math.sqrt(squares[f])
            bias_square += error * error
            bias -= rate * error / math.sqrt(bias_square)
    return dict(weights), bias


def prune(
    weights: dict[str, float], counts: Counter[str], smallest: float = 0.01
) -> dict[str, float]:
    """Weights worth shipping: features seen at least twice, weights of at least `smallest`."""
    return {f: round(w, 4) for f, w in weights.items() if counts[f] >= 2 and abs(w) >= smallest}
