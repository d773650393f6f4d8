"""Certainly not sent comes back on a later pass, once; maybe sent never comes back.

Through the real SlackSender (slack_sdk over HTTP) and the real Teams stack (botbuilder
through the loopback Bot Connector), on a real SQLite store.
"""

from __future__ import annotations

import asyncio
import socket
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestServer

from adapters.slack.sender import FixedToken, SlackSender
from adapters.sql import SqlStore, open_store
from bots.bootstrap_services import Services
from core.domain.agency import Agency
from core.domain.identity import Platform
from core.services.pacing import Pacer
from core.services.tip_delivery import DeliveryPass, Outlet, Report
from tests.deliveries import NOW, sub
from tests.fakes.clock import FakeClock


class Slack:
    """chat.postMessage that counts each channel's posts; `status` and `stall_s` say how
    it answers after counting (a stall past the client's timeout: maybe sent)."""

    def __init__(self) -> None:
        self.posted: Counter[str] = Counter()
        self.connections: set[int] = set()
        self.status = 200
        self.stall_s = 0.0

    async def api(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.posted[str(body.get("channel"))] += 1
        self.connections.add(id(request.transport))
        if self.stall_s:
            await asyncio.sleep(self.stall_s)
        if self.status >= 500:
            return web.json_response({"ok": False, "error": "fatal_error"}, status=self.status)
        return web.json_response({"ok": True, "ts": "1.1", "channel": body.get("channel")})


@asynccontextmanager
async def slack_at(slack: Slack) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/api/chat.postMessage", slack.api)
    server = TestServer(app)
    await server.start_server()
    try:
        yield str(server.make_url("/api/"))
    finally:
        await server.close()


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/"  # nothing listens: connection refused


async def _store(tmp_path: Path, people: int) -> SqlStore:
    store = await open_store(f"sqlite:///{tmp_path / 'wc.db'}")
    for n in range(people):
        await store.put_subscription(sub(n), NOW - timedelta(days=1))
    return store


async def _run(store: SqlStore, api_url: str, services: Services, clock: FakeClock) -> Report:
    """One pass through a new SlackSender (as a new process would send)."""
    sender = SlackSender(FixedToken("xoxb-t"), api_url, timeout=1)  # the stall outlasts it
    outlets = {Platform.SLACK: Outlet(sender, Pacer(100.0))}
    bundle = services.bundle
    try:
        return await DeliveryPass(
            store, outlets, clock, bundle.tips, bundle.directory, Agency()
        ).run()
    finally:
        await sender.close()


async def test_slack_unreachable_then_back_sends_each_tip_once(
    tmp_path: Path, services: Services
) -> None:
    store = await _store(tmp_path, 3)
    clock = FakeClock(NOW)
    try:
        down = await _run(store, closed_port_url(), services, clock)
        assert down.counts == {"released": 3}
        slack = Slack()
        async with slack_at(slack) as url:
            assert (await _run(store, url, services, clock)).sent == 0  # not this pass
            clock.advance(timedelta(minutes=2))
            assert (await _run(store, url, services, clock)).sent == 3
            clock.advance(timedelta(minutes=2))
            assert (await _run(store, url, services, clock)).sent == 0
        assert slack.posted == {"D00000": 1, "D00001": 1, "D00002": 1}
    finally:
        await store.close()


async def test_released_tips_wait_no_longer_than_an_hour(
    tmp_path: Path, services: Services
) -> None:
    store = await _store(tmp_path, 2)
    clock = FakeClock(NOW)
    try:
        assert (await _run(store, closed_port_url(), services, clock)).counts == {"released": 2}
        slack = Slack()
        async with slack_at(slack) as url:
            clock.advance(timedelta(minutes=61))
            assert (await _run(store, url, services, clock)).sent == 0
            clock.advance(timedelta(days=1))  # the next day's tip comes as usual
            assert (await _run(store, url, services, clock)).sent == 2
        assert slack.posted == {"D00000": 1, "D00001": 1}
    finally:
        await store.close()


async def test_a_timeout_after_the_request_went_out_is_never_sent_again(
    tmp_path: Path, services: Services
) -> None:
    store = await _store(tmp_path, 2)
    clock = FakeClock(NOW)
    slack = Slack()
    slack.stall_s = 2.0
    try:
        async with slack_at(slack) as url:
            assert (await _run(store, url, services, clock)).counts == {"failed": 2}
            slack.stall_s = 0.0
            for _ in range(3):
                clock.advance(timedelta(minutes=2))
                assert (await _run(store, url, services, clock)).sent == 0
        assert slack.posted == {"D00000": 1, "D00001": 1}
    finally:
        await store.close()


async def test_a_5xx_is_maybe_sent_and_never_retried(tmp_path: Path, services: Services) -> None:
    store = await _store(tmp_path, 1)
    clock = FakeClock(NOW)
    slack = Slack()
    slack.status = 503
    try:
        async with slack_at(slack) as url:
            assert (await _run(store, url, services, clock)).counts == {"failed": 1}
            slack.status = 200
            clock.advance(timedelta(minutes=2))
            assert (await _run(store, url, services, clock)).sent == 0
        assert slack.posted == {"D00000": 1}
    finally:
        await store.close()


async def test_teams_token_endpoint_down_then_back_sends_the_tip_once(
    tmp_path: Path, services: Services
) -> None:
    from datetime import UTC, datetime

    from bots.server import RUNTIME
    from tests.fakes.bot_connector import Canned
    from tests.teams_harness import fake_connector, sample, teams_app

    signup = FakeClock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))  # 06:00 Chicago
    db = tmp_path / "wc.db"
    with fake_connector() as connector:
        async with teams_app(connector, db, clock=signup) as teams:
            message = sample("teams-personal-message.json", connector)
            message["text"] = "subscribe daily at 06:30"
            await teams.send(message)
            await teams.wait_for(1)
        before = len(connector.messages())
        # a new process: no token cached, and the token endpoint is failing
        clock = FakeClock(datetime(2026, 11, 27, 12, 31, tzinfo=UTC))
        async with teams_app(connector, db, clock=clock) as teams:
            delivery = teams.client.server.app[RUNTIME].delivery
            connector.fail_next("token", *[Canned(503, {"error": "temporarily_unavailable"})] * 5)
            assert (await delivery.run()).counts == {"released": 1}
            assert len(connector.messages()) == before
            connector.queued.clear()
            clock.advance(timedelta(minutes=2))
            assert (await delivery.run()).sent == 1
            clock.advance(timedelta(minutes=2))
            assert (await delivery.run()).sent == 0
        assert len(connector.messages()) == before + 1


async def test_tips_share_kept_alive_connections(tmp_path: Path, services: Services) -> None:
    store = await _store(tmp_path, 40)
    slack = Slack()
    try:
        async with slack_at(slack) as url:
            assert (await _run(store, url, services, FakeClock(NOW))).sent == 40
    finally:
        await store.close()
    assert len(slack.connections) < 10  # slack_sdk alone opens one per message
