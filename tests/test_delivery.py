"""Delivery passes: exactly once, collapsed, paced, and to Slack and Teams through their fakes."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.sql import SqlStore, open_store
from bots.bootstrap import Services
from core.domain.agency import Agency, TipChannel
from core.domain.identity import Platform
from core.domain.schedules import Cadence, Schedule, next_after
from core.domain.subscriptions import Subscription
from core.errors import RateLimited, RecipientGone
from core.services.pacing import Pacer
from core.services.ports import DeliveryLedger
from core.services.tip_delivery import DeliveryPass, Outlet
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore
from tests.fakes.senders import RecordingSender
from tests.stores import BACKENDS, postgres_schema

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # Thursday 09:00 Chicago
DAILY_9 = Schedule(Cadence.DAILY, 9, 0)


def _sub(
    n: int,
    schedule: Schedule = DAILY_9,
    tz: str = "America/Chicago",
    created: datetime = NOW - timedelta(days=1),
) -> Subscription:
    return Subscription(
        Platform.SLACK,
        f"U{n:05d}",
        "T0WC",
        f"D{n:05d}",
        schedule,
        tz,
        next_after(schedule.cron(), tz, created),
    )


def _pass(
    store: DeliveryLedger,
    sender: RecordingSender,
    services: Services,
    clock: FakeClock,
    agency: Agency | None = None,
    platform: Platform = Platform.SLACK,
) -> DeliveryPass:
    bundle = services.bundle
    channels = {platform: Outlet(sender, Pacer(1000.0))}
    return DeliveryPass(store, channels, clock, bundle.tips, bundle.directory, agency or Agency())


@pytest.fixture
def store() -> MemoryStore:
    """Unit tests of the pass run on the fake; SQL's claims are proven below and in test_store."""
    return MemoryStore()


