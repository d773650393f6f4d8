"""Drive the real CloudAdapter over HTTP against the loopback Bot Connector."""

from __future__ import annotations

import asyncio
import copy
import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from adapters.teams.config import TeamsConfig
from bots.server import create_app
from bots.settings import Settings
from tests.conftest import SAMPLES
from tests.fakes.bot_connector import FakeConnector, Sent


def sample(name: str, connector: FakeConnector) -> dict[str, Any]:
    activity = json.loads((SAMPLES / "wire" / name).read_text())
    activity["serviceUrl"] = connector.service_url
    return copy.deepcopy(activity)


@contextmanager
def fake_connector() -> Iterator[FakeConnector]:
    connector = FakeConnector()
    connector.start()
    try:
        yield connector
    finally:
        connector.stop()


@dataclass
class TeamsHarness:
    connector: FakeConnector
    client: TestClient
    auth: bool

    async def send(self, activity: dict[str, Any], token: str | None = None) -> ClientResponse:
        headers = {"Content-Type": "application/json"}
        if self.auth:
            headers["Authorization"] = f"Bearer {token or self.connector.mint()}"
        return await self.client.post("/api/messages", data=json.dumps(activity), headers=headers)

    async def wait_for(
        self, count: int = 1, method: str | None = None, timeout: float = 10.0
    ) -> list[Sent]:
        deadline = time.monotonic() + timeout
        while True:
            found = [s for s in self.connector.sent if method is None or s.method == method]
            if method is None:
                found = self.connector.messages()
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"expected {count} sends, saw {[s.method for s in self.connector.sent]}"
                )
            await asyncio.sleep(0.02)


@asynccontextmanager
async def teams_app(
    connector: FakeConnector, db: Path, *, auth: bool = True, clock: Any = None, **extra: Any
) -> AsyncIterator[TeamsHarness]:
    teams = connector.teams_config() if auth else TeamsConfig(local=True)
    fields: dict[str, Any] = {"teams": teams, "metrics_addr": "127.0.0.1:0", **extra}
    app = await create_app(Settings(database_url=f"sqlite:///{db}", **fields), clock=clock)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield TeamsHarness(connector, client, auth)
