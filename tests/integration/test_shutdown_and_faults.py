"""SIGTERM during a delivery pass loses and doubles nothing; a database that drops its
connections mid-run is reconnected to."""

from __future__ import annotations

import asyncio
import signal
import socket
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web

from adapters.sql import open_store
from core.domain.identity import Platform
from core.domain.schedules import Cadence, Schedule, next_after
from core.domain.subscriptions import Subscription
from tests.conftest import ROOT
from tests.processes import clean_env
from tests.stores import POSTGRES_URL, postgres_schema

COUNT = 1200


class SlowSlack:
    def __init__(self) -> None:
        self.channels: Counter[str] = Counter()

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "chat.postMessage":
            body = (
                await request.json()
                if request.content_type == "application/json"
                else dict(await request.post())
            )
            await asyncio.sleep(0.005)
            self.channels[str(body.get("channel"))] += 1
        return web.json_response(
            {"ok": True, "ts": "1.1", "user_id": "U0BOT", "team_id": "T0", "bot_id": "B0"}
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_sigterm_during_a_delivery_pass_loses_and_doubles_nothing(tmp_path: Path) -> None:
    db = tmp_path / "wc.db"
    now = datetime.now(UTC)
    schedule = Schedule(Cadence.DAILY, 9, 0)
    store = await open_store(f"sqlite:///{db}")
    for n in range(COUNT):
        sub = Subscription(
            Platform.SLACK,
            f"U{n:05d}",
            "T0",
            f"D{n:05d}",
            schedule,
            "UTC",
            next_after(schedule.cron(), "UTC", now - timedelta(days=2)),
        )
        await store.put_subscription(sub, now)
    await store.close()

    slack = SlowSlack()
    app = web.Application()
    app.router.add_post("/api/{method}", slack.api)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    api_url = f"http://127.0.0.1:{runner.addresses[0][1]}/api/"
    env = clean_env()
    env.update(
        {
            "WELLCHECK_DATABASE_URL": f"sqlite:///{db}",
            "SLACK_BOT_TOKEN": "xoxb-t",
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": api_url,
            "WELLCHECK_SLACK_SEND_RATE": "300",
        }
    )
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bots",
        "serve",
        "--port",
        str(_free_port()),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while sum(slack.channels.values()) < 100:
            assert time.monotonic() < deadline, "the pass did not start"
            await asyncio.sleep(0.02)
        server.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(server.wait(), 60) == 0
        during = sum(slack.channels.values())
        assert during >= 100  # what was claimed went out before the exit
        later = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bots",
            "deliver",
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        assert await asyncio.wait_for(later.wait(), 120) == 0
    finally:
        if server.returncode is None:
            server.kill()
        await runner.cleanup()
    assert len(slack.channels) == COUNT
    assert set(slack.channels.values()) == {1}


@pytest.mark.skipif(
    not POSTGRES_URL, reason="WELLCHECK_TEST_POSTGRES_URL is not set (.ci/run sets it)"
)
async def test_postgres_connections_killed_mid_run_are_replaced(tmp_path: Path) -> None:
    import asyncpg

    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    async with postgres_schema() as (url, options):
        store = await open_store(url, **options)
        try:
            assert await store.first_sighting("before", now)
            schema = options["connect_args"]["server_settings"]["application_name"]
            admin = await asyncpg.connect(POSTGRES_URL)
            killed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
                schema,
            )
            await admin.close()
            assert killed >= 1
            assert await store.first_sighting(
                "after", now
            )  # the pool pings, finds it dead, reconnects
            await store.ping()
        finally:
            await store.close()
