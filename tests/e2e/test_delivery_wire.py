"""Tips through the platforms' wire: Slack's Web API and Teams' Bot Connector, faked."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bots.bootstrap_services import Services
from core.domain.agency import Agency, TipChannel
from core.domain.identity import Platform
from core.services.pacing import Pacer
from core.services.tip_delivery import DeliveryPass, Outlet
from tests.deliveries import NOW, sub
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


async def test_slack_channel_tips_follow_the_agency_cron(
    store: MemoryStore, services: Services
) -> None:
    from adapters.slack.sender import FixedToken, SlackSender
    from tests.fakes.slack_api import fake_slack

    agency = Agency(
        "Metro PD",
        "America/Chicago",
        (TipChannel(Platform.SLACK, "C0TIPS", "0 9 * * MON", "America/Chicago"),),
    )
    clock = FakeClock(NOW)
    async with fake_slack() as fake:
        sender = SlackSender(FixedToken("xoxb-t"), fake.api_url)
        channels = {Platform.SLACK: Outlet(sender, Pacer(50))}
        bundle = services.bundle
        delivery = DeliveryPass(store, channels, clock, bundle.tips, bundle.directory, agency)
        assert (await delivery.run()).sent == 0  # first start: nothing old is sent
        clock.moment = datetime(2026, 11, 30, 15, 0, 5, tzinfo=UTC)  # Monday 09:00:05 Chicago
        assert (await delivery.run()).sent == 1
        assert (await delivery.run()).sent == 0
        await sender.close()
    (call,) = fake.named("chat.postMessage")
    assert call.args["channel"] == "C0TIPS" and "Your resilience tip" in json.dumps(
        call.args["blocks"]
    )


async def test_slack_gone_and_throttled_through_the_wire(
    store: MemoryStore, services: Services
) -> None:
    from adapters.slack.sender import FixedToken, SlackSender
    from tests.fakes.slack_api import Canned, fake_slack

    for n in (1, 2):
        await store.put_subscription(sub(n), NOW - timedelta(days=1))
    async with fake_slack() as fake:
        fake.fail_next(
            "chat.postMessage",
            Canned(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
            Canned(200, {"ok": False, "error": "channel_not_found"}),
        )
        sender = SlackSender(FixedToken("xoxb-t"), fake.api_url)
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
        await sender.close()
    assert report.counts == {"sent": 1, "gone": 1}
    assert len(fake.named("chat.postMessage")) == 3


async def test_teams_channel_and_personal_tips_use_stored_references(
    tmp_path: Path, services: Services
) -> None:
    from bots.server import RUNTIME
    from tests.teams_harness import fake_connector, sample, teams_app

    # the officer subscribes at 06:00 Chicago by the app's clock, not the machine's: the
    # pass below runs at 06:31, and must find the 06:30 tip due whatever the real time is
    signup = FakeClock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    with fake_connector() as connector:
        async with teams_app(connector, tmp_path / "wc.db", clock=signup) as teams:
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
                runtime.delivery.outlets,
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
