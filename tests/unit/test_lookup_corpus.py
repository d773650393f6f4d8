"""Search quality on the labelled lookups (tests/corpus/lookups), as bench_lookups measures it.

The held-out file was written by a separate author and is never used to tune the search; the
floors here guard against regressions (the issue's targets and the current figures are in
bench/RESULTS.md).
"""

from __future__ import annotations

import dataclasses

import pytest

from bench.bench_lookups import NOT_FOR_A_PLEA
from bench.corpus import Lookup as Query
from bench.corpus import load_lookups
from bots.bootstrap import Services, build_services
from core.datafiles.loader import DataPaths, load_bundle
from tests.conftest import DATA, ROOT, TODAY

CORPUS = ROOT / "tests" / "corpus" / "lookups"


@pytest.fixture(scope="module")
def by_agency() -> dict[bool, Services]:
    plain = build_services(load_bundle(DataPaths(DATA), TODAY))
    bundle = load_bundle(DataPaths(DATA, DATA / "agency.example.yaml"), TODAY)
    bundle = dataclasses.replace(bundle, agency=dataclasses.replace(bundle.agency, region="US-IL"))
    return {False: plain, True: build_services(bundle)}


def _figures(services: dict[bool, Services], queries: list[Query]) -> tuple[float, float, int]:
    first = top3 = wrong_pleas = 0
    for query in queries:
        ids = [r.id for r in services[query.agency].lookup(query.text).resources]
        first += bool(ids) and ids[0] in query.want
        top3 += any(i in query.want for i in ids[:3])
        wrong_pleas += query.kind == "plea" and bool(NOT_FOR_A_PLEA & set(ids[:3]))
    return first / len(queries), top3 / len(queries), wrong_pleas


def test_train_floors(by_agency: dict[bool, Services]) -> None:
    first, top3, wrong_pleas = _figures(by_agency, load_lookups(CORPUS, ["train"]))
    assert first >= 0.76 and top3 >= 0.94 and wrong_pleas <= 2


def test_heldout_floors(by_agency: dict[bool, Services]) -> None:
    first, top3, wrong_pleas = _figures(by_agency, load_lookups(CORPUS, ["heldout"]))
    assert first >= 0.65 and top3 >= 0.85 and wrong_pleas <= 2


def test_every_label_names_a_directory_entry(by_agency: dict[bool, Services]) -> None:
    for query in load_lookups(CORPUS):
        directory = by_agency[query.agency].bundle.directory
        assert all(directory.get(i) is not None for i in query.want), query.text
