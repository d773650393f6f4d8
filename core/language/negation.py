"""What a refusal does to search scores: entries about what the asker does not want sink,
lower, never gone ("drinking, not rehab" still finds the alcohol lines)."""

from __future__ import annotations

from collections.abc import Mapping, Set

# An entry about what the asker does not want ("not a shrink") loses this much per term.
NEGATION_WEIGHT = 1.5
NEGATED_KEEPS = 0.3  # ... but it keeps this share of what its other words earned

Postings = Mapping[str, tuple[tuple[int, float, float], ...]]


def lower(
    scores: dict[int, float],
    postings: Postings,
    negatives: Set[str],
    why: dict[int, list[tuple[str, float]]] | None,
) -> None:
    """Take from each entry what the turned-down terms gave it, down to a floor that is
    lower the more of the entry is about them. `why` gathers the amounts for --explain."""
    earned = dict(scores)
    for stem_ in negatives:
        for position, contribution, _ in postings.get(stem_, ()):
            if position in scores:
                scores[position] -= contribution * NEGATION_WEIGHT
                if why is not None:
                    why.setdefault(position, []).append((f"not {stem_}", -contribution))
    for position, before in earned.items():
        lost = before - scores[position]
        floor = before * NEGATED_KEEPS * before / (before + lost) if lost > 0 else before
        scores[position] = max(scores[position], floor)


def lower_all(scores: dict[int, float], positions: Set[int]) -> set[int]:
    """Every entry at `positions` kept at the share a turned-down entry keeps ("nobody from
    work": the agency's own entries); the positions lowered."""
    for p in positions:
        scores[p] *= NEGATED_KEEPS
    return set(positions)
