"""Ranked keyword search over the directory: synonyms, stemming, typo tolerance, rarity
weighting, negation, and the agency's region."""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence

from core.domain.resources import Category, Origin, Resource
from core.language.entry_terms import EntryTerms, pairs
from core.language.hits import MAX_RESULTS, Hit
from core.language.intent import read_intent
from core.language.negation import lower, lower_all
from core.language.regional import Regions
from core.language.synonyms import SynonymTable
from core.language.text import STOPWORDS, Stemmer
from core.language.typos import Typos
from core.language.word_classes import (
    ASKING_WORDS,
    AUDIENCES,
    GENERIC_WORDS,
    IN_HOUSE,
    KINDS_OF_HELP,
    PEOPLE,
)

# A word found in more than this share of entries cannot make a match on its own.
COMMON_SHARE = 0.6
# Name, topics and categories say what an entry is about; summary and description
# only mention things. One passing mention is not a match; two, or one strong, are.
STRONG_WEIGHT = 2.0
# Results scoring below this share of the best result are noise, not matches.
RELATIVE_FLOOR = 0.15
FUZZY_WEIGHT = 0.8
# A regional entry of the agency's own state counts this much more.
IN_REGION_BOOST = 1.25
WHO_WEIGHT = 0.35
# The agency's own services (its peer team, EAP, chaplain) are the closest help: they count
# this much more than a national entry matching as well.
AGENCY_BOOST = 1.3


def _rarity(total: int, containing: int) -> float:
    """BM25's idf: a word in nearly every entry ("law enforcement") counts for almost
    nothing, a word in one entry counts most."""
    return math.log(1.0 + (total - containing + 0.5) / (containing + 0.5))


