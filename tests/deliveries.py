"""What the delivery tests share: a fixed now, a subscription maker, a pass on a fake sender."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bots.bootstrap_services import Services
from core.domain.agency import Agency
from core.domain.identity import Platform
from core.domain.schedules import Cadence, Schedule, next_after
from core.domain.subscriptions import Subscription
from core.services.pacing import Pacer
from core.services.ports import DeliveryLedger
from core.services.tip_delivery import DeliveryPass, Outlet
from tests.fakes.clock import FakeClock
from tests.fakes.senders import RecordingSender

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # Thursday 09:00 Chicago
DAILY_9 = Schedule(Cadence.DAILY, 9, 0)


def sub(
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


def make_pass(
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
