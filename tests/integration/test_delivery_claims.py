"""Claims on a real database: two passes, or two processes, send each tip exactly once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.sql import SqlStore, open_store
from bots.bootstrap_services import Services
from tests.deliveries import NOW, make_pass, sub
from tests.fakes.clock import FakeClock
from tests.fakes.senders import RecordingSender
from tests.stores import BACKENDS, postgres_schema


@pytest.mark.parametrize("backend", BACKENDS)
async def test_two_concurrent_passes_send_each_reminder_exactly_once(
    backend: str, tmp_path: Path, services: Services
) -> None:
    count = 300
    sender = RecordingSender(delay=0.001)
    if backend == "sqlite":
        url, options = f"sqlite:///{tmp_path / 'shared.db'}", {}
        first = await open_store(url)
        second = await open_store(url)
        await _run_two(first, second, sender, services, count)
    else:
        async with postgres_schema() as (url, options):
            first = await open_store(url, **options)
            second = await open_store(url, **options)
            await _run_two(first, second, sender, services, count)
    addresses = sender.addresses()
    assert len(addresses) == count and len(set(addresses)) == count


async def _run_two(
    first: SqlStore, second: SqlStore, sender: RecordingSender, services: Services, count: int
) -> None:
    try:
        for n in range(count):
            await first.put_subscription(sub(n), NOW - timedelta(days=1))
        clock = FakeClock(NOW)
        one, two = (
            make_pass(first, sender, services, clock),
            make_pass(second, sender, services, clock),
        )
        reports = await asyncio.gather(one.run(), two.run(), one.run(), two.run())
        assert sum(r.sent for r in reports) == count
    finally:
        await first.close()
        await second.close()


async def test_two_processes_deliver_once(tmp_path: Path) -> None:
    """`wellcheck deliver` twice at once against one database, as a cron job beside the server."""
    import sys

    from tests.conftest import ROOT
    from tests.fakes.slack_api import fake_slack
    from tests.processes import clean_env

    db = tmp_path / "wc.db"
    store = await open_store(f"sqlite:///{db}")
    for n in range(40):
        await store.put_subscription(sub(n), NOW - timedelta(days=1))
    await store.close()
    async with fake_slack() as fake:
        env = {
            **clean_env(),
            "WELLCHECK_DATABASE_URL": f"sqlite:///{db}",
            "SLACK_BOT_TOKEN": "xoxb-t",
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": fake.api_url,
            "WELLCHECK_SLACK_SEND_RATE": "500",
        }
        command = [sys.executable, "-m", "bots", "deliver", "--at", "2026-11-26T15:00:30Z"]
        procs = [
            await asyncio.create_subprocess_exec(
                *command,
                cwd=ROOT,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(2)
        ]
        outputs = [await p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    channels = [c.args["channel"] for c in fake.named("chat.postMessage")]
    assert len(channels) == 40 and len(set(channels)) == 40
