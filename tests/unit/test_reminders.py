"""Reminder commands through the conversation, on the real SQL store, with a moved clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bots.bootstrap_services import Services
from core.domain.identity import ConversationRef, Platform, UserRef
from core.domain.messages import ButtonKind, ButtonPress, IncomingMessage, Place
from core.domain.replies import Reply
from core.services.reminders import Reminders
from core.services.responder import Responder
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # Thursday, 09:00 in Chicago
USER = UserRef(Platform.SLACK, "U0OFFICER", "T0WC")
DM = ConversationRef(Platform.SLACK, "D0OFFICER")


class StaticTimezones:
    def __init__(self, zone: str | None) -> None:
        self.zone = zone

    async def timezone_of(self, user: UserRef) -> str | None:
        return self.zone


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


def _conversation(services: Services, store: MemoryStore, zone: str | None = None) -> Responder:
    reminders = Reminders(
        store, FakeClock(NOW), "America/Chicago", {Platform.SLACK: StaticTimezones(zone)}
    )
    return services.responder.with_store(reminders)


async def _say(responder: Responder, text: str, timezone: str | None = None) -> str:
    reply: Reply = await responder.reply(IncomingMessage(text, USER, Place.DIRECT, DM, timezone))
    return "\n".join(s.text or "" for s in reply.sections)


async def test_subscribe_defaults_to_weekly_today_at_nine_in_the_agency_zone(
    services: Services, store: MemoryStore
) -> None:
    text = await _say(_conversation(services, store), "subscribe")
    assert "every Thursday at 09:00 (America/Chicago)" in text
    assert "Next tip: Thu 03 Dec, 09:00" in text  # 09:00 today has just passed
    sub = await store.get_subscription(Platform.SLACK, "U0OFFICER")
    assert sub is not None and sub.address == "D0OFFICER" and sub.timezone == "America/Chicago"


async def test_subscribe_daily_in_the_officers_own_zone(
    services: Services, store: MemoryStore
) -> None:
    text = await _say(
        _conversation(services, store, zone="America/Denver"), "subscribe daily at 06:30"
    )
    assert "every day at 06:30 (America/Denver)" in text and "Next tip: Fri 27 Nov, 06:30" in text
    sub = await store.get_subscription(Platform.SLACK, "U0OFFICER")
    assert sub is not None
    assert (
        sub.next_due_at.astimezone(ZoneInfo("America/Denver")).strftime("%Y-%m-%d %H:%M")
        == "2026-11-27 06:30"
    )


async def test_teams_client_timezone_wins(services: Services, store: MemoryStore) -> None:
    text = await _say(
        _conversation(services, store, zone="America/Denver"),
        "subscribe weekly at 18:00",
        "Europe/London",
    )
    assert "every Thursday at 18:00 (Europe/London)" in text


async def test_subscribe_weekly_on_a_named_day(services: Services, store: MemoryStore) -> None:
    text = await _say(_conversation(services, store), "subscribe weekly monday at 08:00")
    assert "every Monday at 08:00" in text and "Next tip: Mon 30 Nov, 08:00" in text


async def test_pause_status_resume_unsubscribe(services: Services, store: MemoryStore) -> None:
    conversation = _conversation(services, store)
    await _say(conversation, "subscribe daily at 07:00")
    paused = await _say(conversation, "pause 7 days")
    assert "Paused until Thu 03 Dec, 09:00" in paused and "Next tip: Fri 04 Dec, 07:00" in paused
    assert "Paused until" in await _say(conversation, "status")
    resumed = await _say(conversation, "resume")
    assert "Next tip: Fri 27 Nov, 07:00" in resumed
    assert "deleted" in await _say(conversation, "stop")
    assert await store.get_subscription(Platform.SLACK, "U0OFFICER") is None
    assert "Tips are off" in await _say(conversation, "status")


async def test_changing_the_time_keeps_the_place_in_the_tips(
    services: Services, store: MemoryStore
) -> None:
    conversation = _conversation(services, store)
    await _say(conversation, "subscribe daily at 07:00")
    key = (Platform.SLACK, "U0OFFICER")  # as if five tips had been delivered
    store.subscriptions[key] = replace(store.subscriptions[key], tips_sent=5)
    await _say(conversation, "subscribe at 21:15")
    again = await store.get_subscription(Platform.SLACK, "U0OFFICER")
    assert (
        again is not None
        and again.tips_sent == 5
        and (again.schedule.hour, again.schedule.minute) == (21, 15)
    )
    assert again.schedule.cadence.value == "daily"


@pytest.mark.parametrize(
    "text", ["subscribe daily at 25:00", "subscribe sometimes", "pause forever"]
)
async def test_bad_commands_get_a_kind_explanation(
    services: Services, store: MemoryStore, text: str
) -> None:
    answer = await _say(_conversation(services, store), text)
    assert "subscribe daily at 06:30" in answer
    assert await store.get_subscription(Platform.SLACK, "U0OFFICER") is None


async def test_buttons_do_the_same_as_typing(services: Services, store: MemoryStore) -> None:
    conversation = _conversation(services, store)
    reply = await conversation.press(
        ButtonPress(ButtonKind.COMMAND, "subscribe daily at 09:00", USER, Place.DIRECT, DM)
    )
    assert "every day at 09:00" in (reply.sections[0].text or "")
    assert {b.value for b in reply.buttons} >= {"pause 7 days", "unsubscribe"}


async def test_database_down_says_try_again_and_lookups_still_work(
    services: Services, store: MemoryStore
) -> None:
    store.down = True
    conversation = _conversation(services, store)
    assert "try again shortly" in await _say(conversation, "subscribe daily at 06:30")
    reply = await conversation.reply(IncomingMessage("I want to die", USER, Place.DIRECT, DM))
    assert reply.crisis


async def test_a_responder_without_a_store_points_to_where_reminders_work(
    services: Services,
) -> None:
    reply = await services.responder.reply(IncomingMessage("subscribe", USER, Place.DIRECT))
    assert "wellcheck console" in (reply.sections[0].text or "")


async def test_a_paused_card_offers_resume_not_another_pause(
    services: Services, store: MemoryStore
) -> None:
    conversation = _conversation(services, store)
    await _say(conversation, "subscribe daily at 07:00")
    for text in ("pause 7 days", "status"):
        reply = await conversation.reply(IncomingMessage(text, USER, Place.DIRECT, DM))
        labels = [b.label for b in reply.buttons]
        assert "Resume" in labels and "Pause 7 days" not in labels
    resumed = await conversation.reply(IncomingMessage("resume", USER, Place.DIRECT, DM))
    assert "Pause 7 days" in [b.label for b in resumed.buttons]
