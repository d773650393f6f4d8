"""Slack app distribution with several agencies: each workspace installs with "Add to Slack"
(bolt's real OAuth flow against the loopback Slack's oauth.v2.access), is answered with its
own token and its own agency's resources, and an uninstall removes only its tokens and data.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bots.server import RUNTIME, create_app
from bots.settings import Settings
from tests.e2e.slack_cases import card_ids
from tests.fakes.memory_store import MemoryStore
from tests.fakes.slack_api import FakeSlack, Workspace, fake_slack
from tests.slack_harness import SECRET, SlackHarness, sample_json
from tests.unit.test_agencies import agency_file

pytestmark = pytest.mark.filterwarnings(
    # slack_sdk signs oauth.v2.access with aiohttp's BasicAuth, deprecated in aiohttp 3.13
    "ignore:BasicAuth is deprecated:DeprecationWarning"
)

LAKE = Workspace("TLAKE01", "xoxb-lake-token")
HILL = Workspace("", "xoxb-hill-token", enterprise_id="EHILL01", name="State Grid")  # org-wide
STRANGER = Workspace("TSTRANGE", "xoxb-stranger-token", name="Elsewhere PD")


@dataclass
class Deployment:
    slack: SlackHarness
    db: Path

    @property
    def fake(self) -> FakeSlack:
        return self.slack.fake

    async def install(self, code: str) -> str:
        """Click "Add to Slack", approve in Slack, come back: the success page's text."""
        client = self.slack.client
        page = await client.get("/slack/install")
        assert page.status == 200
        link = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', await page.text())
        assert link is not None
        query = parse_qs(urlsplit(unescape(link.group(1))).query)
        assert query["client_id"] == ["111.222"] and "chat:write" in query["scope"][0]
        cookie = page.headers["Set-Cookie"]  # Secure: the browser sends it back over https
        assert "HttpOnly" in cookie and "Secure" in cookie
        back = await client.get(
            "/slack/oauth_redirect",
            params={"code": code, "state": query["state"][0]},
            headers={"Cookie": cookie.split(";")[0]},
        )
        assert back.status == 200, await back.text()
        return await back.text()

    def rows(self, table: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(f"SELECT * FROM {table}").fetchall()


def team_event(payload: dict[str, Any], team: str, event_id: str) -> dict[str, Any]:
    """An event from one workspace (bolt reads the team from `authorizations`)."""
    payload = json.loads(json.dumps(payload))
    payload.update(team_id=team, event_id=event_id)
    payload["event"]["team"] = team
    payload["authorizations"][0]["team_id"] = team
    return payload


def grid_event(payload: dict[str, Any], team: str, enterprise: str) -> dict[str, Any]:
    """An event from a workspace of a Grid org where the app is installed org-wide."""
    payload = json.loads(json.dumps(payload))
    payload.update(team_id=team, enterprise_id=enterprise, is_enterprise_install=True)
    payload["event"]["team"] = team
    payload["authorizations"] = [
        {
            "enterprise_id": enterprise,
            "team_id": None,
            "user_id": "UBEHILL01",
            "is_bot": True,
            "is_enterprise_install": True,
        }
    ]
    return payload


async def both_subscribe(wc: Deployment) -> None:
    """Both agencies install; an officer of each (Lakeside's workspace, a workspace of the
    Hillcrest Grid org) asks for a daily tip."""
    await wc.install("code-lake")
    await wc.install("code-hill")
    dm = sample_json("slack-dm-event.json")
    dm["event"]["text"] = "subscribe daily at 07:00"
    await wc.slack.event(team_event(dm, "TLAKE01", "Ev1"))
    grid = grid_event(dm, "THILL02", "EHILL01")
    grid["event"].update(user="U0GRID", channel="D0GRID")
    await wc.slack.event({**grid, "event_id": "Ev2"})
    await wc.slack.wait_for("chat.postMessage", 2)


def tip_channel(channel: str) -> str:
    return f"tips:\n  channels:\n    - {{platform: slack, channel: {channel}, cron: '0 9 * * *'}}\n"


@asynccontextmanager
async def deployment(tmp_path: Path, store: MemoryStore | None = None) -> AsyncIterator[Deployment]:
    folder = tmp_path / "agencies"
    folder.mkdir()
    (folder / "lakeside.yaml").write_text(
        agency_file("Lakeside PD", "lakeside-peers", "  slack_teams: [TLAKE01]", "+1 608 555 2368")
        + tip_channel("CLAKETIPS")
    )
    (folder / "hillcrest.yaml").write_text(
        agency_file(
            "Hillcrest Sheriff", "hillcrest-peers", "  slack_enterprise: EHILL01", "+1 608 555 2399"
        )
        + tip_channel("CHILLTIPS")
    )
    db = tmp_path / "wc.db"
    async with fake_slack() as fake:
        for code, workspace in (("code-lake", LAKE), ("code-hill", HILL), ("code-x", STRANGER)):
            fake.workspace(code, workspace)
        settings = Settings(
            database_url=f"sqlite:///{db}",
            agencies_dir=folder,
            slack_signing_secret=SECRET,
            slack_client_id="111.222",
            slack_client_secret="not-a-real-client-secret",
            slack_state_secret="s" * 40,
            token_key="k" * 40,
            slack_api_url=fake.api_url,
            metrics_addr="127.0.0.1:0",
        )
        app = await create_app(settings, store=store)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            yield Deployment(SlackHarness(fake, client), db)


async def test_each_workspace_installs_and_sees_only_its_agency(tmp_path: Path) -> None:
    async with deployment(tmp_path) as wc:
        assert "WellCheck is now in Lakeside PD" in await wc.install("code-lake")
        assert "WellCheck is now in State Grid" in await wc.install("code-hill")
        sealed = json.dumps(wc.rows("slack_installations"))
        assert "xoxb-" not in sealed  # tokens are stored encrypted

        lake = await (await wc.slack.slash(team_id="TLAKE01", text="peer support")).json()
        assert "lakeside-peers" in card_ids(lake["blocks"])
        assert "hillcrest-peers" not in card_ids(lake["blocks"])

        dm = sample_json("slack-dm-event.json")
        dm["event"]["text"] = "peer support"
        await wc.slack.event(grid_event(dm, "THILL02", "EHILL01"))
        (call,) = await wc.slack.wait_for("chat.postMessage")
        assert call.token == "xoxb-hill-token"  # the Grid org's own token answered
        ids = card_ids(call.args["blocks"])
        assert "hillcrest-peers" in ids and "lakeside-peers" not in ids


async def test_reminders_and_channel_tips_go_with_each_workspaces_token(tmp_path: Path) -> None:
    async with deployment(tmp_path) as wc:
        await both_subscribe(wc)
        runtime = wc.slack.client.server.app[RUNTIME]
        await runtime.delivery.run()  # the agency files' tip channels start their schedules
        before = len(wc.fake.named("chat.postMessage"))
        report = await runtime.delivery.run(at=datetime.now(UTC) + timedelta(days=2))
        assert report.counts == {"sent": 4}
        tips = wc.fake.named("chat.postMessage")[before:]
        sent = {(c.args["channel"], c.token) for c in tips}
    assert sent == {
        ("D0OFFICER", "xoxb-lake-token"),
        ("CLAKETIPS", "xoxb-lake-token"),
        ("D0GRID", "xoxb-hill-token"),
        ("CHILLTIPS", "xoxb-hill-token"),
    }


async def test_a_workspace_no_agency_names_is_told_so_and_given_its_id(tmp_path: Path) -> None:
    async with deployment(tmp_path) as wc:
        page = await wc.install("code-x")
        assert "no agency has enrolled this workspace yet" in page and "TSTRANGE" in page
        answer = await (await wc.slack.slash(team_id="TSTRANGE", text="peer support")).json()
        text = json.dumps(answer)
        assert "has not enabled WellCheck yet" in text
        assert card_ids(answer["blocks"]) == ["lifeline-988", "copline", "crisis-text-line"]


async def test_a_forged_or_stale_state_installs_nothing(tmp_path: Path) -> None:
    async with deployment(tmp_path) as wc:
        back = await wc.slack.client.get(
            "/slack/oauth_redirect", params={"code": "code-lake", "state": "x.1.y"}
        )
        assert back.status in (400, 401, 403) and "was not installed" in await back.text()
        assert not wc.fake.named("oauth.v2.access") and wc.rows("slack_installations") == []


@pytest.mark.parametrize(
    "leaving",
    [
        {"type": "app_uninstalled", "event_ts": "1764158500.0"},
        {
            "type": "tokens_revoked",
            "tokens": {"oauth": [], "bot": ["UBTLAKE01"]},
            "event_ts": "1764158500.0",
        },
    ],
    ids=["app_uninstalled", "tokens_revoked"],
)
async def test_uninstalling_one_workspace_leaves_the_other_untouched(
    tmp_path: Path, leaving: dict[str, Any]
) -> None:
    async with deployment(tmp_path) as wc:
        await wc.install("code-lake")
        await wc.install("code-hill")
        dm = sample_json("slack-dm-event.json")
        dm["event"]["text"] = "subscribe daily at 07:00"
        await wc.slack.event(team_event(dm, "TLAKE01", "Ev1"))
        await wc.slack.wait_for("chat.postMessage")
        assert len(wc.rows("subscriptions")) == 1
        gone = {
            "type": "event_callback",
            "team_id": "TLAKE01",
            "api_app_id": "A0WELLCHECK",
            "event": leaving,
            "event_id": "Ev2",
            "event_time": 1764158500,
        }
        assert (await wc.slack.event(gone)).status == 200
        await wc.slack.settle()
        left = {row[:2] for row in wc.rows("slack_installations")}
        assert left == {("EHILL01", "")}
        assert wc.rows("subscriptions") == []

        answer = await (
            await wc.slack.slash(team_id="THILL02", enterprise_id="EHILL01", text="peer support")
        ).json()
        assert "hillcrest-peers" in card_ids(answer["blocks"])


async def test_single_workspace_mode_has_no_install_page(slack: SlackHarness) -> None:
    assert (await slack.client.get("/slack/install")).status == 404
    answer = await (await slack.slash(text="peer support")).json()  # SLACK_BOT_TOKEN answers
    assert "Copline" in json.dumps(answer)


async def test_an_org_wide_uninstall_forgets_the_orgs_people_only(tmp_path: Path) -> None:
    async with deployment(tmp_path) as wc:
        await both_subscribe(wc)
        gone = {
            "type": "event_callback",
            "team_id": None,
            "enterprise_id": "EHILL01",
            "is_enterprise_install": True,
            "api_app_id": "A0WELLCHECK",
            "event": {"type": "app_uninstalled", "event_ts": "1764158500.0"},
            "event_id": "Ev3",
            "event_time": 1764158500,
            "authorizations": [
                {"enterprise_id": "EHILL01", "team_id": None, "is_enterprise_install": True}
            ],
        }
        assert (await wc.slack.event(gone)).status == 200
        await wc.slack.settle()
        assert {row[:2] for row in wc.rows("slack_installations")} == {("", "TLAKE01")}
        assert [row[2] for row in wc.rows("subscriptions")] == ["U0OFFICER"]


async def test_with_the_database_down_a_known_workspace_still_gets_the_crisis_lines(
    tmp_path: Path,
) -> None:
    store = MemoryStore()
    async with deployment(tmp_path, store) as wc:
        await wc.install("code-lake")
        await wc.slack.slash(team_id="TLAKE01", text="peer support")  # seen by this process
        store.down = True
        answer = await (await wc.slack.slash(team_id="TLAKE01", text="i want to die")).json()
        assert card_ids(answer["blocks"])[:3] == ["lifeline-988", "copline", "crisis-text-line"]
        dm = sample_json("slack-dm-event.json")
        dm["event"]["text"] = "i want to kill myself tonight"
        await wc.slack.event(team_event(dm, "TLAKE01", "Ev9"))
        (call,) = await wc.slack.wait_for("chat.postMessage")
        assert call.token == "xoxb-lake-token"
        assert card_ids(call.args["blocks"])[:3] == ["lifeline-988", "copline", "crisis-text-line"]


async def test_with_the_database_down_an_unseen_workspace_still_gets_the_crisis_lines(
    tmp_path: Path,
) -> None:
    store = MemoryStore()
    async with deployment(tmp_path, store) as wc:
        await wc.install("code-lake")  # installed, but this process never looked its token up
        store.down = True
        response = await wc.slack.slash(team_id="TLAKE01", text="i want to die")
        assert response.status == 200
        await wc.slack.settle()
    (hook,) = wc.fake.hooks  # the response_url: answered without a token
    assert hook.get("response_type", "ephemeral") == "ephemeral"
    assert "988" in hook["text"] and "1-800-267-5463" in hook["text"]
