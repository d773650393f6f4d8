"""Search answers the sample lookups, returns [] for nothing, and ranks deterministically."""

from __future__ import annotations

import pytest
import yaml

from bots.bootstrap_services import Services, build_services
from core.domain.resources import Resource
from core.language.search import SearchIndex
from core.language.synonyms import SynonymTable
from core.language.text import make_stemmer
from tests.conftest import SAMPLES

QUERIES = yaml.safe_load((SAMPLES / "queries.yaml").read_text())


def _ids(services: Services, query: str) -> list[str]:
    return [r.id for r in services.lookup(query).resources]


@pytest.mark.parametrize("case", QUERIES["topic"], ids=[c["q"] for c in QUERIES["topic"]])
def test_sample_topic_lands_in_top_three(services: Services, case: dict) -> None:
    result = services.lookup(case["q"])
    assert not result.crisis
    assert set(case["want"]) <= set(r.id for r in result.resources[:3])


@pytest.mark.parametrize("query", QUERIES["nothing"])
def test_sample_nothing_gives_empty(services: Services, query: str) -> None:
    assert _ids(services, query) == []


@pytest.mark.parametrize(
    ("query", "want"),
    [
        ("booze", "copline"),
        ("drinking too much", "copline"),
        ("split up with my husband", "copline"),
        ("can't sleep after nights", "copline"),
        ("line of duty death", "cops-survivors"),
        ("mass shooting", "disaster-distress"),
        ("widow of a fallen officer", "hundred-club"),
        ("resiliance trainng", "iacp-resilience"),
        ("new jersey peer line", "cop2cop"),
        ("retreat for ptsd", "frsn"),
        ("kids of a fallen officer", "cops-survivors"),
    ],
)
def test_how_officers_talk_reaches_the_directory(services: Services, query: str, want: str) -> None:
    assert want in _ids(services, query)[:3]


@pytest.mark.parametrize(
    "query", ["", "   ", "the", "?!", "hello there", "xyzzy qwerty", "shooting range this weekend"]
)
def test_nothing_distinctive_means_empty_not_everything(services: Services, query: str) -> None:
    assert _ids(services, query) == []


def test_ranking_is_deterministic(services: Services, bundle) -> None:
    other = build_services(bundle)
    for case in QUERIES["topic"]:
        assert _ids(services, case["q"]) == _ids(other, case["q"]) == _ids(services, case["q"])


def test_agency_entries_rank_before_national_ones_of_equal_relevance() -> None:
    national = Resource(id="national-peers", name="Peers", topics=("alcohol",))
    agency = Resource(id="agency-peers", name="Peers", topics=("alcohol",))
    from core.domain.resources import Origin

    agency = Resource(**{**agency.__dict__, "origin": Origin.AGENCY})
    index = SearchIndex([national, agency], [], SynonymTable({}), make_stemmer())
    assert [h.resource.id for h in index.search("alcohol")] == ["agency-peers", "national-peers"]


def test_typos_are_tolerated_only_within_a_budget(services: Services) -> None:
    assert set(_ids(services, "alcohal")[:2]) == {"copline", "samhsa-helpline"}
    assert _ids(services, "divorse")[:1] == ["copline"]
    assert _ids(services, "alc") == []  # too short to guess


def test_agency_resources_are_searchable(agency_services: Services) -> None:
    assert _ids(agency_services, "chaplain")[:1] == ["metro-chaplain"]
    assert _ids(agency_services, "pray")[:1] == ["metro-chaplain"]
    assert _ids(agency_services, "eap")[:1] == ["metro-eap"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("insomina", "nami-helpline"), ("anxeity", "nami-helpline"), ("samsha", "samhsa-helpline")],
)
def test_a_word_nobody_knows_is_read_as_the_nearest_known_one(
    services: Services, typed: str, meant: str
) -> None:
    assert meant in _ids(services, typed)[:3]


def test_an_english_word_is_never_taken_for_a_typo(services: Services) -> None:
    assert _ids(services, "good morning all") == []  # not "mourning"
