"""One lookup: crisis detection first, then ranked search, the right lines leading."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from core.domain.directory import Directory
from core.domain.resources import Resource
from core.language.crisis import Assessment, Concern, CrisisDetector
from core.language.hits import Hit, Searcher
from core.language.intent import asker, read_intent

log = logging.getLogger(__name__)

ASSUME_CRISIS = Assessment(Concern.SELF)


@dataclass(frozen=True)
class Explanation:
    """Why a lookup answers as it does: the crisis reading, whether it reads as a plea or
    as work talk asking for no help, and the ranked hits with what each term added."""

    assessment: Assessment
    plea: bool
    nothing: bool
    hits: list[Hit]


@dataclass(frozen=True)
class LookupResult:
    concern: Concern | None
    resources: tuple[Resource, ...]  # ranked; the lines for the concern first
    search_failed: bool = False
    leading: int = 0  # how many of `resources` are the lines for the concern
    ahead: int = 0  # how many best matches come before those lines (a worry with no risk words)

    @property
    def crisis(self) -> bool:
        return self.concern is Concern.SELF

    @property
    def first(self) -> tuple[Resource, ...]:
        """The best match, ahead of the lines, when someone is worried but no risk is said."""
        return self.resources[: self.ahead]

    @property
    def lead(self) -> tuple[Resource, ...]:
        """The crisis lines (the writer's crisis) or the lines for someone else (worry)."""
        return self.resources[self.ahead : self.ahead + self.leading]

    @property
    def rest(self) -> tuple[Resource, ...]:
        return self.resources[self.ahead + self.leading :]


class Lookup:
    """Answers a query. The crisis lines go out even if search itself breaks."""

    def __init__(
        self,
        directory: Directory,
        index: Searcher,
        detector: CrisisDetector,
        reads_as_plea: Callable[[str], bool] | None = None,
        reads_as_nothing: Callable[[str], bool] | None = None,
    ) -> None:
        self._directory = directory
        self._index = index
        self._detector = detector
        self._reads_as_plea = reads_as_plea  # the learned reading, beside the word lists
        self._reads_as_nothing = reads_as_nothing  # for --explain: why nothing was found

    def is_plea(self, query: str) -> bool:
        """A plea for help with no topic: the word lists' reading, or the learned one where
        a word pleas are made of is there ("shift bid" is no plea, however short)."""
        intent = read_intent(query)
        if intent.plea:
            return True
        try:
            if intent.negated and self._index.refuses_only(query) and not self._is_work_talk(query):
                return True  # "no peer team, they gossip": the other people who listen
            return intent.cued and self._reads_as_plea is not None and self._reads_as_plea(query)
        except Exception:  # the learned reading is a refinement: never a reason to fail
            log.exception("plea reading failed")
            return False

    def _is_work_talk(self, query: str) -> bool:
        """The learned reading of work talk that asks for no help ("no peer team meeting")."""
        return self._reads_as_nothing is not None and self._reads_as_nothing(query)

    def _talk_lines(self, query: str) -> tuple[Resource, ...]:
        """The people who talk to officers, those the asker turned down last."""
        lines = self._directory.talk_lines(asker(query))
        if not read_intent(query).negated:
            return lines
        try:
            down = self._index.turned_down(query, lines)
        except Exception:
            log.exception("negation reading failed")
            return lines
        return tuple(sorted(lines, key=lambda r: r.id in down))

    def assess(self, text: str) -> Assessment:
        try:
            return self._detector.assess(text)
        except Exception:  # a detector fault must not hide the lines: err toward them
            log.exception("crisis detection failed; showing the crisis lines")
            return ASSUME_CRISIS

    def explain(self, query: str) -> Explanation:
        """What `wellcheck lookup --explain` prints."""
        nothing = self._is_work_talk(query)
        hits = self._index.search(query, explain=True)
        return Explanation(self.assess(query), self.is_plea(query), nothing, hits)

    def negated(self, query: str) -> tuple[str, ...]:
        return read_intent(query).negated

    def __call__(self, query: str, assessment: Assessment | None = None) -> LookupResult:
        """Search `query`, the lines for its concern first (assessed here unless given)."""
        assessment = assessment or self.assess(query)
        concern = assessment.concern
        if concern is None and self.is_plea(query):
            return LookupResult(None, self._talk_lines(query))
        try:
            found = [hit.resource for hit in self._index.search(query)]
            failed = False
        except Exception:
            log.exception("search failed")
            found, failed = [], True
        if concern is None:
            intent = read_intent(query)
            if not found and not failed and intent.negated and intent.cued:
                # "no cops, want a civilian to talk to": the rest of the people who listen
                return LookupResult(None, self._talk_lines(query))
            return LookupResult(None, tuple(found), failed)
        lines = (
            self._directory.crisis_lines()
            if concern is Concern.SELF
            else self._directory.lines_for_someone_else()
        )
        rest = tuple(r for r in found if r not in lines)
        if concern is Concern.OTHER and not assessment.someone_at_risk and found:
            # worry with no words of risk ("my husband keeps gambling his checks away"): what
            # was asked about first, then the lines that take calls about someone
            lines = tuple(sorted(lines, key=lambda r: found.index(r) if r in found else len(found)))
            if found[0] not in lines:
                return LookupResult(concern, rest[:1] + lines + rest[1:], failed, len(lines), 1)
        return LookupResult(concern, lines + rest, failed, len(lines))
