"""Teams inbound tokens and signing keys are verified before any work; sending tokens are cached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, sample, teams_app


async def test_missing_token_is_401_and_nothing_is_sent(teams: TeamsHarness) -> None:
    response = await teams.client.post(
        "/api/messages",
        data=json.dumps(sample("teams-personal-message.json", teams.connector)),
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 401
    assert not teams.connector.sent


@pytest.mark.parametrize(
    "forgery", ["other-key", "wrong-audience", "wrong-issuer", "expired", "garbage", "service-url"]
)
async def test_forged_tokens_are_401(teams: TeamsHarness, forgery: str) -> None:
    from tests.fakes.bot_connector import new_key

    mint = teams.connector.mint
    token = {
        "other-key": lambda: mint(key=new_key()),
        "wrong-audience": lambda: mint(audience="someone-else"),
        "wrong-issuer": lambda: mint(issuer="https://evil.example"),
        "expired": lambda: mint(lifetime=-3600),
        "garbage": lambda: "not.a.jwt",
        "service-url": lambda: mint(service_url="https://evil.example/"),
    }[forgery]()
    response = await teams.send(sample("teams-personal-message.json", teams.connector), token=token)
    assert response.status == 401
    assert not teams.connector.messages()


async def test_emulator_tokens_are_refused_when_an_app_id_is_set(teams: TeamsHarness) -> None:
    issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"
    token = teams.connector.mint(issuer=issuer)
    response = await teams.send(sample("teams-personal-message.json", teams.connector), token)
    assert response.status == 401
    assert not teams.connector.messages()


async def test_a_token_that_never_expires_is_refused(teams: TeamsHarness) -> None:
    """Issue 11: stock botbuilder accepts a token without exp."""
    import time

    import jwt as pyjwt

    from tests.fakes.bot_connector import APP_ID, ISSUER, KEY_ID

    now = int(time.time())
    claims = {"iss": ISSUER, "aud": APP_ID, "serviceurl": teams.connector.service_url,
              "nbf": now - 10, "iat": now - 10}  # fmt: skip
    token = pyjwt.encode(claims, teams.connector.key, algorithm="RS256", headers={"kid": KEY_ID})
    response = await teams.send(sample("teams-personal-message.json", teams.connector), token)
    assert response.status == 401
    assert not teams.connector.messages()


async def test_nothing_is_parsed_before_the_request_shows_a_token(teams: TeamsHarness) -> None:
    """Issue 11: an unauthenticated body is refused before any JSON work, and size is capped."""
    response = await teams.client.post(
        "/api/messages", data="{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status == 401
    big = json.dumps({"type": "message", "text": "x" * 300_000})
    headers = {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {teams.connector.mint()}",
    }
    response = await teams.client.post("/api/messages", data=big, headers=headers)
    assert response.status == 413


async def test_signing_keys_are_fetched_without_blocking_the_loop(teams: TeamsHarness) -> None:
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

    from adapters.teams.openid import AsyncOpenIdMetadata

    url = f"{teams.connector.url}/openid"
    assert (await teams.send(sample("teams-personal-message.json", teams.connector))).status == 200
    assert isinstance(JwtTokenExtractor.metadataCache[url], AsyncOpenIdMetadata)
    key = await JwtTokenExtractor.metadataCache[url].get("wellcheck-test-key")
    assert key is not None and "msteams" in key.endorsements
    assert await JwtTokenExtractor.metadataCache[url].get("no-such-key") is None


async def test_a_signing_key_that_endorses_no_channel_is_refused(
    connector: FakeConnector, tmp_path: Path
) -> None:
    """Issue 11: stock botbuilder accepts keys without endorsements."""
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

    JwtTokenExtractor.metadataCache.clear()  # keys are cached per URL across apps
    connector.endorsements = []
    async with teams_app(connector, tmp_path / "wc.db") as teams:
        response = await teams.send(sample("teams-personal-message.json", connector))
        assert response.status == 401
    JwtTokenExtractor.metadataCache.clear()


async def test_tokens_for_sending_are_cached(teams: TeamsHarness) -> None:
    for n in range(4):
        activity = sample("teams-personal-message.json", teams.connector)
        activity["id"] = f"cached-{n}"
        await teams.send(activity)
    await teams.wait_for(4)
    assert teams.connector.tokens_issued == 1
