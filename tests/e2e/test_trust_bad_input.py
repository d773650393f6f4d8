"""Bad input: oversized, malformed and fuzzed Slack and Teams requests never get a 5xx."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.server import create_app
from bots.settings import Settings
from tests.fakes.slack_api import fake_slack, form, sign
from tests.slack_harness import SECRET, slack_app
from tests.teams_harness import fake_connector, sample, teams_app


async def test_oversized_bodies_are_413(tmp_path: Path) -> None:
    from adapters.teams.config import TeamsConfig

    local = {"teams": TeamsConfig(local=True)}
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db", **local) as slack:
        body = b"x" * (1024 * 1024 + 10)
        for path, content_type in (
            ("/slack/events", "application/x-www-form-urlencoded"),
            ("/api/messages", "application/json"),
        ):
            response = await slack.client.post(
                path, data=io.BytesIO(body), headers={"Content-Type": content_type}
            )
            assert response.status == 413


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
        ('{"type": "event_callback"}', "application/json"),
        ("", "application/json"),
    ],
)
async def test_malformed_signed_slack_bodies_are_4xx(
    tmp_path: Path, body: str, content_type: str
) -> None:
    async with fake_slack() as fake, slack_app(fake, tmp_path / "wc.db") as slack:
        response = await slack.post(body, content_type)
        assert 400 <= response.status < 500 or response.status == 200
        assert (await slack.client.get("/healthz")).status == 200


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


KEYS = st.sampled_from(
    [
        "type",
        "event",
        "event_id",
        "user",
        "text",
        "channel",
        "actions",
        "payload",
        "command",
        "conversation",
        "from",
        "recipient",
        "serviceUrl",
        "id",
        "value",
        "entities",
        "channelData",
        "channel_type",
        "subtype",
        "container",
        "view",
        "name",
    ]
)


PAYLOADS = st.dictionaries(KEYS, JSONISH, max_size=8)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=PAYLOADS, as_form=st.booleans(), nested=st.booleans())
async def test_fuzzed_payloads_never_get_a_5xx(
    tmp_path: Path, payload: dict, as_form: bool, nested: bool
) -> None:
    async with fake_slack() as fake:
        settings_ = Settings(
            database_url=f"sqlite:///{tmp_path / 'fuzz.db'}",
            slack_bot_token="xoxb-t",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
        )
        app = await create_app(settings_)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            raw = json.dumps(payload)
            if as_form:
                body = (
                    form({"payload": raw})
                    if nested
                    else form({k: json.dumps(v) for k, v in payload.items()})
                )
                content_type = "application/x-www-form-urlencoded"
            else:
                body, content_type = raw, "application/json"
            headers = {**sign(SECRET, body), "Content-Type": content_type}
            slack = await client.post("/slack/events", data=body.encode(), headers=headers)
            teams = await client.post(
                "/api/messages", data=raw.encode(), headers={"Content-Type": "application/json"}
            )
            assert slack.status < 500, (slack.status, body)
            assert teams.status < 500, (teams.status, raw)
            assert (await client.get("/healthz")).status == 200


ACTIVITY_TYPES = st.sampled_from(
    [
        "message",
        "invoke",
        "conversationUpdate",
        "installationUpdate",
        "event",
        "messageReaction",
        "typing",
        "endOfConversation",
    ]
) | st.text(max_size=12)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=ACTIVITY_TYPES,
    name=st.none() | st.text(max_size=20),
    text=st.none() | st.text(max_size=50),
    value=JSONISH,
    conversation_type=st.sampled_from(["personal", "channel", "groupChat", None]),
    extra=st.dictionaries(KEYS, JSONISH, max_size=3),
)
async def test_fuzzed_activities_never_get_a_5xx(
    tmp_path: Path,
    kind: str,
    name: str | None,
    text: str | None,
    value: object,
    conversation_type: str | None,
    extra: dict,
) -> None:
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db", auth=False) as teams:
            activity = sample("teams-personal-message.json", connector)
            activity.update(
                type=kind, name=name, text=text, value=value, id=f"fuzz-{hash((kind, name, text))}"
            )
            activity["conversation"]["conversationType"] = conversation_type
            activity.update(
                {k: v for k, v in extra.items() if k not in ("serviceUrl", "conversation")}
            )
            response = await teams.send(activity)
            assert response.status < 500, (response.status, activity)
            assert (await teams.client.get("/healthz")).status == 200
