"""One lookup: crisis detection first, then ranked search, crisis lines leading."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.crisis import CrisisDetector
from core.directory import Directory
from core.resources import Resource
from core.search import SearchIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LookupResult:
    crisis: bool
    resources: tuple[Resource, ...]  # ranked; the crisis lines first when `crisis`
    search_failed: bool = False

    @property
    def crisis_lines(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.crisis) if self.crisis else ()


class Lookup:
    """Answers a query. The crisis lines go out even if search itself breaks."""

    def __init__(self, directory: Directory, index: SearchIndex, detector: CrisisDetector) -> None:
        self._directory = directory
        self._index = index
        self._detector = detector

    def is_crisis(self, text: str) -> bool:
        try:
            return self._detector.is_crisis(text)
        except Exception:  # a detector fault must not hide the lines: err toward them
            log.exception("crisis detection failed; showing the crisis lines")
            return True

    def __call__(self, query: str, *, crisis: bool | None = None) -> LookupResult:
        if crisis is None:
            crisis = self.is_crisis(query)
        try:
            found = [hit.resource for hit in self._index.search(query)]
            failed = False
        except Exception:
            log.exception("search failed")
            found, failed = [], True
        if not crisis:
            return LookupResult(False, tuple(found), failed)
        lines = self._directory.crisis_lines()
        rest = [r for r in found if r not in lines]
        return LookupResult(True, lines + tuple(rest), failed)
