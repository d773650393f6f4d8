"""Turning help down: "nobody from work", "no peer team", "not religious so no chaplain".
A refusal that names nothing else is a plea for the other people who listen, the ones
turned down last; a refusal of the department turns down what the agency runs itself."""

from __future__ import annotations

import pytest

from bots.bootstrap_services import Services
from core.language.intent import read_intent


def _ids(services: Services, query: str) -> list[str]:
    return [r.id for r in services.lookup(query).resources]


@pytest.mark.parametrize(
    ("query", "negated"),
    [
        ("dont want anyone from my dept knowing", ("dept",)),
        ("nobody from work can know about this", ("work",)),
        ("no peer team, they gossip", ("peer", "team")),
        ("no hotline, text only", ("hotline",)),  # the clause ends the refusal
        ("no chaplain, want a real counselor", ("chaplain",)),
        ("dont want the chaplain want a real counselor", ("chaplain",)),  # a second ask
    ],
)
def test_what_a_refusal_covers(query: str, negated: tuple[str, ...]) -> None:
    assert read_intent(query).negated == negated


@pytest.mark.parametrize(
    "query",
    [
        "dont want my department to find out",
        "nobody from work can know about this",
        "dont want anything tied to my department",
    ],
)
def test_turning_the_department_down_puts_the_agency_last(
    agency_services: Services, query: str
) -> None:
    ids = _ids(agency_services, query)
    assert ids[0] == "copline"
    assert {"metro-peer-team", "metro-eap"}.isdisjoint(ids[:3])


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("no peer team, they gossip", "metro-eap"),
        ("not religious so no chaplain", "metro-peer-team"),
        ("no 988, dont want a civilian", "metro-peer-team"),
    ],
)
def test_a_refusal_is_a_plea_for_the_rest(
    agency_services: Services, query: str, first: str
) -> None:
    assert _ids(agency_services, query)[0] == first


def test_a_refusal_with_no_match_still_finds_someone(services: Services) -> None:
    ids = _ids(services, "no cops, want a civilian to talk to")
    assert ids and ids[0] in {"lifeline-988", "crisis-text-line"}  # not Copline's retired cops


def test_a_topic_with_a_refusal_is_searched(services: Services) -> None:
    assert _ids(services, "drinking, not rehab")[0] == "copline"
