"""How an entry's fields become weighted search terms: its name, topics and categories say
what it is about; its summary and description only mention things."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence

from core.domain.resources import Resource
from core.language.text import STOPWORDS, Stemmer, normalize

# How much a word counts in each field of an entry (the best field counts).
FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("name", 3.0),
    ("topics", 2.5),
    ("categories", 2.0),
    ("summary", 1.2),
    ("description", 0.8),
)
MENTION_WEIGHT = 1.2  # a word of a topic phrase, on its own


def pairs(stems: Sequence[str]) -> list[str]:
    """Adjacent stems joined: how topic phrases are indexed and queried."""
    return [f"{a}_{b}" for a, b in itertools.pairwise(stems)]


class EntryTerms:
    """Weighs entries' words; keeps every word it saw with its stem (`surface`), the
    vocabulary typos are corrected toward."""

    def __init__(self, stem: Stemmer, category_names: Mapping[str, str]) -> None:
        self._stem = stem
        self._category_names = category_names
        self.surface: dict[str, str] = {}

    def weights(self, resource: Resource) -> dict[str, float]:
        """Each stem (and topic-phrase pair) of `resource` with the weight of its best field."""
        fields = {
            "name": f"{resource.name} {resource.id.replace('-', ' ')}",  # "lefsn", "blue help"
            "categories": " ".join(self._category_names.get(c, c) for c in resource.categories),
            "summary": resource.summary,
            "description": resource.description,
        }
        weights: dict[str, float] = {}

        def add(term: str, weight: float) -> None:
            weights[term] = max(weights.get(term, 0.0), weight)

        for field_name, weight in FIELD_WEIGHTS:
            if field_name == "topics":
                for topic in resource.topics:
                    self._add_topic(topic, weight, add)
                continue
            for word in normalize(fields[field_name]).split():
                if word not in STOPWORDS:
                    add(self._stem_surface(word), weight)
        return weights

    def _add_topic(self, topic: str, weight: float, add: Callable[[str, float], None]) -> None:
        """A one-word topic says what an entry is about; a phrase ("mass shooting") does so
        only as a whole: its words alone are mentions, its adjacent pairs are strong."""
        stems = [self._stem_surface(w) for w in normalize(topic).split() if w not in STOPWORDS]
        if len(stems) == 1:
            add(stems[0], weight)
            return
        for stem_ in stems:
            add(stem_, MENTION_WEIGHT)
        for pair in pairs(stems):
            add(pair, weight)

    def _stem_surface(self, word: str) -> str:
        stem_ = self._stem(word)
        self.surface.setdefault(word, stem_)
        return stem_
