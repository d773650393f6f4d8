"""Issue 13: pleas, negation, the agency's region and acronyms, through the real lookup."""

from __future__ import annotations

import dataclasses

import pytest

from bench.bench_lookups import NOT_FOR_A_PLEA
from bots.bootstrap_services import Services, build_services
from core.datafiles.loader import Bundle, DataPaths, load_bundle
from core.language.crisis import Concern
from core.language.intent import read_intent
from tests.conftest import DATA, TODAY


@pytest.fixture(scope="module")
def illinois() -> Services:
    bundle: Bundle = load_bundle(DataPaths(DATA, DATA / "agency.example.yaml"), TODAY)
    assert bundle.agency.region == "US-IL"  # the example agency file names its state
    return build_services(bundle)


def _ids(services: Services, query: str) -> list[str]:
    return [r.id for r in services.lookup(query).resources]


@pytest.mark.parametrize("query", ["i need help", "please help me", "pls help", "who do i call"])
def test_a_plea_brings_the_people_who_talk_to_officers(services: Services, query: str) -> None:
    ids = _ids(services, query)
    assert ids[:3] == ["copline", "lifeline-988", "crisis-text-line"]
    assert not NOT_FOR_A_PLEA & set(ids)


def test_with_an_agency_a_plea_brings_its_peer_team_first(illinois: Services) -> None:
    ids = _ids(illinois, "i need someone to talk to")
    assert ids[:2] == ["metro-peer-team", "metro-eap"] and "copline" in ids[:4]


def test_a_query_with_a_topic_is_not_a_plea() -> None:
    assert read_intent("i need help").plea
    assert not read_intent("i need help with my drinking").plea


def test_what_the_asker_does_not_want_counts_against_it(services: Services) -> None:
    intent = read_intent("talk to a cop, not a shrink")
    assert intent.negated == ("shrink",) and "shrink" not in intent.kept
    assert _ids(services, "talk to a cop not a shrink")[0] == "copline"


def test_another_states_entry_comes_after_every_national_match(illinois: Services) -> None:
    found = illinois.lookup("money for the family of a fallen officer").resources
    regions = [r.region for r in found]
    assert "US-CT" in regions and "US" not in regions[regions.index("US-CT") :]
    assert _ids(illinois, "connecticut fallen officer money for his family")[0] == "hundred-club"


def test_without_a_region_regional_entries_rank_on_relevance(services: Services) -> None:
    assert "hundred-club" in _ids(services, "money for the family of a fallen officer")[:3]


@pytest.mark.parametrize(
    "query", ["EAP", "employee assistance", "free counseling through the department"]
)
def test_the_agencys_eap_answers_eap(illinois: Services, query: str) -> None:
    assert _ids(illinois, query)[0] == "metro-eap"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ptsd", None),
        ("post traumatic stress", None),
        ("IOD, cant go back to work", "wounded-blue"),
        ("lost my paycheck on draftkings", "ncpg-helpline"),
        ("cop 2 cop", "cop2cop"),
    ],
)
def test_acronyms_and_slang(services: Services, query: str, first: str | None) -> None:
    ids = _ids(services, query)
    assert ids, query
    if first is not None:
        assert ids[0] == first


def test_explain_says_why(services: Services) -> None:
    explained = services.lookup.explain("talk to a cop not a shrink")
    plea, hits = explained.plea, explained.hits
    assert not plea and hits[0].resource.id == "copline"
    # a national entry with nothing not wanted: its score is exactly what its terms added
    assert hits[0].score == pytest.approx(sum(amount for _, amount in hits[0].why))
    hits = services.lookup.explain("depression not a hotline").hits
    assert any(term == "not hotlin" for hit in hits for term, _ in hit.why)


def test_a_bad_region_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.errors import DataError

    agency = tmp_path / "agency.yaml"
    agency.write_text("agency:\n  name: X\n  region: Illinois\nresources: []\n")
    with pytest.raises(DataError) as raised:
        load_bundle(DataPaths(DATA, agency), TODAY)
    assert "region" in str(raised.value.problems[0])


