"""Slack requests: signatures, retries answered once, socket mode, fast acks and the API URL."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bots.server import create_app
from bots.settings import Settings
from tests.conftest import DATA
from tests.fakes.slack_api import fake_slack
from tests.slack_harness import SlackHarness, sample_json, slack_app


async def test_bad_signature_is_401_and_nothing_is_sent(slack: SlackHarness) -> None:
    body = json.dumps(sample_json("slack-dm-event.json"))
    headers = {
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "0" * 64,
        "Content-Type": "application/json",
    }
    response = await slack.client.post("/slack/events", data=body, headers=headers)
    assert response.status == 401
    await slack.settle()
    assert not slack.fake.named("chat.postMessage")


async def test_stale_timestamp_is_401(slack: SlackHarness) -> None:
    response = await slack.post(
        json.dumps(sample_json("slack-dm-event.json")),
        "application/json",
        timestamp=int(time.time()) - 600,
    )
    assert response.status == 401


async def test_url_verification_challenge(slack: SlackHarness) -> None:
    response = await slack.event({"type": "url_verification", "challenge": "abc123", "token": "t"})
    assert response.status == 200 and (await response.json())["challenge"] == "abc123"


async def test_unhandled_event_types_are_acknowledged(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    payload["event"] = {"type": "reaction_added", "user": "U0OFFICER", "reaction": "thumbsup"}
    payload["event_id"] = "Ev-reaction"
    assert (await slack.event(payload)).status == 200


async def test_a_retried_event_is_answered_once(slack: SlackHarness) -> None:
    payload = sample_json("slack-dm-event.json")
    assert (await slack.event(payload)).status == 200
    for retry in ("1", "2"):
        response = await slack.event(
            payload, {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"}
        )
        assert response.status == 200
    await slack.settle()
    assert len(slack.fake.named("chat.postMessage")) == 1


async def test_a_retry_reaching_another_replica_is_answered_once(tmp_path: Path) -> None:
    payload = sample_json("slack-dm-event.json")
    async with (
        fake_slack() as fake,
        slack_app(fake, tmp_path / "shared.db") as one,
        slack_app(fake, tmp_path / "shared.db") as two,
    ):
        await one.event(payload)
        await two.event(payload, {"X-Slack-Retry-Num": "1"})
        await one.settle()
        await two.settle()
    assert len(fake.named("chat.postMessage")) == 1


async def test_without_slack_settings_the_server_runs_and_slack_is_off(tmp_path: Path) -> None:
    app = await create_app(Settings(database_url=f"sqlite:///{tmp_path / 'wc.db'}", data_dir=DATA))
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/healthz")).status == 200
        assert (await client.post("/slack/events", data="x")).status in (404, 405)


async def test_every_web_api_call_goes_to_slack_api_url(slack: SlackHarness) -> None:
    await slack.event(sample_json("slack-dm-event.json"))
    await slack.wait_for("chat.postMessage")
    assert {c.method for c in slack.fake.calls} >= {"auth.test", "chat.postMessage"}


async def test_socket_mode_with_an_app_token(tmp_path: Path) -> None:
    async with fake_slack() as fake:
        fake.socket_envelopes.append(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "accepts_response_payload": False,
                "payload": sample_json("slack-dm-event.json"),
            }
        )
        async with slack_app(fake, tmp_path / "wc.db", slack_app_token="xapp-1-test") as slack:
            (call,) = await slack.wait_for("chat.postMessage")
            assert call.args["channel"] == "D0OFFICER"
            assert any(ack.get("envelope_id") == "env-1" for ack in fake.socket_acks)
        assert len(fake.named("apps.connections.open")) == 1


async def test_a_slow_answer_acks_at_once_and_follows_on_the_response_url(
    tmp_path: Path, services: Any
) -> None:
    import asyncio

    from adapters.slack.app import SlackAdapter
    from core.services.agency_router import AgencyRouter
    from core.services.responder import Responder
    from tests.fakes.clock import FakeClock
    from tests.slack_harness import SECRET, SlackHarness
    from tests.stores import sql_store

    class SlowConversation(Responder):
        async def reply(self, message):  # type: ignore[no-untyped-def]
            await asyncio.sleep(0.5)
            return await super().reply(message)

    bundle = services.bundle
    slow = SlowConversation(bundle.directory, services.lookup, bundle.tips)
    async with fake_slack() as fake, sql_store("sqlite", tmp_path) as store:
        adapter = SlackAdapter(
            AgencyRouter.single(slow),
            store,
            FakeClock(datetime.now(UTC)),
            token="xoxb-t",
            signing_secret=SECRET,
            api_url=fake.api_url,
            ack_budget_s=0.1,
        )
        app = web.Application()
        app.router.add_post("/slack/events", adapter.handle)
        async with TestClient(TestServer(app)) as client:
            harness = SlackHarness(fake, client)
            started = time.monotonic()
            answer = await (await harness.slash(text="alcohol")).json()
            assert time.monotonic() - started < 0.45
            assert answer == {"response_type": "ephemeral", "text": "One moment…"}
            deadline = time.monotonic() + 5
            while not fake.hooks and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
    (followed,) = fake.hooks
    assert followed["response_type"] == "ephemeral" and "copline" in json.dumps(followed["blocks"])
