"""Ranked keyword search over the directory: synonyms, stemming and typo tolerance."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from core.resources import Category, Origin, Resource
from core.synonyms import SynonymTable
from core.text import STOPWORDS, Stemmer, normalize

# How much a word counts in each field of an entry (the best field counts).
FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("name", 3.0),
    ("topics", 2.5),
    ("categories", 2.0),
    ("summary", 1.2),
    ("description", 0.8),
)
# A word found in more than this share of entries cannot make a match on its own.
COMMON_SHARE = 0.6
# Name, topics and categories say what an entry is about; summary and description
# only mention things. One passing mention is not a match; two, or one strong, are.
STRONG_WEIGHT = 2.0
# Results scoring below this share of the best result are noise, not matches.
RELATIVE_FLOOR = 0.15
FUZZY_WEIGHT = 0.8
# A chat answer pages through 4 at a time and "more" carries 40 ids; JSON gets the same.
MAX_RESULTS = 50
FUZZY_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Hit:
    resource: Resource
    score: float


def _max_typos(word: str) -> int:
    """Edits tolerated for a word: none below 5 letters, then one, then two from 10."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 10 else 2


class SearchIndex:
    """An inverted index of stems → entries; built once, queried many times."""

    def __init__(
        self,
        resources: Sequence[Resource],
        categories: Sequence[Category],
        synonyms: SynonymTable,
        stem: Stemmer,
    ) -> None:
        self._resources = tuple(resources)
        self._synonyms = synonyms
        self._stem = stem
        names = {c.id: f"{c.id.replace('-', ' ')} {c.name}" for c in categories}
        weights: dict[str, dict[int, float]] = {}
        self._surface: dict[str, str] = {}
        for position, resource in enumerate(self._resources):
            for stem_, weight in self._entry_weights(resource, names).items():
                weights.setdefault(stem_, {})[position] = weight
        total = max(len(self._resources), 1)
        # Per stem: (entry, idf × field weight, evidence it gives: 0 when too common).
        self._postings: dict[str, tuple[tuple[int, float, float], ...]] = {}
        for stem_, entries in weights.items():
            idf = math.log(1.0 + total / len(entries))
            common = total >= 5 and len(entries) / total > COMMON_SHARE
            self._postings[stem_] = tuple(
                (p, idf * w, 0.0 if common else (1.0 if w >= STRONG_WEIGHT else 0.5))
                for p, w in entries.items()
            )
        # Ties go to agency entries, then to file order.
        self._tiebreak = [
            (0 if r.origin is Origin.AGENCY else total) + p for p, r in enumerate(self._resources)
        ]
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self._surface):
            self._by_initial.setdefault(word[0], []).append(word)
        self._fuzzy_cache: dict[str, str | None] = {}

    def _entry_weights(
        self, resource: Resource, category_names: dict[str, str]
    ) -> dict[str, float]:
        fields = {
            "name": resource.name,
            "topics": " ".join(resource.topics),
            "categories": " ".join(category_names.get(c, c) for c in resource.categories),
            "summary": resource.summary,
            "description": resource.description,
        }
        weights: dict[str, float] = {}
        for field_name, weight in FIELD_WEIGHTS:
            for word in normalize(fields[field_name]).split():
                if word in STOPWORDS:
                    continue
                stem_ = self._stem(word)
                self._surface.setdefault(word, stem_)
                weights[stem_] = max(weights.get(stem_, 0.0), weight)
        return weights

    def query_terms(self, query: str) -> dict[str, float]:
        """Stems to look up for `query`, each with its weight (typo corrections count less)."""
        tokens = normalize(query).split()
        expanded = [w for w in tokens if w not in STOPWORDS]
        expanded += [w for w in self._synonyms.expand(tokens) if w not in STOPWORDS]
        terms: dict[str, float] = {}
        for word in expanded:
            stem_ = self._stem(word)
            if stem_ in self._postings:
                terms[stem_] = 1.0
                continue
            corrected = self._correct(word)
            if corrected is not None and corrected not in terms:
                terms[corrected] = FUZZY_WEIGHT
        return terms

    def _correct(self, word: str) -> str | None:
        """The stem of the closest directory word within the typo budget, if any.

        Typos rarely hit the first letter, and allowing it turns real words into
        others ("thinking" → "drinking"), so candidates share the first letter.
        """
        if word in self._fuzzy_cache:
            return self._fuzzy_cache[word]
        budget = _max_typos(word)
        found: str | None = None
        candidates = self._by_initial.get(word[0], []) if budget else []
        if candidates:
            match = process.extractOne(
                word, candidates, scorer=Levenshtein.distance, score_cutoff=budget
            )
            if match is not None:
                found = self._surface[match[0]]
        if len(self._fuzzy_cache) >= FUZZY_CACHE_SIZE:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = found
        return found

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
        """At most `limit` entries matching `query`, best first; [] when nothing distinctive matched."""
        scores: dict[int, float] = {}
        evidence: dict[int, float] = {}
        for stem_, term_weight in self.query_terms(query).items():
            for position, contribution, strength in self._postings[stem_]:
                scores[position] = scores.get(position, 0.0) + contribution * term_weight
                if strength:
                    evidence[position] = evidence.get(position, 0.0) + strength
        matched = [p for p, amount in evidence.items() if amount >= 1.0]
        if not matched:
            return []
        floor = max(scores[p] for p in matched) * RELATIVE_FLOOR
        tiebreak = self._tiebreak
        best = heapq.nsmallest(
            limit,
            (p for p in matched if scores[p] >= floor),
            key=lambda p: (-scores[p], tiebreak[p]),
        )
        return [Hit(self._resources[p], scores[p]) for p in best]