def test_regions_compare_in_upper_case() -> None:
    from core.domain.regions import regions_named

    assert regions_named("new jersey peer line") == {"US-NJ"}
    assert regions_named("help in ct") == {"US-CT"}
    assert dataclasses.is_dataclass(read_intent("x"))


@pytest.mark.parametrize("query", ["not sleeping", "no money for rent", "my kids dont understand"])
def test_a_state_is_not_turned_down(query: str) -> None:
    """Only kinds of help can be not wanted: "not sleeping" is the problem itself."""
    assert read_intent(query).negated == ()


def test_what_is_not_wanted_lowers_an_entry_but_never_drops_it(services: Services) -> None:
    """ "drinking, not rehab": rehab's synonyms touch every alcohol entry; they rank lower, but
    the answer is never empty."""
    assert _ids(services, "drinking, not rehab")[:2] == ["copline", "samhsa-helpline"]


@pytest.mark.parametrize("query", ["someone i can call 24/7", "i need a real person not a bot"])
def test_more_pleas(services: Services, query: str) -> None:
    assert _ids(services, query)[:3] == ["copline", "lifeline-988", "crisis-text-line"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("my husbands on swat and keeps gambling his checks away", "ncpg-helpline"),
        ("scared of my husband. hes a cop and says no one will believe me", "dv-hotline"),
        ("my son's a rookie and i think hes using coke", "samhsa-helpline"),
    ],
)
def test_a_worry_without_words_of_risk_gets_its_answer_first(
    services: Services, query: str, first: str
) -> None:
    result = services.lookup(query)
    assert result.concern is Concern.OTHER
    ids = [r.id for r in result.resources]
    assert ids[0] == first
    assert {r.id for r in result.lead} == {"lifeline-988", "copline"} == set(ids[1:3])


@pytest.mark.parametrize(
    "query",
    ["my partner keeps talking about ending it", "my son is a trooper and might be suicidal"],
)
def test_someone_elses_risk_puts_the_lines_first(services: Services, query: str) -> None:
    result = services.lookup(query)
    assert result.concern is Concern.OTHER and not result.first
    assert [r.id for r in result.resources[:2]] == ["lifeline-988", "copline"]


def test_explain_says_when_work_talk_is_read_as_asking_for_nothing(services: Services) -> None:
    explained = services.lookup.explain("range day sign up")
    assert explained.nothing and not explained.hits and not explained.plea


def test_a_query_that_names_a_state_puts_other_states_entries_last(services: Services) -> None:
    ids = _ids(services, "New York cop peer line")
    assert ids[0] == "copline" and ("cop2cop" not in ids or ids.index("cop2cop") >= 3)
    assert _ids(services, "new jersey cop peer line")[0] == "cop2cop"


@pytest.mark.parametrize(
    ("query", "first"), [("cop2cop", "cop2cop"), ("hundred club", "hundred-club")]
)
def test_a_regional_entry_asked_for_by_name_comes_first_anywhere(
    illinois: Services, query: str, first: str
) -> None:
    assert _ids(illinois, query)[0] == first


@pytest.mark.parametrize(
    ("query", "plea"),
    [
        ("not religious, just want to talk", True),
        ("no hotline, just someone to talk to", True),
        ("talk to a cop not a shrink", False),  # asks for a kind of help
    ],
)
def test_a_plea_is_read_once_the_refusals_are_out(query: str, plea: bool) -> None:
    assert read_intent(query).plea is plea


@pytest.mark.parametrize(
    "query",
    ["im a dispatcher, who can i talk to", "corrections officer need to talk to somebody"],
)
def test_a_plea_from_dispatch_or_corrections_brings_what_serves_them(
    services: Services, query: str
) -> None:
    ids = _ids(services, query)
    assert ids[0] == "serve-and-protect"  # names dispatch and corrections in its audience
    assert ids.index("lifeline-988") < ids.index("copline")  # Copline is for officers


@pytest.mark.parametrize("query", ["deputy needing some support tonight", "hlep me"])
def test_pleas_in_other_words(services: Services, query: str) -> None:
    assert _ids(services, query)[0] == "copline"
