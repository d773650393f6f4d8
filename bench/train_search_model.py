"""Train the search ranker on the labelled lookups' train split; write data/search/model.json.

    .venv/bin/python bench/train_search_model.py [--epochs N] [--seed S]

One logistic regression per right answer the train split names (a national entry's id, or
an agency entry's role: peer team, EAP, chaplain), over `core.language.ranking`'s query
features. How much the model counts beside the keywords (`weight`) and how sure it must be
to add an entry the keywords missed (`join_at`) are chosen by leave-one-writer-out
cross-validation: the models are fitted on two writers' lookups and judged on the third's,
through the real lookup (crisis lines, pleas and all), so the choice rewards what carries
over to wording nobody here has seen. The held-out split is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_lookups import CORPUS, DATA, judged  # noqa: E402
from bench.corpus import Lookup as Query  # noqa: E402
from bench.corpus import load_lookups  # noqa: E402
from bench.logistic_fit import fit, prune  # noqa: E402
from bots.bootstrap import keyword_index  # noqa: E402
from core.datafiles.loader import Bundle, DataPaths, load_bundle  # noqa: E402
from core.language.ranking import (  # noqa: E402
    MODEL_FILE,
    Head,
    RankedSearch,
    RankerModel,
    query_features,
    role_of,
)
from core.language.search import SearchIndex  # noqa: E402
from core.services.lookup import Lookup  # noqa: E402

WEIGHTS = (0.5, 1.0, 1.5, 2.0)
JOIN_AT = (0.3, 0.5, 0.7, 1.01)  # 1.01: never add an entry the keywords missed
# Smaller weights move a logit by under 0.02 (features are normalised by √n, n ≈ 30): not shipped.
SMALLEST = 0.1


@dataclass(frozen=True)
class Setting:
    """One way a lookup runs: with or without the example agency file."""

    bundle: Bundle
    index: SearchIndex

    def roles(self, query: Query) -> set[str]:
        by_id = {r.id: r for r in self.bundle.directory.resources}
        return {role_of(by_id[w]) if w in by_id else w for w in query.want}


def settings() -> dict[bool, Setting]:
    found = {}
    for agency in (False, True):
        paths = DataPaths(DATA, DATA / "agency.example.yaml" if agency else None)
        bundle = load_bundle(paths, date.today())
        found[agency] = Setting(bundle, keyword_index(bundle))
    return found


def train(queries: list[Query], by: dict[bool, Setting], epochs: int, seed: int) -> dict[str, Head]:
    rows = [(query_features(by[q.agency].index, q.text), by[q.agency].roles(q), q) for q in queries]
    counts: Counter[str] = Counter(f for features, _, _ in rows for f in features)
    heads: dict[str, Head] = {}
    for role in sorted(set().union(*(roles for _, roles, _ in rows))):
        agency_role = role.startswith("agency:")
        labelled = [
            (features, int(role in roles))
            for features, roles, q in rows
            if q.agency or not agency_role  # an agency's role is learned where one exists
        ]
        weights, bias = fit(labelled, epochs, seed)
        heads[role] = Head(prune(weights, counts, SMALLEST), round(bias, 4))
    return heads


def score(
    queries: list[Query], by: dict[bool, Setting], model: RankerModel
) -> tuple[int, int, int]:
    """(right first, right in the top 3, pleas given a money or survivors' programme)."""
    lookups = {
        agency: Lookup(
            s.bundle.directory,
            RankedSearch(s.index, s.bundle.directory.resources, model),
            s.bundle.detector,
        )
        for agency, s in by.items()
    }
    totals = [0, 0, 0]
    for query in queries:
        ids = [r.id for r in lookups[query.agency](query.text).resources]
        for i, hit in enumerate(judged(ids, query)):
            totals[i] += hit
    return totals[0], totals[1], totals[2]


def choose(
    queries: list[Query], by: dict[bool, Setting], epochs: int, seed: int
) -> tuple[float, float]:
    writers = sorted({q.file for q in queries})
    folds = []
    for writer in writers:
        heads = train([q for q in queries if q.file != writer], by, epochs, seed)
        folds.append(([q for q in queries if q.file == writer], heads))
    print("leave-one-writer-out (train split):  weight  join_at  first  top-3  wrong pleas")
    best: tuple[tuple[int, int, int], float, float] | None = None
    for weight in (0.0, *WEIGHTS):
        for join_at in JOIN_AT if weight else (1.01,):
            totals = [0, 0, 0]
            for held, heads in folds:
                for i, n in enumerate(score(held, by, RankerModel(heads, weight, join_at))):
                    totals[i] += n
            n = len(queries)
            print(
                f"  {weight:4.1f}  {join_at:4.2f}  {totals[0] / n:6.1%}  {totals[1] / n:6.1%}"
                f"  {totals[2]}"
            )
            key = (-totals[2], totals[0], totals[1], join_at)  # ties: add fewer
            if weight and (best is None or key > best[0]):
                best = (key, weight, join_at)
    assert best is not None
    return best[1], best[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    by = settings()
    queries = load_lookups(CORPUS, ("train",))
    weight, join_at = choose(queries, by, args.epochs, args.seed)
    heads = train(queries, by, args.epochs, args.seed)
    model = {
        "about": "WellCheck search ranker: logistic regressions, see bench/train_search_model.py",
        "trained_on": sorted({q.file for q in queries}),
        "lookups": len(queries),
        "weight": weight,
        "join_at": join_at,
        "heads": {
            role: {"bias": head.bias, "weights": dict(sorted(head.weights.items()))}
            for role, head in heads.items()
        },
    }
    out = DATA / MODEL_FILE
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    size = sum(len(h.weights) for h in heads.values())
    print(
        f"weight {weight}, join_at {join_at}: {len(heads)} models, {size} weights, "
        f"{out.stat().st_size // 1024} KiB → {out}"
    )


if __name__ == "__main__":
    main()
