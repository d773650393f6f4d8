"""Drive the real bolt stack over HTTP, signed like Slack, against the loopback Slack."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from bots.server import create_app
from bots.settings import Settings
from tests.conftest import SAMPLES
from tests.fakes.slack_api import FakeSlack, form, sign

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
WIRE = SAMPLES / "wire"


def sample_json(name: str) -> dict[str, Any]:
    return json.loads((WIRE / name).read_text())


def sample_slash(**changes: str) -> dict[str, str]:
    fields = dict(parse_qsl((WIRE / "slack-slash-command.txt").read_text().strip()))
    fields.update(changes)
    return fields


@dataclass
class SlackHarness:
    fake: FakeSlack
    client: TestClient

    async def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
    ) -> ClientResponse:
        signed = sign(SECRET, body, timestamp)
        signed.update(headers or {})
        signed["Content-Type"] = content_type
        return await self.client.post("/slack/events", data=body.encode(), headers=signed)

    async def slash(self, **changes: str) -> ClientResponse:
        fields = sample_slash(response_url=self.fake.hook_url(), **changes)
        return await self.post(form(fields), "application/x-www-form-urlencoded")

    async def event(
        self, payload: dict[str, Any], headers: dict[str, str] | None = None
    ) -> ClientResponse:
        return await self.post(json.dumps(payload), "application/json", headers)

    async def action(self, payload: dict[str, Any]) -> ClientResponse:
        return await self.post(
            form({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        while len(self.fake.named(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {count} {method} call(s), saw {[c.method for c in self.fake.calls]}"
                )
            await asyncio.sleep(0.01)
        return self.fake.named(method)

    async def settle(self, seconds: float = 0.3) -> None:
        """Let listeners that run after the ack finish (for asserting nothing happened)."""
        await asyncio.sleep(seconds)


def settings_for(fake: FakeSlack, db: Path, **extra: Any) -> Settings:
    return Settings(
        database_url=f"sqlite:///{db}",
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        **{"metrics_addr": "127.0.0.1:0", **extra},
    )


@asynccontextmanager
async def slack_app(fake: FakeSlack, db: Path, **extra: Any) -> AsyncIterator[SlackHarness]:
    app = await create_app(settings_for(fake, db, **extra))
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield SlackHarness(fake, client)
