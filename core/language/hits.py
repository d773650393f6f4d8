"""What a search returns, and what a lookup searches with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.domain.resources import Resource

# A chat answer pages through 4 at a time and "more" carries 40 ids; JSON gets the same.
MAX_RESULTS = 50


class Searcher(Protocol):
    """What a lookup searches with: the keyword index, or the index with learned ranking."""

    def search(
        self, query: str, limit: int = MAX_RESULTS, *, explain: bool = False
    ) -> list[Hit]: ...

    def refuses_only(self, query: str) -> bool:
        """Whether `query` only turns kinds of help down ("no peer team, they gossip")."""
        ...

    def turned_down(self, query: str, resources: Sequence[Resource]) -> set[str]:
        """The ids of `resources` that are kinds of help `query` turns down."""
        ...


@dataclass(frozen=True)
class Hit:
    resource: Resource
    score: float
    why: tuple[tuple[str, float], ...] = ()  # (term, what it added), for --explain
    far: bool = False  # another state's regional entry: after every national match
    turned_down: bool = False  # about something the asker said they do not want
