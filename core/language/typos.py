"""Typo tolerance: the directory word a mistyped query word most likely meant."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

CACHE_SIZE = 4096


def max_typos(word: str) -> int:
    """Edits tolerated for a word: none below 5 letters, then one, then two from 10."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 10 else 2


class Typos:
    """Corrects words toward a vocabulary (each word → what to answer for it: its stem, or
    itself), with a bounded cache. A swap of two letters ("anxeity") is one edit."""

    def __init__(self, vocabulary: Mapping[str, str]) -> None:
        self._stems = dict(vocabulary)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self._stems):
            self._by_initial.setdefault(word[0], []).append(word)
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The stem of the closest vocabulary word within the typo budget, if any.

        Typos rarely hit the first letter, and allowing it turns real words into
        others ("thinking" → "drinking"), so candidates share the first letter.
        """
        if word in self._cache:
            return self._cache[word]
        budget = max_typos(word)
        found: str | None = None
        candidates = self._by_initial.get(word[0], []) if budget else []
        if candidates:
            match = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=budget)
            if match is not None:
                found = self._stems[match[0]]
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = found
        return found
