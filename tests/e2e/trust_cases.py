"""Shared by the trust tests: reading /metrics from its own listener."""

from __future__ import annotations

from aiohttp.test_utils import TestClient


async def read_metrics(client: TestClient) -> str:
    """GET /metrics from the separate metrics listener (never the main port)."""
    from aiohttp import ClientSession

    from bots.server import METRICS_URL

    (url,) = client.server.app[METRICS_URL]
    async with ClientSession() as session, session.get(url) as response:
        return await response.text()
