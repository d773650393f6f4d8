"""WELLCHECK_AGENCIES_DIR: one file per agency, checked together, and each message answered
by its own agency's responder (or kindly told its agency is not enrolled)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bots.agencies import Catalogue, load_catalogue
from bots.cli import main
from bots.settings import Settings
from core.datafiles.agencies import check_folder
from core.datafiles.loader import DataPaths
from core.domain.identity import Platform, UserRef
from core.domain.messages import IncomingMessage, Place
from core.errors import DataError
from core.services.agency_router import AgencyRouter
from tests.conftest import DATA, TODAY

TENANT_A = "11111111-2222-4333-8444-555555555555"
TENANT_B = "99999999-8888-4777-8666-555555555555"


def agency_file(name: str, peer_id: str, claims: str, phone: str) -> str:
    return f"""\
agency:
  name: {name}
  timezone: America/Chicago
{claims}
resources:
  - id: {peer_id}
    name: {name} Peer Support Team
    summary: Officers from our own ranks, on call around the clock.
    categories: [peer-support]
    topics: [peer, partner, critical incident]
    contact: {{phone: "{phone}"}}
    source: [peer team roster]
    verified: 2026-11-26
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "agencies"
    root.mkdir()
    (root / "lakeside.yaml").write_text(
        agency_file(
            "Lakeside PD",
            "lakeside-peers",
            f"  slack_teams: [TLAKE01]\n  teams_tenants: [{TENANT_A.upper()}]",
            "+1 608 555 2368",
        )
    )
    (root / "hillcrest.yaml").write_text(
        agency_file(
            "Hillcrest Sheriff",
            "hillcrest-peers",
            f"  slack_enterprise: EHILL01\n  teams_tenants: [{TENANT_B}]",
            "+1 608 555 2399",
        )
    )
    (root / "README.txt").write_text("not an agency file")
    return root


def catalogue(folder: Path) -> Catalogue:
    return load_catalogue(Settings(agencies_dir=folder), TODAY)


def router(found: Catalogue) -> AgencyRouter:
    responders = {key: services.responder for key, services in found.agencies.items()}
    return AgencyRouter(responders, found.tenancy, found.national.responder)


def ask(text: str, platform: Platform, workspace: str, enterprise: str = "") -> IncomingMessage:
    user = UserRef(platform, "U1", workspace, enterprise)
    return IncomingMessage(text, user, Place.DIRECT)


def ids_of(reply: object) -> list[str]:
    return [c.resource_id for s in reply.sections for c in s.cards]  # type: ignore[attr-defined]


def test_each_file_is_an_agency_with_the_national_directory_and_its_own(folder: Path) -> None:
    found = catalogue(folder)
    assert sorted(found.agencies) == ["hillcrest", "lakeside"]
    lakeside = found.agencies["lakeside"].bundle
    assert lakeside.agency.id == "lakeside" and lakeside.agency.slack_teams == ("TLAKE01",)
    assert lakeside.agency.teams_tenants == (TENANT_A,)  # lowercased
    ids = {r.id for r in lakeside.directory.resources}
    assert "lakeside-peers" in ids and "copline" in ids and "hillcrest-peers" not in ids


async def test_each_workspace_and_tenant_sees_only_its_agency(folder: Path) -> None:
    route = router(catalogue(folder))
    lake_slack = await route.reply(ask("peer support", Platform.SLACK, "TLAKE01"))
    hill_grid = await route.reply(ask("peer support", Platform.SLACK, "TANY99", "EHILL01"))
    lake_teams = await route.reply(ask("peer support", Platform.TEAMS, TENANT_A.upper()))
    hill_teams = await route.reply(ask("peer support", Platform.TEAMS, TENANT_B))
    for reply, mine, theirs in (
        (lake_slack, "lakeside-peers", "hillcrest-peers"),
        (hill_grid, "hillcrest-peers", "lakeside-peers"),
        (lake_teams, "lakeside-peers", "hillcrest-peers"),
        (hill_teams, "hillcrest-peers", "lakeside-peers"),
    ):
        assert mine in ids_of(reply) and theirs not in ids_of(reply)


