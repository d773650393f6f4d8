"""The learned half of ranking: which entries answered lookups worded like this one.

One logistic regression per national entry, and one per role of an agency's own entries
(its peer team, its EAP, its chaplain: every agency names them differently), over the
query's search terms (after synonyms and typo correction), its words and its word pairs.
`bench/train_search_model.py` fits them on the labelled lookups' train split and ships the
weights as `data/search/model.json`.

A hit's score is its keyword score as a share of the best hit's, plus `weight` times the
probability its model gives. An entry the model is sure of (`join_at`) joins the results
without a keyword match of its own, but only when the keywords matched something: a query
the directory knows nothing about still finds nothing.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.domain.resources import Origin, Resource
from core.domain.roles import CHAPLAIN, EAP, PEER, agency_role
from core.language.hits import MAX_RESULTS, Hit
from core.language.logistic import NEVER, Head, sigmoid
from core.language.negation import NEGATED_KEEPS
from core.language.search import SearchIndex
from core.language.text import normalize
from core.language.word_classes import PLEA_CUES, PLEA_FILLER

MODEL_FILE = Path("search") / "model.json"
# Programmes that answer one kind of question only: loss of an officer, money.
NARROW = frozenset({"survivors", "financial"})
PLEA_WORDS = PLEA_CUES | PLEA_FILLER
SURE = 0.5  # the probability from which the model is taken to say an entry was asked for
# The people an officer talks to: never a narrow programme, whatever their categories say.
PEOPLE_ROLES = frozenset("agency:" + role for role in (CHAPLAIN, EAP, PEER))


def role_of(resource: Resource) -> str:
    """The model a resource is scored by: its id, or for an agency's own entry its role
    (`core.domain.roles`), or failing one its first category."""
    if resource.origin is not Origin.AGENCY:
        return resource.id
    role = agency_role(resource)
    if role is not None:
        return "agency:" + role
    return "agency:" + (resource.categories[0] if resource.categories else "other")


def query_features(index: SearchIndex, query: str) -> frozenset[str]:
    """What the models read: search terms ("t:"), terms turned down ("n:"), words ("w:")
    and adjacent word pairs ("b:")."""
    found = {"t:" + term for term in index.query_terms(query)}
    found.update("n:" + term for term in index.negative_terms(query))
    words = normalize(query).split()
    found.update("w:" + word for word in words)
    found.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    return frozenset(found)


# What a query may read as, beside which entries answer it.
PLEA = "plea"  # a plea for help with no topic, in words the word lists lack
NOTHING = "nothing"  # work talk that asks for no help at all ("shift bid results")


class RankerModel:
    """The regressions, kept feature by feature: a query's features are looked up once for
    all the roles together."""

    def __init__(
        self,
        heads: Mapping[str, Head],
        weight: float,
        join_at: float,
        intents: Mapping[str, Head] | None = None,
        alone_at: float = NEVER,
    ) -> None:
        self.heads = dict(heads)
        self.weight = weight  # what a probability of 1 adds to a keyword share of the best
        self.join_at = join_at  # the probability at which an entry joins without a keyword
        self.intents = dict(intents or {})
        self.alone_at = alone_at  # ... and from which it is found when no keyword matched
        # Every regression is a column, the roles' and then the intents': per feature, its
        # weight in each (0 where it has none). A query's totals are then column sums,
        # which Python does at C speed, for all of them in one pass.
        columns = [*self.heads.values(), *self.intents.values()]
        self._roles = tuple(self.heads)
        self._intent_names = tuple(self.intents)
        self._biases = tuple(head.bias for head in columns)
        by_feature: dict[str, list[float]] = {}
        for i, head in enumerate(columns):
            for feature, weight_ in head.weights.items():
                by_feature.setdefault(feature, [0.0] * len(columns))[i] = weight_
        self._by_feature = {f: tuple(row) for f, row in by_feature.items()}

    @classmethod
    def load(cls, path: Path) -> RankerModel:
        """Raises OSError, ValueError or KeyError for a file that cannot be read."""
        data = json.loads(path.read_text(encoding="utf-8"))

        def head(raw: Any) -> Head:
            threshold = float(raw.get("at", NEVER))
            return Head(dict(raw["weights"]), float(raw["bias"]), threshold)

        return cls(
            {role: head(raw) for role, raw in data["heads"].items()},
            float(data["weight"]),
            float(data["join_at"]),
            {name: head(raw) for name, raw in data.get("intents", {}).items()},
            float(data.get("alone_at", NEVER)),
        )

    def read(self, features: frozenset[str]) -> Reading:
        """Each role's probability that it answers a query with these features, and the
        intents the query reads as."""
        count = len(self._biases)
        rows = [row for f in features if (row := self._by_feature.get(f)) is not None]
        totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * count
        norm = 1 / math.sqrt(len(features)) if features else 0.0
        exp = math.exp  # the logistic function, inline: some 30 regressions a lookup
        chances = [
            1.0 / (1.0 + exp(-max(-30.0, min(30.0, total * norm + bias)))) if features else 0.0
            for total, bias in zip(totals, self._biases, strict=True)
        ]
        roles = dict(zip(self._roles, chances, strict=False))
        lean = {r: total * norm for r, total in zip(self._roles, totals, strict=False) if total}
        intents = frozenset(
            name
            for name, chance in zip(self._intent_names, chances[len(self._roles) :], strict=True)
            if chance >= self.intents[name].threshold
        )
        return Reading(roles, intents, lean)


@dataclass(frozen=True)
class Reading:
    """What the model makes of one query."""

    roles: Mapping[str, float]  # role → the probability that it answers the query
    intents: frozenset[str]  # PLEA, NOTHING: what the query reads as
    # how far the query's own words move each role from its prior (logit): an entry joins
    # only when they argue for it, never on its prior alone ("xyzzy", "hello there")
    lean: Mapping[str, float] = field(default_factory=dict)


class RankedSearch:
    """The keyword index, re-ranked by the learned model (a `Searcher`)."""

    def __init__(
        self, index: SearchIndex, resources: Sequence[Resource], model: RankerModel
    ) -> None:
        self._index = index
        self._model = model
        self._by_role: dict[str, list[Resource]] = {}
        self._role: dict[str, str] = {}  # resource id → its role, read once, not per hit
        self._last: tuple[str, Reading] | None = None
        self._plea_terms = index.stems(PLEA_WORDS)
        for resource in resources:
            role = self._role[resource.id] = role_of(resource)
            self._by_role.setdefault(role, []).append(resource)

    def reads_as_plea(self, query: str) -> bool:
        """Whether the model reads `query` as a plea for help, and it names no topic."""
        if PLEA not in self._read(query).intents:
            return False
        return not self._index.names_a_topic(query, self._plea_terms)

    def refuses_only(self, query: str) -> bool:
        return self._index.refuses_only(query)

    def turned_down(self, query: str, resources: Sequence[Resource]) -> set[str]:
        return self._index.turned_down(query, resources)

    def reads_as_nothing(self, query: str) -> bool:
        """Whether the model reads `query` as work talk that asks for no help."""
        return NOTHING in self._read(query).intents

    def _read(self, query: str) -> Reading:
        """The model's reading of `query`; a lookup asks more than once, the last is kept."""
        last = self._last
        if last is not None and last[0] == query:
            return last[1]
        reading = self._model.read(query_features(self._index, query))
        self._last = (query, reading)
        return reading

    def search(self, query: str, limit: int = MAX_RESULTS, *, explain: bool = False) -> list[Hit]:
        hits = self._index.search(query, MAX_RESULTS, explain=explain)
        if not hits and self._model.alone_at >= NEVER:
            return []
        reading = self._read(query)
        if NOTHING in reading.intents:
            return []  # work talk that only sounds like a topic ("range day sign up")
        learned = reading.roles
        # with no keyword match, only an entry the query's words alone make very likely
        alone = not hits
        best = max((hit.score for hit in hits), default=1.0) or 1.0
        ranked = {
            hit.resource.id: self._scored(hit, best, self._learned(hit, learned), explain)
            for hit in hits
        }
        joining = [
            (resource, chance)
            for role, chance in learned.items()
            if self._joins(chance, reading.lean.get(role, 0.0), alone)
            for resource in self._by_role.get(role, ())
            if resource.id not in ranked
        ]
        places = self._index.regions.places(query) if joining else set()
        for resource, chance in joining:
            far = self._index.regions.far(resource, places)
            ranked[resource.id] = self._scored(
                Hit(resource, 0.0, far=far), best, self._model.weight * chance, explain
            )
        kept = [hit for hit in ranked.values() if not self._unasked(query, hit, learned)]
        return sorted(kept, key=lambda hit: (hit.far, -hit.score))[:limit]

    def _joins(self, chance: float, lean: float, alone: bool) -> bool:
        """Whether an entry the keywords missed joins: the model sure enough of it, and the
        query's words for it; with no keyword match at all, those words alone sure of it."""
        if lean <= 0:
            return False
        if alone:
            return sigmoid(lean) >= self._model.alone_at
        return chance >= self._model.join_at

    def _unasked(self, query: str, hit: Hit, learned: Mapping[str, float]) -> bool:
        """A survivors' or money programme that only the words of a plea, a kind of help
        or a person matched ("need help"; "counselor" is no debt, "police wife" no loss),
        and that the model does not think was asked for: it matched nothing that says what
        it is for, so it is left out, and a plea is never answered with a charity for the
        bereaved or a debt line; "need help, my gambling" still finds its line."""
        if NARROW.isdisjoint(hit.resource.categories):
            return False
        if self._role[hit.resource.id] in PEOPLE_ROLES:
            return False
        if learned.get(self._role[hit.resource.id], 0.0) >= SURE:
            return False
        return not self._index.matched_beyond(query, hit.resource, self._index.asking_terms)

    def _learned(self, hit: Hit, learned: Mapping[str, float]) -> float:
        """What the model adds to a hit: less for an entry about what the asker turned down."""
        share = NEGATED_KEEPS if hit.turned_down else 1.0
        return self._model.weight * learned.get(self._role[hit.resource.id], 0.0) * share

    @staticmethod
    def _scored(hit: Hit, best: float, learned: float, explain: bool) -> Hit:
        """`hit` scored as its keywords' share of the best hit's, plus what was learned."""
        score = hit.score / best + learned
        why: tuple[tuple[str, float], ...] = ()
        if explain:
            shares = tuple((term, amount / best) for term, amount in hit.why)
            why = (*shares, ("learned from labelled lookups", learned))
        return Hit(hit.resource, score, why, hit.far, hit.turned_down)
