"""An agency file written in its own words: its EAP, peer team and chaplain are still found."""

from __future__ import annotations

import pytest

from bench.bench_lookups import NOT_FOR_A_PLEA
from bots.bootstrap_services import Services, build_services
from core.datafiles.loader import DataPaths, load_bundle
from core.language.ranking import role_of
from tests.conftest import DATA, TODAY

LAKESIDE = DATA.parent / "tests" / "corpus" / "agencies" / "lakeside.yaml"


@pytest.fixture(scope="module")
def lakeside() -> Services:
    return build_services(load_bundle(DataPaths(DATA, LAKESIDE), TODAY))


def _ids(services: Services, query: str) -> list[str]:
    return [r.id for r in services.lookup(query).resources]


def test_roles_come_from_what_the_agency_calls_them(lakeside: Services) -> None:
    roles = {
        r.id: role_of(r) for r in lakeside.bundle.directory.resources if r.id.startswith("lcso")
    }
    assert roles == {
        "lcso-eap": "agency:eap",
        "lcso-wellness": "agency:peer",
        "lcso-chaplaincy": "agency:chaplain",
    }


@pytest.mark.parametrize(
    "query", ["EAP", "eap", "employee assistance", "free counseling through the department"]
)
def test_the_eap_comes_first(lakeside: Services, query: str) -> None:
    assert _ids(lakeside, query)[0] == "lcso-eap"


@pytest.mark.parametrize("query", ["i need help", "need someone to talk to", "help"])
def test_a_plea_brings_the_agency_people_and_no_programme(lakeside: Services, query: str) -> None:
    top = _ids(lakeside, query)[:5]
    assert "lcso-wellness" in top[:2]
    assert not NOT_FOR_A_PLEA & set(top[:3])


def test_the_chaplaincy_answers_for_a_chaplain(lakeside: Services) -> None:
    assert _ids(lakeside, "talk to a chaplain")[0] == "lcso-chaplaincy"
