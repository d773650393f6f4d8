"""Expand how officers talk into the directory's words, phrase by phrase."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.language.text import normalize


class SynonymTable:
    """Longest-phrase-first matching of spoken phrases to directory words."""

    def __init__(self, phrases: Mapping[str, Sequence[str]]) -> None:
        self._table: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrase, targets in phrases.items():
            key = tuple(normalize(phrase).split())
            if not key:
                continue
            words = tuple(w for t in targets for w in normalize(t).split())
            self._table[key] = tuple(dict.fromkeys(self._table.get(key, ()) + words))
        self._longest = max((len(k) for k in self._table), default=0)

    def __len__(self) -> int:
        return len(self._table)

    def spoken_words(self) -> set[str]:
        """Every word of the phrases people say: what a mistyped query word may have meant."""
        return {word for key in self._table for word in key}

    def expand(self, tokens: Sequence[str]) -> list[str]:
        """The directory words that the phrases in `tokens` stand for (not the tokens)."""
        added: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                targets = self._table.get(tuple(tokens[i : i + size]))
                if targets is not None:
                    added.extend(targets)
                    i += size
                    break
            else:
                i += 1
        return added
