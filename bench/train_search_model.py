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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_lookups import CORPUS, DATA, judged  # noqa: E402
from bench.corpus import Lookup as Query  # noqa: E402
from bench.corpus import load_lookups  # noqa: E402
from bench.logistic_fit import fit, prune  # noqa: E402
from bots.bootstrap_services import keyword_index  # noqa: E402
from core.datafiles.loader import Bundle, DataPaths, load_bundle  # noqa: E402
from core.language.logistic import NEVER, Head  # noqa: E402
from core.language.ranking import (  # noqa: E402
    MODEL_FILE,
    NOTHING,
    PLEA,
    RankedSearch,
    RankerModel,
    query_features,
    role_of,
)
from core.language.search import SearchIndex  # noqa: E402
from core.services.lookup import Lookup  # noqa: E402

WEIGHTS = (0.5, 1.0, 1.5, 2.0)
JOIN_AT = (0.3, 0.5, 0.7, NEVER)
INTENT_AT = (0.6, 0.7, 0.8, 0.9, 0.95)
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


@dataclass(frozen=True)
class Fitted:
    heads: dict[str, Head]
    intents: dict[str, Head]  # PLEA, NOTHING; their thresholds are set when a model is made

    def model(
        self, weight: float, join_at: float, alone_at: float = NEVER, **at: float
    ) -> RankerModel:
        intents = {
            name: replace(head, threshold=at.get(name, NEVER))
            for name, head in self.intents.items()
        }
        return RankerModel(self.heads, weight, join_at, intents, alone_at)


def train(queries: list[Query], by: dict[bool, Setting], epochs: int, seed: int) -> Fitted:
    rows = [(query_features(by[q.agency].index, q.text), by[q.agency].roles(q), q) for q in queries]
    counts: Counter[str] = Counter(f for features, _, _ in rows for f in features)

    def head(labelled: list[tuple[frozenset[str], int]]) -> Head:
        weights, bias = fit(labelled, epochs, seed)
        return Head(prune(weights, counts, SMALLEST), round(bias, 4))

    heads: dict[str, Head] = {}
    for role in sorted(set().union(*(roles for _, roles, _ in rows))):
        agency_role = role.startswith("agency:")
        heads[role] = head(
            [
                (features, int(role in roles))
                for features, roles, q in rows
                if q.agency or not agency_role  # an agency's role is learned where one exists
            ]
        )
    intents = {
        PLEA: head([(features, int(q.kind == "plea")) for features, _, q in rows]),
        NOTHING: head([(features, int(not q.want)) for features, _, q in rows]),
    }
    return Fitted(heads, intents)


@dataclass
class Tally:
    """How a model did: on lookups that ask for help, and on those that ask for none."""

    first: int = 0
    top3: int = 0
    wrong_pleas: int = 0
    help: int = 0
    empty: int = 0  # lookups that ask for no help, answered with nothing
    nothing: int = 0

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def key(self) -> tuple[int, float]:
        """Fewest pleas given a money or survivors' programme, then right answers: a help
        lookup answered wrong costs twice what a work query answered with something does."""
        return -self.wrong_pleas, self.first + self.top3 + 0.5 * self.empty

    def line(self, settings_: tuple[float, ...]) -> str:
        shown = "  ".join(f"{v:4.2f}" for v in settings_)
        n, m = max(self.help, 1), max(self.nothing, 1)
        return (
            f"  {shown}  {self.first / n:6.1%}  {self.top3 / n:6.1%}  {self.wrong_pleas:3}"
            f"  {self.empty / m:6.1%}"
        )


def score(queries: list[Query], by: dict[bool, Setting], model: RankerModel) -> Tally:
    lookups = {}
    for agency, s in by.items():
        ranked = RankedSearch(s.index, s.bundle.directory.resources, model)
        lookups[agency] = Lookup(
            s.bundle.directory, ranked, s.bundle.detector, ranked.reads_as_plea
        )
    tally = Tally()
    for query in queries:
        ids = [r.id for r in lookups[query.agency](query.text).resources]
        first, top3, wrong_plea = judged(ids, query)
        if query.want:
            tally.help += 1
            tally.first += first
            tally.top3 += top3
            tally.wrong_pleas += wrong_plea
        else:
            tally.nothing += 1
            tally.empty += first
    return tally


def folds_of(queries: list[Query]) -> list[tuple[list[Query], list[Query]]]:
    """(fitted on, judged on) per writer of help lookups; the lookups that ask for no help
    (one writer) are dealt out among the folds, so each fold has some to learn from."""
    writers = sorted({q.file for q in queries if q.want})
    fold_of = {}
    for i, query in enumerate(q for q in queries if not q.want):
        fold_of[query] = writers[i % len(writers)]
    folds = []
    for writer in writers:
        held = [q for q in queries if fold_of.get(q, q.file) == writer]
        folds.append(([q for q in queries if q not in held], held))
    return folds


def choose(
    queries: list[Query], by: dict[bool, Setting], epochs: int, seed: int
) -> tuple[float, float, float, dict[str, float]]:
    """(weight, join_at, alone_at, {intent: at}) with the best leave-one-writer-out tally,
    settled in turn: the weight and join_at with no intents, then the plea reading, then
    nothing, then what is found on the model alone when no keyword matched."""
    folds = [(held, train(fitted_on, by, epochs, seed)) for fitted_on, held in folds_of(queries)]

    def tally(weight: float, join_at: float, alone_at: float = NEVER, **at: float) -> Tally:
        total = Tally()
        for held, fitted in folds:
            total.add(score(held, by, fitted.model(weight, join_at, alone_at, **at)))
        print(total.line((weight, join_at, *at.values(), alone_at)))
        return total

    print(
        "leave-one-writer-out: weight join_at [plea_at nothing_at] alone_at"
        "  first  top-3  wrong  empty"
    )
    best = max(
        ((weight, join_at) for weight in WEIGHTS for join_at in JOIN_AT),
        key=lambda s: (*tally(*s).key(), s[1]),  # ties: add fewer
    )
    tally(0.0, NEVER)  # the keywords alone, for comparison
    at: dict[str, float] = {}
    for intent in (PLEA, NOTHING):
        candidates = [{**at, intent: t} for t in (*INTENT_AT, NEVER)]
        at = max(candidates, key=lambda a: (*tally(*best, **a).key(), a[intent]))
    alone_at = max((*INTENT_AT, NEVER), key=lambda t: (*tally(*best, t, **at).key(), t))
    return best[0], best[1], alone_at, at


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    by = settings()
    queries = load_lookups(CORPUS, ("train",))
    weight, join_at, alone_at, at = choose(queries, by, args.epochs, args.seed)
    fitted = train(queries, by, args.epochs, args.seed)
    heads = fitted.heads
    model = {
        "about": "WellCheck search ranker: logistic regressions, see bench/train_search_model.py",
        "trained_on": sorted({q.file for q in queries}),
        "lookups": len(queries),
        "weight": weight,
        "join_at": join_at,
        "alone_at": alone_at,
        "intents": {
            name: {
                "at": at.get(name, NEVER),
                "bias": head.bias,
                "weights": dict(sorted(head.weights.items())),
            }
            for name, head in fitted.intents.items()
        },
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
        f"weight {weight}, join_at {join_at}, alone_at {alone_at}, intents at {at}: "
        f"{len(heads)} models, {size} weights, "
        f"{out.stat().st_size // 1024} KiB → {out}"
    )


if __name__ == "__main__":
    main()
