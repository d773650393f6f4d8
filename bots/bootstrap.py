"""Everything a running WellCheck is made of, built once from Settings: the one
composition used by the web server and by `wellcheck deliver`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from adapters.sql import connect_store
from adapters.system_clock import SystemClock
from bots.settings import Settings
from core.datafiles.loader import Services, build_services, load_bundle
from core.domain.identity import Platform
from core.errors import ConfigError, StoreUnavailable
from core.services.forget import Forgetter
from core.services.pacing import Pacer
from core.services.ports import Clock, Store, TimezoneSource
from core.services.reminders import Reminders
from core.services.responder import Conversation
from core.services.tip_delivery import DeliveryPass, Outlet
from core.services.usage import Usage

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    services: Services
    store: Store
    conversation: Conversation
    delivery: DeliveryPass
    usage: Usage | None = None
    forgetter: Forgetter | None = None
    slack: Any = None  # adapters.slack.app.SlackAdapter when Slack is configured
    teams: Any = None  # adapters.teams.app.TeamsAdapter when Teams is mounted
    active_subscriptions: int | None = None  # refreshed each minute for /metrics
    _closers: list[Any] = field(default_factory=list)

    def set_active(self, count: int) -> None:
        self.active_subscriptions = count

    async def close(self) -> None:
        for close in reversed(self._closers):
            await close()


async def build_runtime(
    settings: Settings, *, clock: Clock | None = None, today: date | None = None, teams: bool = True
) -> Runtime:
    """Load and check the data, open the database, wire the adapters and the delivery pass.

    Raises DataError for bad data files and StoreUnavailable when the database is unreachable.
    """
    problems = settings.problems()
    if problems:
        raise ConfigError("; ".join(problems))
    clock = clock or SystemClock()
    services = build_services(load_bundle(settings.data_paths, today or clock.now().date()))
    store = await connect_store(settings.database_url)
    bundle = services.bundle
    usage = await _usage(settings, store, clock)
    forgetter = Forgetter(store, store, usage)
    timezones: dict[Platform, TimezoneSource] = {}
    channels: dict[Platform, Outlet] = {}
    slack_delivery = None
    if settings.slack_enabled:
        from adapters.slack.sender import SlackSender, SlackTimezones, delivery_client

        assert settings.slack_bot_token
        slack_delivery = delivery_client(settings.slack_bot_token, settings.slack_api_url)
        timezones[Platform.SLACK] = SlackTimezones(slack_delivery)
        channels[Platform.SLACK] = Outlet(
            SlackSender(slack_delivery), Pacer(settings.slack_send_rate)
        )
    reminders = Reminders(store, clock, bundle.agency.timezone, timezones)
    conversation = services.conversation.with_store(reminders, usage, forgetter)
    delivery = DeliveryPass(
        store, channels, clock, bundle.tips, bundle.directory, bundle.agency, usage
    )
    runtime = Runtime(settings, clock, services, store, conversation, delivery, usage, forgetter)
    runtime._closers.append(store.close)
    if settings.slack_enabled:
        from adapters.slack.app import SlackAdapter

        assert settings.slack_bot_token and settings.slack_signing_secret
        runtime.slack = SlackAdapter(
            conversation,
            store,
            clock,
            token=settings.slack_bot_token,
            signing_secret=settings.slack_signing_secret,
            api_url=settings.slack_api_url,
        )
    if teams and settings.teams_enabled:
        from adapters.teams.app import TeamsAdapter
        from adapters.teams.sender import TeamsSender

        if settings.teams.unauthenticated:
            log.warning("Teams runs unauthenticated (WELLCHECK_TEAMS_LOCAL=1): loopback only")
        runtime.teams = TeamsAdapter(conversation, store, clock, settings.teams)
        runtime._closers.append(runtime.teams.close)
        channels[Platform.TEAMS] = Outlet(
            TeamsSender(runtime.teams, store), Pacer(settings.teams_send_rate)
        )
    return runtime


async def _usage(settings: Settings, store: Store, clock: Clock) -> Usage | None:
    """Counters keyed by WELLCHECK_HASH_KEY, or by the key stored on first run."""
    if settings.hash_key:
        return Usage(settings.hash_key, clock)
    try:
        return Usage(await store.hash_key(), clock)
    except StoreUnavailable:
        log.warning(
            "usage counters off until restart: the database is down and no WELLCHECK_HASH_KEY is set"
        )
        return None

