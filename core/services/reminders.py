"""Reminder commands: subscribe, pause, resume, unsubscribe, status. Each answers with
what is now set, in the officer's own time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from core.domain.identity import Platform, personal_chat_key
from core.domain.messages import IncomingMessage, Place
from core.domain.replies import Button, Reply, Section
from core.domain.schedules import check_timezone, local_text, next_after
from core.domain.subscriptions import Subscription
from core.errors import StoreError
from core.language.commands import (
    Action,
    CommandError,
    ReminderCommand,
    parse_reminder,
    schedule_for,
)
from core.services import copy
from core.services.ports import Clock, SubscriptionBook, TimezoneSource


class Reminders:
    def __init__(
        self,
        store: SubscriptionBook,
        clock: Clock,
        agency_timezone: str,
        timezones: Mapping[Platform, TimezoneSource] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._agency_timezone = agency_timezone
        self._timezones = dict(timezones or {})

    async def handle(self, message: IncomingMessage) -> Reply:
        try:
            command = parse_reminder(message.text)
        except CommandError as exc:
            return _say(f"{exc} Try: {copy.REMINDER_EXAMPLES}.")
        try:
            return await self._do(command, message)
        except StoreError:
            return _say(copy.SETTINGS_UNREACHABLE)

    async def _do(self, command: ReminderCommand, message: IncomingMessage) -> Reply:
        user = message.user
        current = await self._store.get_subscription(user.platform, user.id)
        now = self._clock.now()
        match command.action:
            case Action.SUBSCRIBE:
                return await self._subscribe(command, message, current, now)
            case Action.UNSUBSCRIBE:
                removed = await self._store.delete_subscription(user.platform, user.id)
                text = (
                    "Tips are off, and your reminder settings are deleted."
                    if removed
                    else "You had no tips set up."
                )
                return _say(text, copy.reminder_buttons(False))
            case Action.PAUSE:
                if current is None or not current.active:
                    return _say("You have no tips to pause.", copy.reminder_buttons(False))
                assert command.pause is not None
                until = now + command.pause
                following = next_after(current.schedule.cron(), current.timezone, until)
                paused = replace(current, paused_until=until, next_due_at=following)
                await self._store.put_subscription(paused, now)
                return self._status(paused, "Paused.")
            case Action.RESUME:
                if current is None:
                    return _say("You have no tips set up.", copy.reminder_buttons(False))
                resumed = current.with_schedule(
                    current.schedule,
                    current.timezone,
                    next_after(current.schedule.cron(), current.timezone, now),
                )
                await self._store.put_subscription(resumed, now)
                return self._status(resumed, "Tips are back on.")
            case Action.STATUS:
                if current is None or not current.active:
                    return _say(
                        f"Tips are off. To start: {copy.REMINDER_EXAMPLES.split(', ')[0]}.",
                        copy.reminder_buttons(False),
                    )
                return self._status(current, "")

    async def _subscribe(
        self,
        command: ReminderCommand,
        message: IncomingMessage,
        current: Subscription | None,
        now: datetime,
    ) -> Reply:
        timezone = await self._timezone(message, current)
        today = now.astimezone(ZoneInfo(timezone)).weekday()
        schedule = schedule_for(
            command, today, current.schedule if current and current.active else None
        )
        first = next_after(schedule.cron(), timezone, now)
        user = message.user
        if current is not None:
            sub = replace(
                current.with_schedule(schedule, timezone, first),
                address=_address(message, current.address),
            )
        else:
            sub = Subscription(
                user.platform,
                user.id,
                user.workspace,
                _address(message, ""),
                schedule,
                timezone,
                first,
                enterprise=user.enterprise,
            )
        await self._store.put_subscription(sub, now)
        return self._status(sub, "Done.")

    async def _timezone(self, message: IncomingMessage, current: Subscription | None) -> str:
        candidates: list[str | None] = [message.timezone]
        source = self._timezones.get(message.user.platform)
        if source is not None:
            candidates.append(await source.timezone_of(message.user))
        candidates.append(current.timezone if current else None)
        for zone in candidates:
            if zone and check_timezone(zone) is None:
                return zone
        return self._agency_timezone

    def _status(self, sub: Subscription, lead: str) -> Reply:
        when = sub.schedule.describe()
        lines = [f"{lead} Resilience tips come {when} ({sub.timezone}).".strip()]
        paused = bool(sub.paused_until and sub.paused_until > self._clock.now())
        if paused and sub.paused_until:
            lines.append(f"Paused until {local_text(sub.paused_until, sub.timezone)}.")
        lines.append(f"Next tip: {local_text(sub.next_due_at, sub.timezone)}.")
        lines.append("Change it any time: " + copy.REMINDER_EXAMPLES + ".")
        return _say("\n".join(lines), copy.reminder_buttons(True, paused=paused))


def _address(message: IncomingMessage, fallback: str) -> str:
    """Where tips go: the DM we are in (Slack), else the user (Slack opens the DM); for
    Teams the stored 1:1 conversation key."""
    user = message.user
    if user.platform is Platform.TEAMS:
        return personal_chat_key(user.id)
    if (
        message.place is Place.DIRECT
        and message.conversation is not None
        and message.conversation.id
    ):
        return message.conversation.id
    return fallback or user.id


def _say(text: str, buttons: tuple[Button, ...] = ()) -> Reply:
    return Reply((Section(copy.TIPS_TITLE, text),), buttons)
