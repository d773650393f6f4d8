"""The directory: national resources merged with the agency's, in display order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from core.domain.resources import Category, Resource
from core.domain.roles import EAP, PEER, agency_role

# 988 and Copline both take calls from people worried about someone else (facts/resources.md).
FOR_SOMEONE_ELSE = ("lifeline-988", "copline")


@dataclass(frozen=True)
class Directory:
    """Resources in order (agency first), the categories, and lookups by id."""

    resources: tuple[Resource, ...]
    categories: tuple[Category, ...]
    _by_id: dict[str, Resource] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.resources})

    @classmethod
    def merged(
        cls,
        national: Sequence[Resource],
        agency: Sequence[Resource],
        categories: Iterable[Category],
    ) -> Directory:
        """Agency entries first; an agency entry with a national id replaces that entry."""
        replaced = {r.id for r in agency}
        kept = [r for r in national if r.id not in replaced]
        return cls(tuple(agency) + tuple(kept), tuple(categories))

    def get(self, resource_id: str) -> Resource | None:
        return self._by_id.get(resource_id)

    def category(self, key: str) -> Category | None:
        """A category by id or display name, case and spacing ignored."""
        wanted = " ".join(key.lower().replace("-", " ").split())
        for category in self.categories:
            if wanted in (category.id.replace("-", " "), category.name.lower()):
                return category
        return None

    def in_category(self, category_id: str) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if category_id in r.categories)

    def lines_for_someone_else(self) -> tuple[Resource, ...]:
        """Lines that take calls from people worried about someone: 988 and Copline."""
        by_id = {r.id: r for r in self.resources}
        lines = tuple(by_id[i] for i in FOR_SOMEONE_ELSE if i in by_id)
        return lines or self.crisis_lines()

    def talk_lines(self, asker: str | None = None) -> tuple[Resource, ...]:
        """The people who talk to officers, for a plea with no topic ("i need help"): the
        agency's own peer team and counselling first, then Copline, 988 and the text line.
        When the asker says who they are (an audience: "dispatchers", "corrections"), the
        national entries that name that audience come before those, and Copline (for
        officers) after 988 and the text line."""
        own = [
            next((r for r in self.resources if not r.crisis and agency_role(r) == role), None)
            for role in (PEER, EAP)
        ]
        theirs = [r for r in self.resources if asker in r.audience and r.origin.value != "agency"]
        national = sorted(
            (r for r in self.resources if r.crisis and r.origin.value != "agency"),
            # Copline first for officers; a line for everyone first for an asker it
            # does not name (a dispatcher, a CO)
            key=lambda r: (r.id != "copline") != bool(theirs),
        )
        agency_lines = [r for r in self.resources if r.crisis and r.origin.value == "agency"]
        mine = [r for r in own if r is not None]
        return tuple(dict.fromkeys(mine + agency_lines + theirs + national))

    def crisis_lines(self) -> tuple[Resource, ...]:
        """Crisis lines: the national ones first (988 leads), then the agency's own."""
        lines = [r for r in self.resources if r.crisis]
        return tuple(sorted(lines, key=lambda r: r.origin.value == "agency"))
