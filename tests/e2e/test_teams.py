"""Teams end to end: the real CloudAdapter over HTTP against a loopback Bot Connector."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bots.server import RUNTIME
from core.domain.identity import Platform
from tests.fakes.bot_connector import FakeConnector
from tests.teams_harness import TeamsHarness, fake_connector, sample, teams_app

CRISIS_IDS = ["lifeline-988", "copline", "crisis-text-line"]


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with fake_connector() as fake:
        yield fake


@pytest.fixture
async def teams(connector: FakeConnector, tmp_path: Path) -> AsyncIterator[TeamsHarness]:
    async with teams_app(connector, tmp_path / "wc.db") as harness:
        yield harness


def _card(sent_body: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = sent_body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def _card_ids(card: dict[str, Any]) -> list[str]:
    return [
        item["id"].split(":", 1)[1]
        for item in card["body"]
        if str(item.get("id", "")).startswith("card:")
    ]


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for item in card["body"] if item["type"] == "ActionSet" for a in item["actions"]]


async def test_personal_lookup_answers_with_an_adaptive_card(teams: TeamsHarness) -> None:
    response = await teams.send(sample("teams-personal-message.json", teams.connector))
    assert response.status == 200
    (sent,) = await teams.wait_for()
    assert "a:1Personal-opaque-conversation-id" in sent.path
    card = _card(sent.body)
    assert _card_ids(card)[0] == "copline"
    assert sent.authorization and sent.authorization.startswith("Bearer bot-token-")


async def test_crisis_words_put_the_crisis_lines_first(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "I keep thinking about eating my gun"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert _card_ids(_card(sent.body))[:3] == CRISIS_IDS


async def test_worry_about_a_colleague_says_how_to_help(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "how do I help a coworker who seems suicidal"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    card = _card(sent.body)
    assert "Worried about someone" in str(card)
    assert _card_ids(card)[:2] == ["lifeline-988", "copline"]


@pytest.mark.parametrize("command", ["help", "categories", "tip", "privacy"])
async def test_personal_commands(teams: TeamsHarness, command: str) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"], activity["id"] = command, f"id-{command}"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert _card(sent.body)["body"]


async def test_card_buttons_use_universal_actions_with_a_fallback(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "categories"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    buttons = [a for a in _actions(_card(sent.body)) if a["type"] == "Action.Execute"]
    family = next(b for b in buttons if b["data"] == {"kind": "category", "value": "family"})
    assert family["fallback"]["type"] == "Action.Submit"


async def test_card_action_invoke_answers_with_a_card_not_a_500(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(
        type="invoke",
        name="adaptiveCard/action",
        id="invoke-1",
        text=None,
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "category",
                "data": {"kind": "category", "value": "family"},
            },
            "trigger": "manual",
        },
    )
    response = await teams.send(activity)
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    assert "lefsn" in _card_ids(body["value"])


async def test_action_submit_fallback_arrives_as_a_message_value(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(text=None, value={"kind": "category", "value": "financial"}, id="submit-1")
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert "hundred-club" in _card_ids(_card(sent.body))


async def test_channel_mention_is_answered_one_to_one(teams: TeamsHarness) -> None:
    response = await teams.send(sample("teams-channel-mention.json", teams.connector))
    assert response.status == 200
    sends = await teams.wait_for(2)
    (created,) = [s for s in teams.connector.sent if s.method == "create"]
    assert created.body["members"] == [{"id": "29:1Officer-opaque-id"}]
    # botbuilder spells the top-level field "tenantID"; Teams reads channelData.tenant.id.
    assert created.body["channelData"]["tenant"]["id"] == "2f1e0d9c-8b7a-4c5d-9e6f-1a2b3c4d5e6f"
    assert created.body["isGroup"] is False
    private = next(s for s in sends if "a:1on1-" in s.path)
    assert _card_ids(_card(private.body))[0] == "copline"
    public = [s for s in sends if "squadroom0000" in s.path]
    assert len(public) == 1
    line = public[0].body
    assert line["text"] == "I've sent you a private message." and not line.get("attachments")
    for revealing in ("alcohol", "Copline", "copline", "988", "support"):
        assert revealing not in json.dumps(line)


async def test_channel_crisis_mention_reveals_nothing_in_the_channel(teams: TeamsHarness) -> None:
    activity = sample("teams-channel-mention.json", teams.connector)
    activity["text"] = "<at>WellCheck</at> support I want to die"
    await teams.send(activity)
    sends = await teams.wait_for(2)
    private = next(s for s in sends if "a:1on1-" in s.path)
    assert _card_ids(_card(private.body))[:3] == CRISIS_IDS
    public = next(s for s in sends if "squadroom0000" in s.path)
    assert "die" not in json.dumps(public.body) and "988" not in json.dumps(public.body)


async def test_when_a_1on1_cannot_be_opened_the_channel_still_learns_nothing(
    teams: TeamsHarness,
) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next(
        "create", Canned(403, {"error": {"code": "Forbidden", "message": "not installed"}})
    )
    await teams.send(sample("teams-channel-mention.json", teams.connector))
    (public,) = await teams.wait_for(1)
    assert "couldn't open a private chat" in public.body["text"]
    assert "Copline" not in json.dumps(public.body)


async def test_conversation_references_are_stored_with_tenant_and_service_url(
    teams: TeamsHarness, tmp_path: Path
) -> None:
    from adapters.sql import open_store
    from core.domain.identity import Platform

    await teams.send(sample("teams-install.json", teams.connector))
    await teams.send(sample("teams-personal-message.json", teams.connector))
    await teams.wait_for(1)
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    try:
        channel = await store.load_conversation(Platform.TEAMS, "19:metroteam0000@thread.tacv2")
        personal = await store.load_conversation(Platform.TEAMS, "user:29:1Officer-opaque-id")
    finally:
        await store.close()
    assert channel is not None and personal is not None
    for ref in (channel, personal):
        data = json.loads(ref.payload)
        assert data["serviceUrl"] == teams.connector.service_url
        assert data["conversation"]["tenantId"] == "2f1e0d9c-8b7a-4c5d-9e6f-1a2b3c4d5e6f"
    assert "Jordan Doe" not in personal.payload


async def test_a_redelivered_activity_is_answered_once(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    for _ in range(3):
        assert (await teams.send(activity)).status == 200
    await teams.wait_for(1)
    import asyncio

    await asyncio.sleep(0.3)
    assert len(teams.connector.messages()) == 1


# ---- authentication ---------------------------------------------------------------------


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


async def test_tokens_for_sending_are_cached(teams: TeamsHarness) -> None:
    for n in range(4):
        activity = sample("teams-personal-message.json", teams.connector)
        activity["id"] = f"cached-{n}"
        await teams.send(activity)
    await teams.wait_for(4)
    assert teams.connector.tokens_issued == 1


async def test_unauthenticated_local_mode_on_loopback(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        response = await teams.send(sample("teams-personal-message.json", connector))
        assert response.status == 200
        (sent,) = await teams.wait_for()
        assert sent.authorization is None
    assert connector.tokens_issued == 0


# ---- faults of the wire -----------------------------------------------------------------


async def test_throttled_sends_back_off_and_arrive(teams: TeamsHarness) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next("send", Canned(429, headers={"Retry-After": "1"}), Canned(502))
    await teams.send(sample("teams-personal-message.json", teams.connector))
    sends = await teams.wait_for(3)
    assert sends[1].at - sends[0].at >= 0.9


async def test_refused_card_degrades_to_plain_text(teams: TeamsHarness) -> None:
    from tests.fakes.bot_connector import Canned

    teams.connector.fail_next(
        "send", Canned(400, {"error": {"code": "BadArgument", "message": "card"}})
    )
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "I want to die"
    await teams.send(activity)
    sends = await teams.wait_for(2)
    plain = sends[1].body
    assert not plain.get("attachments") and plain["text"].index("988") < plain["text"].index(
        "Copline"
    )


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[]", "application/json", 400),
        ('{"type": "message"}', "application/json", 400),
        ("x=1", "application/x-www-form-urlencoded", 415),
    ],
)
async def test_bad_requests_are_4xx(
    teams: TeamsHarness, body: str, content_type: str, status: int
) -> None:
    headers = {"Content-Type": content_type, "Authorization": f"Bearer {teams.connector.mint()}"}
    response = await teams.client.post("/api/messages", data=body, headers=headers)
    assert response.status == status


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


async def test_unknown_activity_types_are_accepted_and_ignored(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(type="messageReaction", id="react-1")
    assert (await teams.send(activity)).status == 200


# ---- proactive sends (reminders and channel tips use these) -------------------------------


async def _stored_personal_ref(teams: TeamsHarness, tmp_path: Path) -> Any:
    from core.domain.identity import Platform

    await teams.send(sample("teams-personal-message.json", teams.connector))
    await teams.wait_for(1)
    adapter = teams.client.server.app[RUNTIME].teams
    return adapter, await adapter._store.load_conversation(
        Platform.TEAMS, "user:29:1Officer-opaque-id"
    )


async def test_proactive_send_reaches_the_stored_conversation(
    teams: TeamsHarness, tmp_path: Path, services: Any
) -> None:
    adapter, ref = await _stored_personal_ref(teams, tmp_path)
    await adapter.send_proactive(ref, services.responder.tip())
    sends = await teams.wait_for(2)
    assert "a:1Personal-opaque-conversation-id" in sends[1].path
    assert sends[1].authorization and sends[1].authorization.startswith("Bearer ")


@pytest.mark.parametrize(
    ("status", "code"),
    [(403, "Forbidden"), (404, "ConversationNotFound"), (400, "MessageWritesBlocked")],
)
async def test_proactive_failures_are_raised_not_swallowed(
    teams: TeamsHarness, tmp_path: Path, services: Any, status: int, code: str
) -> None:
    from core.errors import RecipientGone
    from tests.fakes.bot_connector import Canned

    adapter, ref = await _stored_personal_ref(teams, tmp_path)
    # both the card and its plain-text fallback are refused
    teams.connector.fail_next(
        "send", Canned(status, {"error": {"code": code}}), Canned(status, {"error": {"code": code}})
    )
    with pytest.raises(RecipientGone):
        await adapter.send_proactive(ref, services.responder.tip())


# ---- national clouds --------------------------------------------------------------------


def test_gcc_high_settings_reach_the_authentication_configuration() -> None:
    from adapters.teams.auth import authentication
    from adapters.teams.tokens import HttpSource
    from bots.settings import Settings

    env = {
        "MICROSOFT_APP_ID": "app",
        "MICROSOFT_APP_PASSWORD": "pw",
        "MICROSOFT_APP_TYPE": "SingleTenant",
        "MICROSOFT_APP_TENANT_ID": "tenant-1",
        "MICROSOFT_CHANNEL_SERVICE": "https://botframework.azure.us",
        "MICROSOFT_OAUTH_URL": "https://tokengcch.botframework.azure.us/",
        "MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL": "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        "MICROSOFT_TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": "https://api.botframework.us",
        "MICROSOFT_TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": "https://api.botframework.us",
        "MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
    }
    settings = Settings.from_env(env)
    assert settings.teams.app_type == "SingleTenant" and settings.teams.tenant_id == "tenant-1"
    auth, factory = authentication(settings.teams, HttpSource())
    inner = auth._inner._inner
    assert inner._to_channel_from_bot_login_url == env["MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"]
    assert inner._to_channel_from_bot_oauth_scope == "https://api.botframework.us"
    assert inner._to_bot_from_channel_token_issuer == "https://api.botframework.us"
    assert (
        inner._to_bot_from_channel_open_id_metadata_url
        == env["MICROSOFT_TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL"]
    )
    assert inner._oauth_url == "https://tokengcch.botframework.azure.us/"
    # a single-tenant bot asks its own tenant for tokens
    assert factory._token_url(env["MICROSOFT_TO_CHANNEL_FROM_BOT_LOGIN_URL"]) == (
        "https://login.microsoftonline.us/tenant-1/oauth2/v2.0/token"
    )


def test_channel_service_alone_selects_the_government_cloud() -> None:
    from adapters.teams.auth import authentication
    from adapters.teams.config import TeamsConfig
    from adapters.teams.tokens import HttpSource

    auth, _ = authentication(
        TeamsConfig(app_id="a", app_password="p", channel_service="https://botframework.azure.us"),
        HttpSource(),
    )
    assert type(auth._inner._inner).__name__ == "_GovernmentCloudBotFrameworkAuthentication"


def test_client_timezone_and_mentions_survive_deserialisation() -> None:
    from botbuilder.schema import Activity

    from adapters.teams.activity import strip_mentions, timezone_of
    from tests.conftest import SAMPLES

    activity = Activity().deserialize(
        json.loads((SAMPLES / "wire" / "teams-channel-mention.json").read_text())
    )
    assert timezone_of(activity) == "America/Chicago"
    activity.text = "<at>WellCheck</at> support <at>WellCheck</at> alcohol"
    assert "WellCheck" not in strip_mentions(activity)


async def test_signing_keys_are_fetched_without_blocking_the_loop(teams: TeamsHarness) -> None:
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

    from adapters.teams.openid import AsyncOpenIdMetadata

    url = f"{teams.connector.url}/openid"
    assert (await teams.send(sample("teams-personal-message.json", teams.connector))).status == 200
    assert isinstance(JwtTokenExtractor.metadataCache[url], AsyncOpenIdMetadata)
    key = await JwtTokenExtractor.metadataCache[url].get("wellcheck-test-key")
    assert key is not None and "msteams" in key.endorsements
    assert await JwtTokenExtractor.metadataCache[url].get("no-such-key") is None


async def test_local_mode_channel_mention_opens_a_1on1_too(
    connector: FakeConnector, tmp_path: Path
) -> None:
    async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
        assert (await teams.send(sample("teams-channel-mention.json", connector))).status == 200
        sends = await teams.wait_for(2)
    assert any("a:1on1-" in s.path for s in sends)
    public = next(s for s in sends if "squadroom0000" in s.path)
    assert public.body["text"] == "I've sent you a private message."


@pytest.mark.parametrize(
    "name", ["task/fetch", "composeExtension/query", "signin/verifyState", None]
)
async def test_unknown_invokes_are_200_not_501(teams: TeamsHarness, name: str | None) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity.update(type="invoke", name=name, id=f"invoke-{name}", value={"anything": 1})
    response = await teams.send(activity)
    assert response.status == 200


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


async def test_an_answer_that_could_not_be_delivered_is_given_on_redelivery(
    teams: TeamsHarness,
) -> None:
    """Never mark an activity seen when answering it failed (issue 10): Teams redelivers it."""
    from tests.fakes.bot_connector import Canned

    activity = sample("teams-personal-message.json", teams.connector)
    activity["id"] = "redelivered-1"
    teams.connector.fail_next("send", Canned(500), Canned(500))  # the card, then plain text
    first = await teams.send(activity)
    assert first.status == 503
    second = await teams.send(activity)
    assert second.status == 200
    sent = teams.connector.messages()  # the refused card and plain text, then the answer
    assert len(sent) == 3 and _card_ids(_card(sent[-1].body))[0] == "copline"


async def test_expect_replies_comes_back_in_the_response_body(teams: TeamsHarness) -> None:
    activity = sample("teams-personal-message.json", teams.connector)
    activity["deliveryMode"] = "expectReplies"
    activity["text"] = "I want to die"
    response = await teams.send(activity)
    assert response.status == 200
    (reply,) = (await response.json())["activities"]
    assert _card_ids(reply["attachments"][0]["content"])[:3] == CRISIS_IDS
    assert not teams.connector.messages()  # nothing went through the connector


async def test_a_channel_message_without_a_conversation_type_is_never_answered_in_public(
    teams: TeamsHarness,
) -> None:
    activity = sample("teams-channel-mention.json", teams.connector)
    activity["conversation"].pop("conversationType", None)
    activity["conversation"].pop("isGroup", None)
    await teams.send(activity)
    await teams.wait_for(2)
    shared = [s for s in teams.connector.messages() if "19%3A" in s.path or "19:" in s.path]
    assert all(not s.body.get("attachments") for s in shared)


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


async def test_emulator_tokens_are_refused_when_an_app_id_is_set(teams: TeamsHarness) -> None:
    issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"
    token = teams.connector.mint(issuer=issuer)
    response = await teams.send(sample("teams-personal-message.json", teams.connector), token)
    assert response.status == 401
    assert not teams.connector.messages()


async def test_a_stray_mention_tag_never_costs_the_crisis_lines(teams: TeamsHarness) -> None:
    """Issue 11: '</at>' before '<at>' used to raise and drop the reply."""
    activity = sample("teams-personal-message.json", teams.connector)
    activity["text"] = "</at> <at> I want to die"
    await teams.send(activity)
    (sent,) = await teams.wait_for()
    assert _card_ids(_card(sent.body))[:3] == CRISIS_IDS


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


async def test_a_conversation_id_cannot_walk_the_connectors_paths(teams: TeamsHarness) -> None:
    """Issue 11: botbuilder puts the conversation id into the URL path unescaped."""
    activity = sample("teams-personal-message.json", teams.connector)
    activity["conversation"]["id"] = "a:1/../../v3/conversations/a:victim"
    response = await teams.send(activity)
    assert response.status == 400
    assert not teams.connector.messages()


# ---- settings and the botbuilder fixes ----------------------------------------------------


def test_teams_settings_come_from_the_same_environment_variables() -> None:
    from bots.settings import Settings
    from tests.fakes.bot_connector import APP_ID

    env = {
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": "pw",
        "MICROSOFT_TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": "https://login.example/emulator",
        "WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS": " Bots.Example.net ,, 127.0.0.1 ",
        "WELLCHECK_TEAMS_SEND_RATE": "5",
    }
    settings = Settings.from_env(env)
    assert settings.teams.app_id == APP_ID and settings.teams.app_password == "pw"
    assert settings.teams.app_type == "MultiTenant" and settings.teams.tenant_id == ""
    assert (
        settings.teams.to_bot_from_emulator_openid_metadata_url == "https://login.example/emulator"
    )
    assert settings.teams.extra_service_hosts == ("bots.example.net", "127.0.0.1")
    assert settings.teams_send_rate == 5.0
    assert settings.teams_enabled and not settings.teams.local and not settings.problems()


def test_local_mode_is_in_force_only_without_an_app_id() -> None:
    from bots.settings import Settings

    local = Settings.from_env({"WELLCHECK_TEAMS_LOCAL": "1"})
    assert local.teams_enabled and local.teams.unauthenticated and not local.problems()
    both = Settings.from_env({"WELLCHECK_TEAMS_LOCAL": "1", "MICROSOFT_APP_ID": "app"})
    assert both.teams.local and not both.teams.unauthenticated
    assert "cannot be combined" in both.problems()[0]
    assert not Settings.from_env({}).teams_enabled


@pytest.mark.parametrize("version", ["4.16.0", "4.18.0", "5.17.0", "4.170.1", "4"])
def test_botbuilder_fixes_refuse_any_botbuilder_but_4_17(version: str) -> None:
    from adapters.teams import botbuilder_fixes
    from core.errors import ConfigError

    with pytest.raises(ConfigError, match=r"needs botbuilder-core 4\.17\.x, found "):
        botbuilder_fixes.apply(version)


def test_botbuilder_fixes_apply_once_however_often_called() -> None:
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
    from msrest.universal_http.requests import ClientRetryPolicy

    from adapters.teams import botbuilder_fixes
    from adapters.teams.openid import AsyncOpenIdMetadata

    botbuilder_fixes.apply()  # the installed botbuilder-core, 4.17.x
    lookup = JwtTokenExtractor.__dict__["get_open_id_metadata"]
    codes = ClientRetryPolicy.safe_codes
    botbuilder_fixes.apply("4.17.0")
    botbuilder_fixes.apply()
    assert JwtTokenExtractor.__dict__["get_open_id_metadata"] is lookup
    assert ClientRetryPolicy.safe_codes is codes and isinstance(codes, frozenset)
    # msrest still retries exactly the codes it would retry unpatched
    stock = [i for i in range(500) if i != 408] + [501, 505]
    assert ClientRetryPolicy().policy.status_forcelist == [i for i in range(999) if i not in stock]
    # one non-blocking fetcher per metadata URL, however often botbuilder asks
    url = "https://login.botframework.test/v1/.well-known/openidconfiguration"
    try:
        metadata = JwtTokenExtractor.get_open_id_metadata(url)
        assert isinstance(metadata, AsyncOpenIdMetadata)
        assert JwtTokenExtractor.get_open_id_metadata(url) is metadata
    finally:
        JwtTokenExtractor.metadataCache.pop(url, None)