async def test_due_reminder_is_sent_once(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(_sub(1), NOW - timedelta(days=1))
    sender, clock = RecordingSender(), FakeClock(NOW)
    delivery = _pass(store, sender, services, clock)
    report = await delivery.run()
    assert report.sent == 1 and sender.addresses() == ["D00001"]
    assert (await delivery.run()).sent == 0
    clock.advance(timedelta(hours=23, minutes=59))
    assert (await delivery.run()).sent == 0
    clock.advance(timedelta(minutes=1))
    assert (await delivery.run()).sent == 1


async def test_missed_runs_collapse_into_one(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(_sub(1, created=NOW - timedelta(days=5)), NOW - timedelta(days=5))
    sender = RecordingSender()
    report = await _pass(store, sender, services, FakeClock(NOW)).run()
    assert report.sent == 1 and len(sender.sent) == 1


async def test_a_pass_that_cannot_reach_a_platform_leaves_its_tips_for_one_that_can(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(_sub(1), NOW - timedelta(days=1))
    teams_only = _pass(store, RecordingSender(), services, FakeClock(NOW), platform=Platform.TEAMS)
    assert not (await teams_only.run()).counts
    sender = RecordingSender()
    assert (await _pass(store, sender, services, FakeClock(NOW)).run()).sent == 1
    assert sender.addresses() == ["D00001"]


async def test_a_new_subscription_starts_at_its_next_time(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(_sub(1, created=NOW), NOW)  # 09:00 just now: next is tomorrow
    sender = RecordingSender()
    assert (await _pass(store, sender, services, FakeClock(NOW)).run()).sent == 0


async def test_deliver_at_a_given_time(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(_sub(1, created=NOW), NOW)
    sender = RecordingSender()
    delivery = _pass(store, sender, services, FakeClock(NOW))
    assert (await delivery.run(NOW + timedelta(days=1))).sent == 1


async def test_each_recipient_walks_the_tips_without_repeats(
    store: MemoryStore, services: Services
) -> None:
    tips = services.bundle.tips
    await store.put_subscription(_sub(1), NOW - timedelta(days=1))
    sender, clock = RecordingSender(), FakeClock(NOW)
    delivery = _pass(store, sender, services, clock)
    for _ in range(len(tips)):
        await delivery.run()
        clock.advance(timedelta(days=1))
    texts = [reply.sections[0].text for _, reply in sender.sent]
    assert len(texts) == len(tips) and len(set(texts)) == len(tips)


async def test_rate_limited_sends_wait_and_arrive(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(_sub(1), NOW - timedelta(days=1))
    sender = RecordingSender(failures={"D00001": [RateLimited(0.2), RateLimited(0.2)]})
    started = asyncio.get_running_loop().time()
    report = await _pass(store, sender, services, FakeClock(NOW)).run()
    assert report.sent == 1 and asyncio.get_running_loop().time() - started >= 0.4


async def test_a_recipient_who_is_gone_is_deactivated_once(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(_sub(1), NOW - timedelta(days=1))
    sender, clock = (
        RecordingSender(failures={"D00001": [RecipientGone("user_not_found")]}),
        FakeClock(NOW),
    )
    delivery = _pass(store, sender, services, clock)
    assert (await delivery.run()).counts["gone"] == 1
    sub = await store.get_subscription(Platform.SLACK, "U00001")
    assert sub is not None and not sub.active
    clock.advance(timedelta(days=3))
    assert not (await delivery.run()).counts


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
            await first.put_subscription(_sub(n), NOW - timedelta(days=1))
        clock = FakeClock(NOW)
        one, two = _pass(first, sender, services, clock), _pass(second, sender, services, clock)
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
        await store.put_subscription(_sub(n), NOW - timedelta(days=1))
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


# ---- through the platforms --------------------------------------------------------------


async def test_slack_channel_tips_follow_the_agency_cron(
    store: MemoryStore, services: Services
) -> None:
    from adapters.slack.sender import SlackSender, delivery_client
    from tests.fakes.slack_api import fake_slack

    agency = Agency(
        "Metro PD",
        "America/Chicago",
        (TipChannel(Platform.SLACK, "C0TIPS", "0 9 * * MON", "America/Chicago"),),
    )
    clock = FakeClock(NOW)
    async with fake_slack() as fake:
        channels = {
            Platform.SLACK: Outlet(SlackSender(delivery_client("xoxb-t", fake.api_url)), Pacer(50))
        }
        bundle = services.bundle
        delivery = DeliveryPass(store, channels, clock, bundle.tips, bundle.directory, agency)
        assert (await delivery.run()).sent == 0  # first start: nothing old is sent
        clock.moment = datetime(2026, 11, 30, 15, 0, 5, tzinfo=UTC)  # Monday 09:00:05 Chicago
        assert (await delivery.run()).sent == 1
        assert (await delivery.run()).sent == 0
    (call,) = fake.named("chat.postMessage")
    assert call.args["channel"] == "C0TIPS" and "Your resilience tip" in json.dumps(
        call.args["blocks"]
    )


async def test_slack_gone_and_throttled_through_the_wire(
    store: MemoryStore, services: Services
) -> None:
    from adapters.slack.sender import SlackSender, delivery_client
    from tests.fakes.slack_api import Canned, fake_slack

    for n in (1, 2):
        await store.put_subscription(_sub(n), NOW - timedelta(days=1))
    async with fake_slack() as fake:
        fake.fail_next(
            "chat.postMessage",
            Canned(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
            Canned(200, {"ok": False, "error": "channel_not_found"}),
        )
        sender = SlackSender(delivery_client("xoxb-t", fake.api_url))
        bundle = services.bundle
        delivery = DeliveryPass(
            store,
            {Platform.SLACK: Outlet(sender, Pacer(50), concurrency=1)},
            FakeClock(NOW),
            bundle.tips,
            bundle.directory,
            Agency(),
        )
        report = await delivery.run()
    assert report.counts == {"sent": 1, "gone": 1}
    assert len(fake.named("chat.postMessage")) == 3


async def test_teams_channel_and_personal_tips_use_stored_references(
    tmp_path: Path, services: Services
) -> None:
    from bots.server import RUNTIME
    from tests.teams_harness import fake_connector, sample, teams_app

    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db") as teams:
            await teams.send(sample("teams-install.json", connector))
            runtime = teams.client.server.app[RUNTIME]
            # an officer subscribes in the personal chat (Teams sends the client's timezone)
            message = sample("teams-personal-message.json", connector)
            message["text"] = "subscribe daily at 06:30"
            await teams.send(message)
            (confirmation,) = await teams.wait_for(1)
            assert "every day at 06:30 (America/Chicago)" in json.dumps(confirmation.body), [
                b.get("text") for b in confirmation.body["attachments"][0]["content"]["body"]
            ]
            channel = TipChannel(
                Platform.TEAMS, "19:metroteam0000@thread.tacv2", "0 8 * * *", "America/Denver"
            )
            bundle = services.bundle
            clock = FakeClock(
                datetime(2026, 11, 27, 12, 31, tzinfo=UTC)
            )  # 06:31 Chicago, 05:31 Denver
            delivery = DeliveryPass(
                runtime.store,
                runtime.delivery._outlets,
                clock,
                bundle.tips,
                bundle.directory,
                Agency("Metro", "America/Chicago", (channel,)),
            )
            assert (
                await delivery.run()
            ).sent == 1  # the officer's tip; the channel starts tomorrow... at 08:00 Denver
            clock.moment = datetime(2026, 11, 27, 15, 0, 30, tzinfo=UTC)  # 08:00 Denver
            assert (await delivery.run()).sent == 1
            sends = await teams.wait_for(3)
    paths = [s.path for s in sends]
    assert any("a:1Personal-opaque-conversation-id" in p for p in paths[1:])
    assert any("19:metroteam0000@thread.tacv2" in p for p in paths[1:])
