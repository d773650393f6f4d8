"""Train the crisis scorer on the corpus's train split; write data/crisis/model.json.

    .venv/bin/python bench/train_crisis_model.py [--epochs N] [--seed S]

Logistic regression (the writer at risk vs not) over words, word pairs and character
3-5-grams of the detector's canonical text, and what its rules found (constructs, context), fitted with AdaGrad and L2 in plain Python.
The threshold is chosen by 5-fold cross-validation on the train split alone, for the
whole detector (the rules' route, overridden to "crisis" when the scorer is at least that
sure): the most recall with at most 2.5% false alarms on work talk and at most 5% of
worried-about-someone messages answered as the writer's own crisis.
The held-out split is never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.crisis.corpus import Example, load_corpus  # noqa: E402
from core.crisis.detector import CrisisDetector  # noqa: E402
from core.crisis.files import MODEL_FILE, WORDS_FILE, read_words  # noqa: E402
from core.crisis.scorer import Scorer  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "crisis"
THRESHOLDS = [round(0.50 + 0.025 * i, 3) for i in range(20)]
MAX_FALSE_ALARMS = 0.025  # work talk flagged as the writer's crisis
MAX_OTHER_AS_SELF = 0.05  # worried-about-someone answered with the crisis card
LOOKUPS_FILE = "train-lookups.yaml"  # everyday lookups: at most 1% flagged, kept out of the rest


def fit(
    rows: list[tuple[frozenset[str], int]], epochs: int, seed: int, l2: float = 1e-4
) -> tuple[dict[str, float], float]:
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_square, rate = 0.0, 1e-8, 0.5
    positives = sum(y for _, y in rows)
    weight_of = {1: len(rows) / (2 * positives), 0: len(rows) / (2 * (len(rows) - positives))}
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


def rows_of(detector: CrisisDetector, examples: list[Example]) -> list[tuple[frozenset[str], int]]:
    return [(detector.features(e.text), int(e.label == "self")) for e in examples]


def prune(weights: dict[str, float], counts: Counter[str]) -> dict[str, float]:
    return {f: round(w, 4) for f, w in weights.items() if counts[f] >= 2 and abs(w) >= 0.01}


def choose_threshold(
    detector: CrisisDetector, examples: list[Example], epochs: int, seed: int
) -> float:
    folds = 5
    shuffled = examples[:]
    random.Random(seed).shuffle(shuffled)
    routes: dict[float, list[tuple[str, str]]] = {t: [] for t in THRESHOLDS}
    lookups: dict[float, list[str]] = {t: [] for t in THRESHOLDS}
    for k in range(folds):
        held = shuffled[k::folds]
        rest = [e for i, e in enumerate(shuffled) if i % folds != k]
        rows = rows_of(detector, rest)
        counts: Counter[str] = Counter(f for feats, _ in rows for f in feats)
        weights, bias = fit(rows, epochs, seed)
        for t in THRESHOLDS:
            fold_detector = CrisisDetector(detector.known_words, Scorer(prune(weights, counts), bias, t))
            for e in held:
                concern = fold_detector.assess(e.text).concern
                got = concern.value if concern else "none"
                if e.file == LOOKUPS_FILE:
                    lookups[t].append(got)
                else:
                    routes[t].append((e.label, got))
    best = THRESHOLDS[-1]
    print("threshold  recall  false-alarms  other-as-self  lookups-flagged  (5-fold, train split)")
    for t in THRESHOLDS:
        pairs = routes[t]
        selfs = [g for label, g in pairs if label == "self"]
        nones = [g for label, g in pairs if label == "none"]
        others = [g for label, g in pairs if label == "other"]
        recall = sum(g == "self" for g in selfs) / len(selfs)
        alarms = sum(g == "self" for g in nones) / len(nones)
        other_self = sum(g == "self" for g in others) / max(1, len(others))
        flagged = sum(g == "self" for g in lookups[t]) / max(1, len(lookups[t]))
        print(f"  {t:.3f}    {recall:.3f}   {alarms:.3f}         {other_self:.3f}          {flagged:.3f}")
    for t in sorted(THRESHOLDS):
        pairs = routes[t]
        nones = [g for label, g in pairs if label == "none"]
        others = [g for label, g in pairs if label == "other"]
        alarms = sum(g == "self" for g in nones) / len(nones)
        other_self = sum(g == "self" for g in others) / max(1, len(others))
        flagged = sum(g == "self" for g in lookups[t]) / max(1, len(lookups[t]))
        if alarms <= MAX_FALSE_ALARMS and other_self <= MAX_OTHER_AS_SELF and flagged <= 0.01:
            best = t
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = ROOT / "data"
    detector = CrisisDetector(read_words(data / WORDS_FILE))
    train = load_corpus(CORPUS, ["train"])
    threshold = choose_threshold(detector, train, args.epochs, args.seed)
    rows = rows_of(detector, train)
    counts: Counter[str] = Counter(f for feats, _ in rows for f in feats)
    weights, bias = fit(rows, args.epochs, args.seed)
    kept = prune(weights, counts)
    model = {
        "about": "WellCheck crisis scorer: logistic regression, see bench/train_crisis_model.py",
        "trained_on": sorted({e.file for e in train}),
        "examples": len(train),
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": dict(sorted(kept.items())),
    }
    out = data / MODEL_FILE
    out.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"threshold {threshold}, {len(kept)} weights, {out.stat().st_size // 1024} KiB → {out}")


if __name__ == "__main__":
    main()