async def test_a_workspace_no_agency_names_is_told_kindly_with_the_crisis_lines(
    folder: Path,
) -> None:
    route = router(catalogue(folder))
    stranger = ask("peer support", Platform.TEAMS, "00000000-0000-4000-8000-000000000000")
    assert not route.enrolled(stranger.user)
    reply = await route.reply(stranger)
    assert "has not enabled WellCheck yet" in (reply.sections[0].text or "")
    assert ids_of(reply) == ["lifeline-988", "copline", "crisis-text-line"]
    assert "lakeside-peers" not in ids_of(reply)
    crisis = await route.reply(ask("i want to die", Platform.SLACK, "TNOBODY"))
    assert crisis.crisis and ids_of(crisis)[:3] == ["lifeline-988", "copline", "crisis-text-line"]


def test_one_workspace_claimed_by_two_files_is_an_error_at_its_line(folder: Path) -> None:
    (folder / "newtown.yaml").write_text(
        agency_file("Copycat PD", "copycat-peers", "  slack_teams: [TLAKE01]", "+1 608 555 2300")
    )
    problems = [str(p) for p in check_folder(DataPaths(DATA), folder, TODAY) if p.is_error]
    assert problems == [
        f"{folder / 'newtown.yaml'}:4: Slack team TLAKE01 is already lakeside.yaml's: each "
        "workspace or tenant is one agency's"
    ]
    with pytest.raises(DataError):
        catalogue(folder)


def test_ids_that_are_not_slack_or_microsoft_ids_are_refused(folder: Path) -> None:
    (folder / "typo.yaml").write_text(
        agency_file(
            "Typo PD",
            "typo-peers",
            "  slack_teams: [lakeside-pd.slack.com]\n  teams_tenants: [contoso]",
            "+1 608 555 2301",
        )
    )
    messages = [p.message for p in check_folder(DataPaths(DATA), folder, TODAY) if p.is_error]
    assert any("is not a Slack team id" in m for m in messages)
    assert any("is not a Microsoft tenant id" in m for m in messages)


def test_an_agency_nobody_reaches_is_a_warning_and_a_bad_file_name_an_error(
    folder: Path,
) -> None:
    (folder / "Quiet Town.yaml").write_text(
        agency_file("Quiet Town PD", "quiet-peers", "", "+1 608 555 2302")
    )
    problems = check_folder(DataPaths(DATA), folder, TODAY)
    assert any("nobody reaches this agency" in p.message and not p.is_error for p in problems)
    assert any("the file name is the agency's id" in p.message and p.is_error for p in problems)


def test_validate_checks_the_whole_folder(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WELLCHECK_AGENCIES_DIR", str(folder))
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "lakeside: Lakeside PD, 1 own resources; reached in Slack team TLAKE01" in out
    assert "2 agencies in" in out
    (folder / "newtown.yaml").write_text(
        agency_file("Copycat PD", "copycat-peers", "  slack_teams: [TLAKE01]", "+1 608 555 2300")
    )
    assert main(["validate"]) == 1
    assert "already lakeside.yaml's" in capsys.readouterr().out


def test_one_agency_file_and_an_agencies_folder_do_not_go_together(folder: Path) -> None:
    settings = Settings(agency_file=DATA / "agency.example.yaml", agencies_dir=folder)
    assert any("not both" in p for p in settings.problems())


def test_one_tip_channel_named_by_two_agencies_is_an_error(folder: Path) -> None:
    channel = "tips:\n  channels:\n    - {platform: slack, channel: CSHARED, cron: '0 9 * * MON'}\n"
    for name in ("lakeside.yaml", "hillcrest.yaml"):
        (folder / name).write_text((folder / name).read_text() + channel)
    messages = [p.message for p in check_folder(DataPaths(DATA), folder, TODAY) if p.is_error]
    assert messages == [
        "tip channel CSHARED is already hillcrest.yaml's: a tip channel is one agency's"
    ]
