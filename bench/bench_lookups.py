"""Search quality on the labelled lookups (tests/corpus/lookups): how often a right answer
comes first, and how often one is in the top three, per split and per kind.

    .venv/bin/python bench/bench_lookups.py [--train-only] [--show-misses]

Queries marked `agency: true` run with data/agency.example.yaml loaded (region US-IL), the
rest without an agency file. A plea for help must never bring a survivors' or
money programme into the top three. The held-out files are measured, never tuned on:
`--show-misses` lists train misses only.
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import Lookup as Query  # noqa: E402
from bench.corpus import load_lookups  # noqa: E402
from bots.bootstrap_services import Services, build_services  # noqa: E402
from core.datafiles.loader import DataPaths, load_bundle  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "lookups"
DATA = ROOT / "data"
# Money and line-of-duty-death programmes: never the answer to a plea for help.
NOT_FOR_A_PLEA = {"hundred-club", "cops-survivors", "blue-help", "nfcc", "two-one-one"}


def services(agency: bool, today: date | None = None) -> Services:
    paths = DataPaths(DATA, DATA / "agency.example.yaml" if agency else None)
    return build_services(load_bundle(paths, today or date.today()))


def ranked(by_agency: dict[bool, Services], query: Query) -> list[str]:
    result = by_agency[query.agency].lookup(query.text)
    return [r.id for r in result.resources]


def judged(ids: list[str], query: Query) -> tuple[bool, bool, bool]:
    """(a right answer first, one in the top 3, a plea given a money or survivors' programme).
    A lookup that asks for no help (`want: []`) is right only when nothing is found."""
    if not query.want:
        return not ids, not ids, False
    first = bool(ids) and ids[0] in query.want
    top3 = any(i in query.want for i in ids[:3])
    wrong_plea = query.kind == "plea" and bool(NOT_FOR_A_PLEA & set(ids[:3]))
    return first, top3, wrong_plea


def report(name: str, queries: list[Query], by_agency: dict[bool, Services], show: bool) -> None:
    nothing = [q for q in queries if not q.want]
    queries = [q for q in queries if q.want]
    if nothing:
        found = [q for q in nothing if ranked(by_agency, q)]
        print(
            f"{name}, asking for no help: {len(nothing) - len(found)}/{len(nothing)} found nothing"
        )
        if show:
            for query in found:
                print(f"  FOUND {query.text!r} got {ranked(by_agency, query)[:3]}")
    first = top3 = plea_wrong = 0
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for query in queries:
        ids = ranked(by_agency, query)
        hit1, hit3, wrong_plea = judged(ids, query)
        first += hit1
        top3 += hit3
        kinds[query.kind]["n"] += 1
        kinds[query.kind]["first"] += hit1
        kinds[query.kind]["top3"] += hit3
        plea_wrong += wrong_plea
        if show and not hit1:
            misses.append(
                f"  {'top3' if hit3 else 'MISS'}  {query.text!r} want {query.want} got {ids[:4]}"
            )
    n = max(len(queries), 1)
    print(f"{name}: {len(queries)} lookups")
    print(f"  right answer first: {first}/{n} = {first / n:.1%}")
    print(f"  right answer in top 3: {top3}/{n} = {top3 / n:.1%}")
    print(f"  pleas answered with a survivors' or money programme in the top 3: {plea_wrong}")
    for kind, c in sorted(kinds.items()):
        print(
            f"    {kind:9} {c['n']:4}  first {c['first'] / c['n']:.0%}  top-3 {c['top3'] / c['n']:.0%}"
        )
    for line in misses:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train-only", action="store_true", help="leave the held-out files unread")
    parser.add_argument("--show-misses", action="store_true", help="list train misses")
    parser.add_argument(
        "--dev",
        type=Path,
        metavar="FOLDER",
        help="a first look at a new writer's files in FOLDER (misses listed), nothing else read",
    )
    args = parser.parse_args()
    by_agency = {False: services(False), True: services(True)}
    if args.dev:
        report(f"first look at {args.dev}", load_lookups(args.dev, ("train",)), by_agency, True)
        return
    train = load_lookups(CORPUS, ("train",))
    report("train", train, by_agency, args.show_misses)
    if not args.train_only:
        report("held-out", load_lookups(CORPUS, ("heldout",)), by_agency, False)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
