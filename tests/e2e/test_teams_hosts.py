"""Teams local mode answers only loopback; tokens and posts never go to a foreign host or path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bots.server import RUNTIME
from core.domain.identity import Platform
from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, sample, teams_app


async def test_unauthenticated_local_mode_on_loopback(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        response = await teams.send(sample("teams-personal-message.json", connector))
        assert response.status == 200
        (sent,) = await teams.wait_for()
        assert sent.authorization is None
    assert connector.tokens_issued == 0


async def test_local_mode_refuses_requests_forwarded_by_a_proxy(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        response = await teams.client.post(
            "/api/messages",
            data=json.dumps(sample("teams-personal-message.json", connector)),
            headers={"Content-Type": "application/json", "X-Forwarded-For": "203.0.113.9"},
        )
        assert response.status == 403
    assert not connector.sent


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Real-IP": "203.0.113.9"},
        {"Via": "1.1 proxy.example"},
        {"X-Forwarded-Proto": "https"},
        {"Host": "wellcheck.example.gov"},
    ],
)
async def test_local_mode_answers_only_loopback_with_no_proxy_in_between(
    connector: FakeConnector, tmp_path: Path, headers: dict[str, str]
) -> None:
    """Issue 11: a proxy that sets none of X-Forwarded-For / Forwarded still cannot get in."""
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        response = await teams.client.post(
            "/api/messages",
            data=json.dumps(sample("teams-personal-message.json", connector)),
            headers={"Content-Type": "application/json", **headers},
        )
        assert response.status == 403
    assert not connector.sent


async def test_local_mode_never_posts_to_a_foreign_service_url(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        activity = sample("teams-personal-message.json", connector)
        activity["serviceUrl"] = "https://attacker.example/../../v3/"
        response = await teams.send(activity)
        assert response.status == 403


async def test_with_credentials_the_token_goes_only_to_microsoft_hosts(
    connector: FakeConnector, tmp_path: Path
) -> None:
    """Issue 11: an activity or a stored reference naming a foreign serviceUrl gets nothing."""
    from dataclasses import replace

    from core.domain.identity import ConversationRef
    from core.errors import RecipientGone

    microsoft_only = replace(connector.teams_config(), extra_service_hosts=())
    async with teams_app(connector, tmp_path / "wc.db", teams=microsoft_only) as teams:
        activity = sample("teams-personal-message.json", connector)  # a loopback serviceUrl
        response = await teams.send(activity)
        assert response.status == 403
        adapter = teams.client.server.app[RUNTIME].teams
        ref = ConversationRef(
            Platform.TEAMS,
            "user:29:x",
            json.dumps(
                {
                    "serviceUrl": "https://attacker.example/",
                    "channelId": "msteams",
                    "conversation": {"id": "a:1"},
                    "bot": {"id": "28:bot"},
                    "user": {"id": "29:x"},
                }
            ),
        )
        with pytest.raises(RecipientGone):
            await adapter.send_proactive(ref, teams.client.server.app[RUNTIME].responder.help())
    assert not [s for s in connector.sent if s.method != "token"]


def test_microsoft_hosts_of_every_cloud_are_allowed() -> None:
    from adapters.teams.config import TeamsConfig

    settings = TeamsConfig(app_id="x")
    for url in (
        "https://smba.trafficmanager.net/amer/",
        "https://smba.infra.gcc.teams.microsoft.com/gcc/",
        "https://smba.infra.gov.teams.microsoft.us/gcch/",
        "https://smba.infra.dod.teams.microsoft.us/teams/",
    ):
        assert settings.service_url_allowed(url), url
    for url in (
        "http://smba.trafficmanager.net/amer/",
        "https://smba.trafficmanager.net.attacker.example/",
        "https://attacker.example/smba.trafficmanager.net/",
        "https://127.0.0.1:8443/",
    ):
        assert not settings.service_url_allowed(url), url


async def test_a_conversation_id_cannot_walk_the_connectors_paths(teams: TeamsHarness) -> None:
    """Issue 11: botbuilder puts the conversation id into the URL path unescaped."""
    activity = sample("teams-personal-message.json", teams.connector)
    activity["conversation"]["id"] = "a:1/../../v3/conversations/a:victim"
    response = await teams.send(activity)
    assert response.status == 400
    assert not teams.connector.messages()
