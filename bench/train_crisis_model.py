"""Train the crisis scorer on the corpus's train split; write data/crisis/model.json.

    .venv/bin/python bench/train_crisis_model.py [--epochs N] [--seed S]

Two logistic regressions over words, word pairs, character 3-5-grams and concepts of the
detector's canonical text, plus what its rules found (constructs, context): one for "the
writer is at risk" (self), one for "the writer is worried about someone" (other). Fitted
with AdaGrad and L2 in plain Python. Their thresholds are chosen by 5-fold cross-validation
on the train split alone, for the whole detector (`settle`: the rules' route, overridden by a
head that is at least that sure):

- self: the most recall with at most 4% of work talk and 1% of everyday lookups flagged,
  and at most 5% of worried-about-someone messages answered as the writer's own crisis;
- other: the most worried-about-someone routed right with at most 3% of other messages
  (work talk, lookups) turned into worry.

The held-out split is never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import Example, load_corpus  # noqa: E402
from bench.logistic_fit import fit, prune  # noqa: E402
from core.language.crisis.detector import CrisisDetector  # noqa: E402
from core.language.crisis.files import MODEL_FILE, WORDS_FILE, read_words  # noqa: E402
from core.language.crisis.reading import Reading, settle  # noqa: E402
from core.language.logistic import Head  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "crisis"
THRESHOLDS = [round(0.40 + 0.025 * i, 3) for i in range(24)]
MAX_FALSE_ALARMS = 0.04  # work talk flagged as the writer's crisis (a miss costs more)
MAX_LOOKUPS_FLAGGED = 0.01
MAX_OTHER_AS_SELF = 0.05  # worried-about-someone answered with the crisis card
MAX_TURNED_TO_WORRY = 0.03  # none or lookups routed to "other"
LOOKUPS_FILES = "train-lookups"  # everyday lookups (file names), measured apart from work talk
FOLDS = 5


def train_head(
    readings: list[Reading], labels: list[str], target: str, epochs: int, seed: int
) -> Head:
    rows = [(r.features, int(label == target)) for r, label in zip(readings, labels, strict=True)]
    counts: Counter[str] = Counter(f for feats, _ in rows for f in feats)
    weights, bias = fit(rows, epochs, seed)
    return Head(prune(weights, counts), round(bias, 4), 1.0)


def out_of_fold(
    examples: list[Example], readings: list[Reading], epochs: int, seed: int
) -> list[tuple[float, float]]:
    """Each example's (self, other) probabilities from heads trained without its fold."""
    scores: list[tuple[float, float]] = [(0.0, 0.0)] * len(examples)
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    labels = [e.label for e in examples]
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        rest = [i for i in order if i not in held]
        mine = train_head(
            [readings[i] for i in rest], [labels[i] for i in rest], "self", epochs, seed
        )
        theirs = train_head(
            [readings[i] for i in rest], [labels[i] for i in rest], "other", epochs, seed
        )
        for i in held:
            scores[i] = (
                mine.probability(readings[i].features),
                theirs.probability(readings[i].features),
            )
    return scores


def choose(
    examples: list[Example], readings: list[Reading], scores: list[tuple[float, float]]
) -> tuple[float, float]:
    def routes(t_self: float, t_other: float) -> list[tuple[Example, str]]:
        out = []
        for e, r, (s, o) in zip(examples, readings, scores, strict=True):
            concern = settle(r, s, o, t_self, t_other)
            out.append((e, concern.value if concern else "none"))
        return out

    def share(pairs: list[tuple[Example, str]], keep: Callable[[Example], bool], got: str) -> float:
        chosen = [g for e, g in pairs if keep(e)]
        return sum(g == got for g in chosen) / max(1, len(chosen))

    def work(e: Example) -> bool:
        return e.label == "none" and not e.file.startswith(LOOKUPS_FILES)

    def lookup(e: Example) -> bool:
        return e.file.startswith(LOOKUPS_FILES)

    print("self threshold  recall  false-alarms  lookups  other-as-self   (5-fold, train split)")
    t_self = THRESHOLDS[-1]
    for t in THRESHOLDS:
        pairs = routes(t, 2.0)
        recall = share(pairs, lambda e: e.label == "self", "self")
        alarms, flagged = share(pairs, work, "self"), share(pairs, lookup, "self")
        other_self = share(pairs, lambda e: e.label == "other", "self")
        print(
            f"  {t:.3f}         {recall:.3f}   {alarms:.3f}         {flagged:.3f}    {other_self:.3f}"
        )
        fits = alarms <= MAX_FALSE_ALARMS and flagged <= MAX_LOOKUPS_FLAGGED
        if fits and other_self <= MAX_OTHER_AS_SELF and t < t_self:
            t_self = t
    print("other threshold  other-routed  none-to-other   (self threshold fixed)")
    t_other = THRESHOLDS[-1]
    for t in THRESHOLDS:
        pairs = routes(t_self, t)
        routed = share(pairs, lambda e: e.label == "other", "other")
        turned = share(pairs, lambda e: e.label == "none", "other")
        print(f"  {t:.3f}          {routed:.3f}         {turned:.3f}")
        if turned <= MAX_TURNED_TO_WORRY and t < t_other:
            t_other = t
    return t_self, t_other


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = ROOT / "data"
    detector = CrisisDetector(read_words(data / WORDS_FILE))
    train = load_corpus(CORPUS, ["train"])
    readings = [detector.reading(e.text) for e in train]
    scores = out_of_fold(train, readings, args.epochs, args.seed)
    t_self, t_other = choose(train, readings, scores)
    labels = [e.label for e in train]
    heads = {}
    for name, threshold in (("self", t_self), ("other", t_other)):
        head = train_head(readings, labels, name, args.epochs, args.seed)
        heads[name] = {
            "threshold": threshold,
            "bias": head.bias,
            "weights": dict(sorted(head.weights.items())),
        }
    model = {
        "about": "WellCheck crisis scorer: two logistic regressions, see bench/train_crisis_model.py",
        "trained_on": sorted({e.file for e in train}),
        "examples": len(train),
        "heads": heads,
    }
    out = data / MODEL_FILE
    out.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    sizes = ", ".join(
        f"{n}: {len(h['weights'])} weights, threshold {h['threshold']}" for n, h in heads.items()
    )
    print(f"{sizes}; {out.stat().st_size // 1024} KiB → {out}")


if __name__ == "__main__":
    main()
