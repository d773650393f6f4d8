"""Resilience tips and the order each recipient walks through them."""

from __future__ import annotations

from dataclasses import dataclass

TIP_TAGS = frozenset(
    {"sleep", "breathing", "connection", "critical-incident", "family", "body", "money", "faith"}
)


@dataclass(frozen=True)
class Tip:
    id: str
    text: str
    tags: tuple[str, ...]
    resource: str | None = None
