"""Teams with several agencies: one bot (authenticated, through the real CloudAdapter and the
loopback Bot Connector) serving many tenants; each activity's tenant picks the agency, and a
tenant no agency names is answered kindly while nothing about it is stored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.e2e.teams_cases import adaptive_card, card_ids
from tests.fakes.bot_connector import FakeConnector
from tests.processes import run_cli
from tests.teams_harness import TeamsHarness, sample, teams_app
from tests.unit.test_agencies import TENANT_A, TENANT_B, agency_file

STRANGER = "00000000-1111-4222-8333-444444444444"


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "agencies"
    folder.mkdir()
    (folder / "lakeside.yaml").write_text(
        agency_file(
            "Lakeside PD", "lakeside-peers", f"  teams_tenants: [{TENANT_A}]", "+1 608 555 2368"
        )
    )
    (folder / "hillcrest.yaml").write_text(
        agency_file(
            "Hillcrest Sheriff",
            "hillcrest-peers",
            f"  teams_tenants: [{TENANT_B}]",
            "+1 608 555 2399",
        )
    )
    return folder


def from_tenant(connector: FakeConnector, tenant: str, user: str, text: str) -> dict[str, Any]:
    activity = sample("teams-personal-message.json", connector)
    activity["channelData"] = {"tenant": {"id": tenant}}
    activity["conversation"]["tenantId"] = tenant
    activity["conversation"]["id"] = f"a:1{user}"
    activity["from"]["id"] = f"29:{user}"
    activity["id"] = f"{user}-{text[:4]}"
    activity["text"] = text
    return activity


def stored(db: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT * FROM {table}").fetchall()


async def ask(teams: TeamsHarness, activity: dict[str, Any]) -> list[str]:
    before = len(teams.connector.messages())
    assert (await teams.send(activity)).status in (200, 201)
    sent = await teams.wait_for(before + 1)
    return card_ids(adaptive_card(sent[-1].body))


async def test_each_tenant_sees_only_its_agency(connector: FakeConnector, tmp_path: Path) -> None:
    db = tmp_path / "wc.db"
    async with teams_app(connector, db, agencies_dir=folder_of(tmp_path)) as teams:
        lake = await ask(teams, from_tenant(connector, TENANT_A, "lake1", "peer support"))
        hill = await ask(teams, from_tenant(connector, TENANT_B.upper(), "hill1", "peer support"))
    assert "lakeside-peers" in lake and "hillcrest-peers" not in lake
    assert "hillcrest-peers" in hill and "lakeside-peers" not in hill
    tenants = {row[2] for row in stored(db, "conversations")}
    assert tenants == {TENANT_A, TENANT_B.upper()}


async def test_a_tenant_not_enrolled_is_told_so_and_nothing_is_kept(
    connector: FakeConnector, tmp_path: Path
) -> None:
    db = tmp_path / "wc.db"
    async with teams_app(connector, db, agencies_dir=folder_of(tmp_path)) as teams:
        ids = await ask(teams, from_tenant(connector, STRANGER, "x1", "peer support"))
        reply = json.dumps(teams.connector.messages()[-1].body)
        await ask(teams, from_tenant(connector, STRANGER, "x1", "subscribe daily at 07:00"))
        crisis = await ask(teams, from_tenant(connector, STRANGER, "x1", "i want to die tonight"))
    assert "has not enabled WellCheck yet" in reply
    assert ids == ["lifeline-988", "copline", "crisis-text-line"]
    assert crisis[:3] == ["lifeline-988", "copline", "crisis-text-line"]
    assert stored(db, "conversations") == [] and stored(db, "subscriptions") == []
    assert stored(db, "usage_people") == []
    assert stored(db, "seen_events") == []


async def test_removing_an_agency_forgets_its_tenants_people_only(
    connector: FakeConnector, tmp_path: Path
) -> None:
    db = tmp_path / "wc.db"
    folder = folder_of(tmp_path)
    async with teams_app(connector, db, agencies_dir=folder) as teams:
        for tenant, user in ((TENANT_A, "lake1"), (TENANT_B, "hill1")):
            await ask(teams, from_tenant(connector, tenant, user, "subscribe daily at 07:00"))
    assert len(stored(db, "subscriptions")) == 2
    done = run_cli(
        "forget",
        "--platform",
        "teams",
        "--workspace",
        TENANT_A,
        env={"WELLCHECK_DATABASE_URL": f"sqlite:///{db}", "WELLCHECK_AGENCIES_DIR": str(folder)},
    )
    assert done.returncode == 0, done.stderr
    assert [row[3] for row in stored(db, "subscriptions")] == [TENANT_B]
    assert {row[2] for row in stored(db, "conversations")} == {TENANT_B}
