"""Search quality on the labelled lookups (tests/corpus/lookups), as bench_lookups measures it.

The held-out file was written by a separate author and is never used to tune the search; the
floors here guard against regressions (the issue's targets and the current figures are in
bench/RESULTS.md).
"""

from __future__ import annotations

import pytest

from bench.bench_lookups import CORPUS, judged, ranked, services
from bench.corpus import Lookup as Query
from bench.corpus import load_lookups
from bots.bootstrap import Services
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def by_agency() -> dict[bool, Services]:
    return {agency: services(agency, TODAY) for agency in (False, True)}


def _figures(by_agency: dict[bool, Services], queries: list[Query]) -> tuple[float, float, int]:
    verdicts = [judged(ranked(by_agency, q), q) for q in queries]
    first, top3, wrong_pleas = (sum(column) for column in zip(*verdicts, strict=True))
    return first / len(queries), top3 / len(queries), wrong_pleas


def test_train_floors(by_agency: dict[bool, Services]) -> None:
    first, top3, wrong_pleas = _figures(by_agency, load_lookups(CORPUS, ["train"]))
    assert first >= 0.92 and top3 >= 0.95 and wrong_pleas <= 2


def test_heldout_floors(by_agency: dict[bool, Services]) -> None:
    first, top3, wrong_pleas = _figures(by_agency, load_lookups(CORPUS, ["heldout"]))
    assert first >= 0.88 and top3 >= 0.94 and wrong_pleas <= 1


def test_every_label_names_a_directory_entry(by_agency: dict[bool, Services]) -> None:
    for query in load_lookups(CORPUS):
        directory = by_agency[query.agency].bundle.directory
        assert all(directory.get(i) is not None for i in query.want), query.text
