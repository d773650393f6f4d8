"""SIGHUP reads the agency files again while serving: a new agency is answered without a
restart, no request is dropped meanwhile, and a folder with an error changes nothing."""

from __future__ import annotations

import asyncio
import io
import os
import signal
from pathlib import Path

from bots.server import RUNTIME
from core.domain.identity import Platform, UserRef
from tests.e2e.test_teams_tenants import folder_of, from_tenant
from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, teams_app
from tests.unit.test_agencies import TENANT_A, agency_file

NEWTOWN = "12345678-aaaa-4bbb-8ccc-1234567890ab"


async def until(check: object, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "the reload never took"
        await asyncio.sleep(0.02)


def enrolled(teams: TeamsHarness, tenant: str) -> bool:
    runtime = teams.client.server.app[RUNTIME]
    return bool(runtime.responder.enrolled(UserRef(Platform.TEAMS, "29:x", tenant)))


async def test_sighup_enrols_a_new_agency_without_dropping_a_request(
    connector: FakeConnector, tmp_path: Path
) -> None:
    folder = folder_of(tmp_path)
    async with teams_app(connector, tmp_path / "wc.db", agencies_dir=folder) as teams:
        assert not enrolled(teams, NEWTOWN)
        (folder / "newtown.yaml").write_text(
            agency_file(
                "Newtown PD", "newtown-peers", f"  teams_tenants: [{NEWTOWN}]", "+1 608 555 2377"
            )
        )
        asking = [
            teams.send(from_tenant(connector, NEWTOWN if n % 2 else TENANT_A, f"u{n}", "peer"))
            for n in range(30)
        ]
        os.kill(os.getpid(), signal.SIGHUP)
        statuses = [r.status for r in await asyncio.gather(*asking)]
        await until(lambda: enrolled(teams, NEWTOWN))
        assert set(statuses) <= {200, 201}
        before = len(connector.messages())
        await teams.send(from_tenant(connector, NEWTOWN, "after", "peer support"))
        sent = await teams.wait_for(before + 1)
        assert "Newtown PD Peer Support Team" in str(sent[-1].body)


async def test_a_folder_with_an_error_keeps_the_last_good_version(
    connector: FakeConnector, tmp_path: Path, captured_logs: io.StringIO
) -> None:
    folder = folder_of(tmp_path)
    async with teams_app(connector, tmp_path / "wc.db", agencies_dir=folder) as teams:
        (folder / "newtown.yaml").write_text(
            agency_file(
                "Newtown PD", "newtown-peers", f"  teams_tenants: [{TENANT_A}]", "+1 608 555 2377"
            )
        )
        os.kill(os.getpid(), signal.SIGHUP)
        await until(lambda: "still serving the last good version" in captured_logs.getvalue())
        assert "newtown.yaml:4: Teams tenant" in captured_logs.getvalue()
        assert enrolled(teams, TENANT_A)
        before = len(connector.messages())
        await teams.send(from_tenant(connector, TENANT_A, "lake", "peer support"))
        sent = await teams.wait_for(before + 1)
        assert "Lakeside PD Peer Support Team" in str(sent[-1].body)