class SearchIndex:
    """An inverted index of stems → entries; built once, queried many times."""

    def __init__(
        self,
        resources: Sequence[Resource],
        categories: Sequence[Category],
        synonyms: SynonymTable,
        stem: Stemmer,
        region: str = "US",
        dictionary: frozenset[str] = frozenset(),
    ) -> None:
        """`dictionary`: English words, never taken for typos ("morning" is not "mourning")."""
        self._resources = tuple(resources)
        self._synonyms = synonyms
        self._stem = stem
        names = {c.id: f"{c.id.replace('-', ' ')} {c.name}" for c in categories}
        entry_terms = EntryTerms(stem, names)
        weights: dict[str, dict[int, float]] = {}
        for position, resource in enumerate(self._resources):
            for stem_, weight in entry_terms.weights(resource).items():
                weights.setdefault(stem_, {})[position] = weight
        total = max(len(self._resources), 1)
        # Per stem: (entry, idf × field weight, evidence it gives: 0 when too common).
        self._postings: dict[str, tuple[tuple[int, float, float], ...]] = {}
        for stem_, entries in weights.items():
            idf = _rarity(total, len(entries))
            common = total >= 5 and len(entries) / total > COMMON_SHARE
            self._postings[stem_] = tuple(
                (p, idf * w, 0.0 if common else (1.0 if w >= STRONG_WEIGHT else 0.5))
                for p, w in entries.items()
            )
        # The same, laid out for scoring: positions and contributions side by side, and
        # only the postings that count as evidence.
        self._scoring = {
            stem_: (tuple(p for p, _, _ in entries), tuple(c for _, c, _ in entries))
            for stem_, entries in self._postings.items()
        }
        self._evidence = {
            stem_: tuple((p, strength) for p, _, strength in entries if strength)
            for stem_, entries in self._postings.items()
        }
        # Entries that count more: the agency's own, and regional ones of its region.
        self._boosts: dict[int, tuple[float, str]] = {}
        for p, resource in enumerate(self._resources):
            boosts = []
            if resource.origin is Origin.AGENCY:
                boosts.append((AGENCY_BOOST, "the agency's own"))
            if resource.region == region != "US":
                boosts.append((IN_REGION_BOOST, f"in region {region}"))
            if boosts:
                factor = math.prod(b for b, _ in boosts)
                self._boosts[p] = (factor, ", ".join(r for _, r in boosts))
        self._positions = {r.id: p for p, r in enumerate(self._resources)}
        self.regions = Regions(self._resources, region)
        self._last_terms: tuple[str, dict[str, float]] | None = None
        self._members: dict[str, frozenset[int]] = {}  # term → the entries it is in
        # words of asking and of whom a query is about ("wife"): no topic of their own
        self.asking_terms = self.stems(ASKING_WORDS)
        self._refusing_terms = self.stems(ASKING_WORDS - PEOPLE - AUDIENCES)
        # Ties go to agency entries, then to file order.
        self._tiebreak = [
            (0 if r.origin is Origin.AGENCY else total) + p for p, r in enumerate(self._resources)
        ]
        self._surface = entry_terms.surface
        self._typos = Typos(self._surface)
        # Words people say (synonym phrases) and the directory's own: a query word that is
        # neither is respelled toward them before synonyms are looked up ("insomina").
        spoken = synonyms.spoken_words() | set(self._surface)
        # Two sets, not their union: the dictionary (60,000 words) is the detector's, shared
        # by every agency's index; a copy each cost 2 MB and long GC pauses at 200 agencies.
        self._spoken = frozenset(spoken)
        self._dictionary = dictionary
        self._respeller = Typos({w: w for w in spoken if w.isalpha()})

    def _knows(self, word: str) -> bool:
        return word in self._spoken or word in self._dictionary

    def query_terms(self, query: str) -> Mapping[str, float]:
        """Stems to look up for `query`, each with its weight (typo corrections count less);
        words the asker negated are left out (see `negative_terms`). Who the query is about
        ("my wife", "a CO with 3 kids") counts for less than what it is about, when it is
        about something. One lookup asks several times: the last answer is kept."""
        last = self._last_terms
        if last is not None and last[0] == query:
            return last[1]
        terms = self._query_terms(query)
        self._last_terms = (query, terms)
        return terms

    def _query_terms(self, query: str) -> dict[str, float]:
        tokens = list(read_intent(query).kept)
        terms = self._terms(tokens)
        people = [w for w in tokens if w in PEOPLE]
        topic = [w for w in tokens if w not in PEOPLE and w not in STOPWORDS]
        if not people or not topic:
            return terms
        about = self._terms(topic)
        for stem_ in self._terms(people):
            if stem_ not in about and stem_ in terms:
                terms[stem_] *= WHO_WEIGHT
        return terms

    def negative_terms(self, query: str) -> set[str]:
        """Stems of what the asker does not want, with what they stand for."""
        negated = list(read_intent(query).negated)
        return set(self._terms(negated)) if negated else set()

    def _respelled(self, word: str) -> str:
        if self._knows(word) or word in STOPWORDS or not word.isalpha():
            return word
        return self._respeller.correct(word) or word

    def _terms(self, tokens: list[str]) -> dict[str, float]:
        """Stems of `tokens` and of what the synonyms make of them; a generic word ("call",
        "problems") is no term alone but still joins a phrase ("safe call", "money problems")."""
        tokens = [self._respelled(w) for w in tokens]
        words = [w for w in (*tokens, *self._synonyms.expand(tokens)) if w not in STOPWORDS]
        terms: dict[str, float] = {}
        stems: list[str] = []
        for word in words:
            stem_ = self._stem(word)
            if stem_ in self._postings or word in GENERIC_WORDS:
                if word not in GENERIC_WORDS:
                    terms[stem_] = 1.0
                stems.append(stem_)
                continue
            corrected = None if self._knows(word) else self._typos.correct(word)
            stems.append(corrected or stem_)
            if corrected is not None and corrected not in terms:
                terms[corrected] = FUZZY_WEIGHT
        for pair in pairs(stems):
            if pair in self._postings:
                terms[pair] = 1.0
        return terms

    def search(self, query: str, limit: int = MAX_RESULTS, *, explain: bool = False) -> list[Hit]:
        """At most `limit` entries matching `query`, best first; [] when nothing distinctive
        matched. Regional entries outside the agency's region come after every national one.
        With `explain`, each hit carries what each term added."""
        scores: dict[int, float] = {}
        evidence: dict[int, float] = {}
        why: dict[int, list[tuple[str, float]]] = {}
        add_score, add_evidence = scores.get, evidence.get
        for stem_, term_weight in self.query_terms(query).items():
            positions, contributions = self._scoring[stem_]
            for position, contribution in zip(positions, contributions, strict=True):
                scores[position] = add_score(position, 0.0) + contribution * term_weight
            for position, strength in self._evidence[stem_]:
                evidence[position] = add_evidence(position, 0.0) + strength
            if explain:
                for position, contribution in zip(positions, contributions, strict=True):
                    why.setdefault(position, []).append((stem_, contribution * term_weight))
        negatives = self.negative_terms(query)
        lowered: set[int] = set()
        if negatives:
            earned = dict(scores)
            lower(scores, self._postings, negatives, why if explain else None)
            lowered = {p for p, before in earned.items() if scores[p] < before}
            if IN_HOUSE.intersection(read_intent(query).negated):
                own = {p for p in scores if self._resources[p].origin is Origin.AGENCY}
                lowered |= lower_all(scores, own)
        matched = {p for p, amount in evidence.items() if amount >= 1.0 and scores[p] > 0}
        if not matched:
            return []
        for p, (boost, reason) in self._boosts.items():
            if p in matched:
                scores[p] *= boost
                if explain:
                    why.setdefault(p, []).append((reason, 0.0))
        floor = max(scores[p] for p in matched) * RELATIVE_FLOOR
        tiebreak = self._tiebreak
        kept = [p for p in matched if scores[p] >= floor]
        if not self.regions:
            far = dict.fromkeys(kept, False)
        else:
            named = self.regions.places(query)
            far = {p: self.regions.far(self._resources[p], named) for p in kept}
        best = heapq.nsmallest(limit, kept, key=lambda p: (far[p], -scores[p], tiebreak[p]))
        return [
            Hit(self._resources[p], scores[p], tuple(why.get(p, ())), far[p], p in lowered)
            for p in best
        ]

    def stems(self, words: frozenset[str]) -> frozenset[str]:
        """The terms `words` are looked up as (for `names_a_topic` and `matched_beyond`)."""
        return frozenset(self._stem(w) for w in words)

    def names_a_topic(self, query: str, ignored: frozenset[str]) -> bool:
        """Whether a term of `query`, other than the `ignored` ones, says what some entry
        is about ("bill" in "please help, behind on every bill")."""
        return any(self._evidence[t] for t in self.query_terms(query) if t not in ignored)

    def matched_beyond(self, query: str, resource: Resource, ignored: frozenset[str]) -> bool:
        """Whether `resource` matched a term of `query` other than the `ignored` ones
        ("gambling" in "need help, my gambling", where "help" is a word of a plea)."""
        position = self._positions.get(resource.id)
        return any(
            position in self._members_of(stem_)
            for stem_ in self.query_terms(query)
            if stem_ not in ignored
        )

    def refuses_only(self, query: str) -> bool:
        """Whether `query` turns kinds of help down and names nothing it is about ("no peer
        team, they gossip", "dont want my department to find out"): a plea for the rest."""
        intent = read_intent(query)
        if not intent.negated:
            return False
        if any(self._respelled(w) in KINDS_OF_HELP for w in intent.kept):
            return False  # "a cop, not a shrink" asks for a kind of help
        return not self.names_a_topic(query, self._refusing_terms)

    def turned_down(self, query: str, resources: Sequence[Resource]) -> set[str]:
        """The ids of `resources` the asker said they do not want: entries about a turned-down
        word, and every agency-run one when the agency itself is turned down ("nobody from
        work")."""
        negated = read_intent(query).negated
        if not negated:
            return set()
        down = set()
        if IN_HOUSE.intersection(negated):
            down = {r.id for r in resources if r.origin is Origin.AGENCY}
        about = self._terms([w for w in negated if w not in IN_HOUSE])
        strong = {p for t in about for p, strength in self._evidence.get(t, ()) if strength >= 1}
        return down | {r.id for r in resources if self._positions.get(r.id) in strong}

    def _members_of(self, stem_: str) -> frozenset[int]:
        members = self._members.get(stem_)
        if members is None:  # built the first time a term is asked about
            members = self._members[stem_] = frozenset(self._scoring[stem_][0])
        return members
