"""Crisis detection on the labelled corpus, by split, and its latency per message.

    .venv/bin/python bench/bench_crisis.py [--show-train] [--rounds N]

Held-out figures are printed as aggregates only: the held-out split is never read for tuning.
Held-out A and B were measured during development; C, D and E were each written after a
round of changes and measured once before the next. See bench/RESULTS.md.
Targets (issue 9), held-out: crisis recall >= 98%, false alarms on work talk <= 5%,
worried-about-someone routed right >= 90%; detection p99 < 1 ms.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import pct  # noqa: E402
from bench.corpus import Example, load_corpus  # noqa: E402
from core.language.crisis.detector import CrisisDetector  # noqa: E402
from core.language.crisis.files import load_detector  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "crisis"
HELDOUT_GROUPS = (
    (
        "held-out A+B (never tuned on; read during development)",
        {"heldout-a.yaml", "heldout-b.yaml"},
    ),
    (
        "held-out C (never tuned on; read once, then the worry route was reworked)",
        {"heldout-c.yaml"},
    ),
    ("held-out D (never tuned on; measured once before the second rework)", {"heldout-d.yaml"}),
    ("held-out E (never tuned on; written last, measured once)", {"heldout-e.yaml"}),
)


def route(detector: CrisisDetector, text: str) -> str:
    concern = detector.assess(text).concern
    return concern.value if concern is not None else "none"


def report(name: str, detector: CrisisDetector, examples: list[Example], show: bool) -> None:
    by_label: dict[str, list[str]] = {"self": [], "other": [], "none": []}
    wrong: list[tuple[Example, str]] = []
    for example in examples:
        got = route(detector, example.text)
        by_label[example.label].append(got)
        if got != example.label:
            wrong.append((example, got))
    selfs, others, nones = by_label["self"], by_label["other"], by_label["none"]
    recall = sum(g == "self" for g in selfs)
    alarms = sum(g == "self" for g in nones)
    routed = sum(g == "other" for g in others)
    print(f"\n{name}: {len(examples)} messages")
    print(
        f"  crisis recall (self flagged):         {recall}/{len(selfs)} = {recall / max(1, len(selfs)):.1%}"
    )
    print(
        f"  false alarms on work talk (none→self): {alarms}/{len(nones)} = {alarms / max(1, len(nones)):.1%}"
    )
    print(
        f"  worried-about-someone routed 'other':  {routed}/{len(others)} = {routed / max(1, len(others)):.1%}"
    )
    print(
        f"  none routed 'other':                   {sum(g == 'other' for g in nones)}/{len(nones)}"
    )
    print(
        f"  other flagged as crisis (self):        {sum(g == 'self' for g in others)}/{len(others)}"
    )
    if show:
        misses = Counter(e.kind for e, g in wrong)
        print(f"  wrong by kind: {dict(misses)}")
        for example, got in wrong:
            print(f"    {example.label}->{got} [{example.kind}] {example.text}")


def latency(detector: CrisisDetector, texts: list[str], rounds: int) -> None:
    samples: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            detector.assess(text)
            samples.append(time.perf_counter() - start)
    print(
        f"\nlatency over {len(samples)} detections: p50 {pct(samples, 0.5):.3f} ms, "
        f"p99 {pct(samples, 0.99):.3f} ms, max {max(samples) * 1e3:.3f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-train", action="store_true", help="list train-split mistakes")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-scorer", action="store_true", help="rules alone")
    parser.add_argument("--train-only", action="store_true", help="leave the held-out split unread")
    args = parser.parse_args()
    detector = load_detector(ROOT / "data")
    if args.no_scorer:
        detector = CrisisDetector(detector.known_words)
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    train = load_corpus(CORPUS, ["train"])
    report("train (tuned on)", detector, train, args.show_train)
    heldout = [] if args.train_only else load_corpus(CORPUS, ["heldout"])
    for title, files in HELDOUT_GROUPS:
        group = [e for e in heldout if e.file in files]
        if group:
            report(title, detector, group, False)
    if heldout:
        report("held-out, all", detector, heldout, False)
    latency(detector, [e.text for e in train + heldout], args.rounds)


if __name__ == "__main__":
    main()
