"""Lookup latency on the shipped directory and on a synthetic 10,000-entry one,
and the wall time of a cold `wellcheck lookup` process.

    .venv/bin/python bench/bench_search.py [--rounds N] [--cold N]

Targets (issues 2 and 13): p99 < 1 ms shipped, < 10 ms at 10k entries (both with the
learned ranking); cold lookup < 1 s.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import pct  # noqa: E402
from bots.bootstrap_services import build_services  # noqa: E402
from core.datafiles.loader import DataPaths, load_bundle  # noqa: E402
from core.domain.resources import Category, Resource  # noqa: E402
from core.language.ranking import RankedSearch  # noqa: E402
from core.language.search import SearchIndex  # noqa: E402
from core.language.text import make_stemmer  # noqa: E402
from core.services.lookup import Lookup  # noqa: E402

QUERIES = [
    "alcohol",
    "beer every night to fall asleep",
    "separated from my wife",
    "can't sleep after nights",
    "someone who has worn the badge",
    "coworker took his own life",
    "support for my kids and spouse",
    "money for the family of a fallen officer",
    "officer suicide awareness",
    "resilience course",
    "alcohal",
    "text a counselor",
    "after the hurricane deployment",
    "overtime sign-up sheet",
    "radio codes",
    "I want to end it",
    "thinking about suicide",
    "lost a partner",
    "divorse lawyer",
    "nightmares after a shooting",
]


def measure(lookup: Lookup, queries: list[str], rounds: int) -> tuple[float, float, int]:
    for query in queries:  # warm caches the way a running server has them
        lookup(query)
    samples: list[float] = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            lookup(query)
            samples.append(time.perf_counter() - start)
    return pct(samples, 0.50), pct(samples, 0.99), len(samples)


def synthetic(
    base: list[Resource], categories_of: Sequence[Category], size: int, seed: int = 7
) -> list[Resource]:
    """`size` entries built from the shipped vocabulary plus filler words, reproducibly."""
    rng = random.Random(seed)
    words = sorted(
        {
            w
            for r in base
            for w in f"{r.summary} {r.description} {' '.join(r.topics)}".lower().split()
            if w.isalpha()
        }
    )
    filler = [
        f"{a}{b}"
        for a in ("pro", "con", "sta", "mer", "val", "lin", "tor", "bel")
        for b in ("ax", "ene", "ola", "ux", "ide", "ora", "um", "et")
    ]
    categories = [c.id for c in categories_of]
    entries = list(base)
    for n in range(size - len(base)):
        topics = tuple(rng.sample(words, 4) + rng.sample(filler, 2))
        entries.append(
            Resource(
                id=f"synthetic-{n}",
                name=f"{rng.choice(filler).title()} {rng.choice(words).title()} Program {n}",
                summary=" ".join(rng.sample(words, 8)),
                description=" ".join(rng.sample(words + filler, 25)),
                categories=(rng.choice(categories),),
                topics=topics,
            )
        )
    return entries


def cold_lookup(runs: int) -> tuple[float, float]:
    exe = [sys.executable, "-m", "bots", "lookup", "--json", "alcohol"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(exe, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--cold", type=int, default=10)
    args = parser.parse_args()
    bundle = load_bundle(DataPaths(ROOT / "data"), date.today())
    services = build_services(bundle)
    p50, p99, n = measure(services.lookup, QUERIES, args.rounds)
    print(
        f"shipped directory ({len(bundle.directory.resources)} entries): p50 {p50:.3f} ms  p99 {p99:.3f} ms  ({n} lookups)"
    )

    big = synthetic(list(bundle.directory.resources), bundle.directory.categories, 10_000)
    start = time.perf_counter()
    index = SearchIndex(
        big,
        bundle.directory.categories,
        bundle.synonyms,
        make_stemmer(),
        dictionary=bundle.detector.known_word_set,
    )
    built = time.perf_counter() - start
    from core.domain.directory import Directory

    ranked = RankedSearch(index, big, bundle.ranker) if bundle.ranker else index
    lookup = Lookup(Directory(tuple(big), bundle.directory.categories), ranked, bundle.detector)
    p50, p99, n = measure(lookup, QUERIES, max(args.rounds // 10, 5))
    print(
        f"synthetic directory (10,000 entries, index built in {built:.2f} s): p50 {p50:.3f} ms  p99 {p99:.3f} ms  ({n} lookups)"
    )

    median, worst = cold_lookup(args.cold)
    print(
        f"cold `wellcheck lookup --json alcohol`: median {median * 1e3:.0f} ms  max {worst * 1e3:.0f} ms  ({args.cold} runs)"
    )
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


if __name__ == "__main__":
    main()
