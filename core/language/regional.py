"""Where an entry serves: a regional entry for another state waits behind every national one."""

from __future__ import annotations

from collections.abc import Sequence

from core.domain.regions import regions_named
from core.domain.resources import Resource
from core.language.text import normalize


class Regions:
    """The directory's regional entries, and the agency's own region ("US" when unset)."""

    def __init__(self, resources: Sequence[Resource], region: str = "US") -> None:
        self._region = region
        # Regional entries, by the squeezed id and name a query may call them by.
        self._regional = [
            (r.id.replace("-", ""), normalize(r.name).replace(" ", ""), r.region)
            for r in resources
            if r.region != "US"
        ]

    def __bool__(self) -> bool:
        return bool(self._regional)

    def places(self, query: str) -> set[str]:
        """The regions `query` names: states ("in nj"), and the regions of the regional
        entries it names ("cop2cop", "hundred club"): asking for one is no accident."""
        if not self._regional:
            return set()
        plain = normalize(query)
        named = regions_named(plain)
        squeezed = plain.replace(" ", "")
        named.update(r for i, n, r in self._regional if i in squeezed or n in squeezed)
        return named

    def far(self, resource: Resource, named: set[str]) -> bool:
        """A regional entry for somewhere else, shown only after every national match:
        another state than the one the query names ("new york cop peer line"), or, when
        the query names none, than the agency's region (if its file names one)."""
        region = resource.region
        if region == "US":
            return False
        if named:
            return region not in named
        return self._region != "US" and region != self._region
