"""The delivery pass on the in-memory store: once, collapsed, paced, walking the tips."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bots.bootstrap_services import Services
from core.domain.identity import Platform
from core.errors import RateLimited, RecipientGone
from tests.deliveries import NOW, make_pass, sub
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore
from tests.fakes.senders import RecordingSender


@pytest.fixture
def store() -> MemoryStore:
    """Unit tests of the pass run on the fake; SQL's claims are proven in tests/integration."""
    return MemoryStore()


async def test_due_reminder_is_sent_once(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender, clock = RecordingSender(), FakeClock(NOW)
    delivery = make_pass(store, sender, services, clock)
    report = await delivery.run()
    assert report.sent == 1 and sender.addresses() == ["D00001"]
    assert (await delivery.run()).sent == 0
    clock.advance(timedelta(hours=23, minutes=59))
    assert (await delivery.run()).sent == 0
    clock.advance(timedelta(minutes=1))
    assert (await delivery.run()).sent == 1


async def test_missed_runs_collapse_into_one(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(sub(1, created=NOW - timedelta(days=5)), NOW - timedelta(days=5))
    sender = RecordingSender()
    report = await make_pass(store, sender, services, FakeClock(NOW)).run()
    assert report.sent == 1 and len(sender.sent) == 1


async def test_a_pass_that_cannot_reach_a_platform_leaves_its_tips_for_one_that_can(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    teams_only = make_pass(
        store, RecordingSender(), services, FakeClock(NOW), platform=Platform.TEAMS
    )
    assert not (await teams_only.run()).counts
    sender = RecordingSender()
    assert (await make_pass(store, sender, services, FakeClock(NOW)).run()).sent == 1
    assert sender.addresses() == ["D00001"]


async def test_a_new_subscription_starts_at_its_next_time(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(sub(1, created=NOW), NOW)  # 09:00 just now: next is tomorrow
    sender = RecordingSender()
    assert (await make_pass(store, sender, services, FakeClock(NOW)).run()).sent == 0


async def test_deliver_at_a_given_time(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(sub(1, created=NOW), NOW)
    sender = RecordingSender()
    delivery = make_pass(store, sender, services, FakeClock(NOW))
    assert (await delivery.run(NOW + timedelta(days=1))).sent == 1


async def test_each_recipient_walks_the_tips_without_repeats(
    store: MemoryStore, services: Services
) -> None:
    tips = services.bundle.tips
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender, clock = RecordingSender(), FakeClock(NOW)
    delivery = make_pass(store, sender, services, clock)
    for _ in range(len(tips)):
        await delivery.run()
        clock.advance(timedelta(days=1))
    texts = [reply.sections[0].text for _, reply in sender.sent]
    assert len(texts) == len(tips) and len(set(texts)) == len(tips)


async def test_rate_limited_sends_wait_and_arrive(store: MemoryStore, services: Services) -> None:
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender = RecordingSender(failures={"D00001": [RateLimited(0.2), RateLimited(0.2)]})
    started = asyncio.get_running_loop().time()
    report = await make_pass(store, sender, services, FakeClock(NOW)).run()
    assert report.sent == 1 and asyncio.get_running_loop().time() - started >= 0.4


async def test_a_recipient_who_is_gone_is_deactivated_once(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender, clock = (
        RecordingSender(failures={"D00001": [RecipientGone("user_not_found")]}),
        FakeClock(NOW),
    )
    delivery = make_pass(store, sender, services, clock)
    assert (await delivery.run()).counts["gone"] == 1
    gone = await store.get_subscription(Platform.SLACK, "U00001")
    assert gone is not None and not gone.active
    clock.advance(timedelta(days=3))
    assert not (await delivery.run()).counts


async def test_not_sent_is_tried_again_on_a_later_pass_and_maybe_sent_never(
    store: MemoryStore, services: Services
) -> None:
    from core.errors import NotSent, PlatformError

    for n in (1, 2, 3):
        await store.put_subscription(sub(n), NOW - timedelta(days=1))
    sender, clock = RecordingSender(), FakeClock(NOW)
    sender.failures = {
        "D00001": [NotSent("connection refused")],
        "D00002": [PlatformError("timed out after sending")],
    }
    delivery = make_pass(store, sender, services, clock)
    assert (await delivery.run()).counts == {"sent": 1, "released": 1, "failed": 1}
    assert (await delivery.run()).counts == {}  # not in the same minute
    clock.advance(timedelta(minutes=1))
    assert (await delivery.run()).counts == {"sent": 1}
    clock.advance(timedelta(minutes=5))
    assert (await delivery.run()).counts == {}
    assert sorted(sender.addresses()) == ["D00001", "D00003"]


async def test_still_rate_limited_after_every_try_is_released(
    store: MemoryStore, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.services import tip_delivery

    monkeypatch.setattr(tip_delivery, "RATE_LIMIT_RETRIES", 2)
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender = RecordingSender(failures={"D00001": [RateLimited(0.01), RateLimited(0.01)]})
    delivery = make_pass(store, sender, services, FakeClock(NOW))
    assert (await delivery.run()).counts == {"released": 1}


async def test_a_pass_while_another_runs_does_nothing(
    store: MemoryStore, services: Services
) -> None:
    await store.put_subscription(sub(1), NOW - timedelta(days=1))
    sender = RecordingSender(delay=0.05)
    delivery = make_pass(store, sender, services, FakeClock(NOW))
    first, second = await asyncio.gather(delivery.run(), delivery.run())
    assert (first.sent, second.busy, str(second)) == (
        1,
        True,
        "another process is delivering; nothing done",
    )


async def test_an_outage_is_one_log_line_not_one_per_tip(
    store: MemoryStore, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    from core.errors import NotSent

    for n in range(30):
        await store.put_subscription(sub(n), NOW - timedelta(days=1))
    down = {f"D{n:05d}": [NotSent("Slack unreachable: ClientConnectorError")] for n in range(30)}
    sender = RecordingSender(failures=down)
    with caplog.at_level("WARNING", logger="core.services.tip_delivery"):
        report = await make_pass(store, sender, services, FakeClock(NOW)).run()
    assert report.counts == {"released": 30}
    assert [r.getMessage() for r in caplog.records] == [
        "30 tips not sent, released for a later pass: Slack unreachable: ClientConnectorError"
    ]
