"""The one composition root: everything a running WellCheck is made of, wired once.

The server, every command of the CLI, the tests and the benchmarks build through here. Tests
and benchmarks pass fakes (`store=`, `senders=`, `clock=`, `timezones=`) instead of wiring by
hand. Adapters are imported only when configured, so `wellcheck lookup` never loads a chat
SDK or the database library.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bots.agencies import Catalogue, load_catalogue
from bots.settings import Settings
from bots.slack_wiring import slack_adapter, slack_delivery
from core.datafiles.loader import Bundle
from core.domain.identity import Platform
from core.errors import ConfigError, StoreUnavailable
from core.services.agency_router import AgencyRouter
from core.services.forget import Forgetter
from core.services.pacing import Pacer, Spacing
from core.services.ports import Clock, Sender, Store, TimezoneSource
from core.services.reminders import Reminders
from core.services.tip_delivery import DeliveryPass, Outlet
from core.services.usage import Usage

if TYPE_CHECKING:
    from adapters.slack.app import SlackAdapter
    from adapters.teams.app import TeamsAdapter

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    bundle: Bundle
    store: Store
    responder: AgencyRouter  # each agency's responder, with reminders and counters
    delivery: DeliveryPass
    catalogue: Catalogue
    usage: Usage | None = None
    forgetter: Forgetter | None = None
    slack: SlackAdapter | None = None
    teams: TeamsAdapter | None = None
    active_subscriptions: int | None = None  # refreshed each minute for /metrics
    reload: Callable[[], Awaitable[bool]] | None = None  # read the agency files again
    _closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def set_active(self, count: int) -> None:
        self.active_subscriptions = count

    async def close(self) -> None:
        for close in reversed(self._closers):
            await close()


async def bootstrap(
    settings: Settings,
    *,
    store: Store | None = None,
    senders: Mapping[Platform, Sender] | None = None,
    clock: Clock | None = None,
    timezones: Mapping[Platform, TimezoneSource] | None = None,
    today: date | None = None,
    teams: bool = True,
    pick: Callable[[int], int] | None = None,
) -> Runtime:
    """Load and check the data, open the database, wire the adapters and the delivery pass.

    `store`, `senders` and `timezones` replace what the settings would build (the caller
    keeps ownership of a store it passes). Raises ConfigError for settings that must not go
    together, DataError for bad data files; a database that is down is not fatal here (the
    store reconnects), so the crisis lines are answered from the first request.
    """
    problems = settings.problems()
    if problems:
        raise ConfigError("; ".join(problems))
    if clock is None:
        from adapters.system_clock import SystemClock

        clock = SystemClock()
    catalogue = load_catalogue(settings, today or clock.now().date(), pick)
    closers: list[Callable[[], Awaitable[None]]] = []
    if store is None:
        from adapters.sql import connect_store

        store = await connect_store(settings.database_url)
        closers.append(store.close)
    bundle = catalogue.national.bundle
    usage = await _usage(settings, store, clock)
    forgetter = Forgetter(store, store, usage)
    zones: dict[Platform, TimezoneSource] = {}
    outlets: dict[Platform, Outlet] = {}
    if settings.slack_enabled:
        closers.append(slack_delivery(settings, store, zones, outlets, _outlet))
    zones.update(timezones or {})
    responder = _router(catalogue, store, clock, zones, usage, forgetter)
    delivery = DeliveryPass(
        store, outlets, clock, bundle.tips, bundle.directory, bundle.agency, usage
    )
    delivery.channels = catalogue.tip_channels

    async def reload() -> bool:
        """Raises DataError (nothing changed) when the files have an error."""
        fresh = await asyncio.to_thread(load_catalogue, settings, clock.now().date(), pick)
        responder.replace_with(_router(fresh, store, clock, zones, usage, forgetter))
        if gc.get_freeze_count():  # `serve` froze the old catalogue: let it go, keep the new
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        runtime.catalogue, runtime.bundle = fresh, fresh.national.bundle
        delivery.channels = fresh.tip_channels
        log.info("agency files read again: %d agencies", len(fresh.agencies))
        return True

    runtime = Runtime(
        settings, clock, bundle, store, responder, delivery, catalogue, usage, forgetter
    )
    runtime._closers.extend(closers)
    runtime.reload = reload
    if settings.slack_enabled:
        runtime.slack = slack_adapter(settings, responder, store, clock)
    if teams and settings.teams_enabled:
        runtime.teams = _teams_adapter(settings, responder, store, clock)
        runtime._closers.append(runtime.teams.close)
        outlets[Platform.TEAMS] = _outlet(
            Platform.TEAMS, _teams_sender(runtime.teams, store), settings
        )
    if settings.console_inbox is not None:  # the console as a platform: `wellcheck console`
        from adapters.console_inbox import ConsoleInbox

        outlets[Platform.CONSOLE] = _outlet(
            Platform.CONSOLE, ConsoleInbox(settings.console_inbox), settings
        )
    for platform, sender in (senders or {}).items():
        outlets[platform] = _outlet(platform, sender, settings)
    return runtime


def _router(
    catalogue: Catalogue,
    store: Store,
    clock: Clock,
    zones: Mapping[Platform, TimezoneSource],
    usage: Usage | None,
    forgetter: Forgetter,
) -> AgencyRouter:
    """Each agency's responder with reminders in its timezone, counters and forget me."""
    responders = {
        agency_id: services.responder.with_store(
            Reminders(store, clock, services.bundle.agency.timezone, zones),
            None if usage is None else usage.scoped(agency_id),
            forgetter,
        )
        for agency_id, services in catalogue.agencies.items()
    }
    if catalogue.tenancy is None:
        return AgencyRouter.single(responders[""])
    return AgencyRouter(responders, catalogue.tenancy, catalogue.national.responder)


# Each platform's limit per conversation: Slack about one message a second per channel,
# Teams a few a second per conversation (its documented per-thread limits).
PER_ADDRESS_S = {Platform.SLACK: 1.0, Platform.TEAMS: 0.5}


def _outlet(platform: Platform, sender: Sender, settings: Settings) -> Outlet:
    rate = settings.teams_send_rate if platform is Platform.TEAMS else settings.slack_send_rate
    return Outlet(sender, Pacer(rate), spacing=Spacing(PER_ADDRESS_S.get(platform, 0.0)))


def _teams_adapter(
    settings: Settings, responder: AgencyRouter, store: Store, clock: Clock
) -> TeamsAdapter:
    from adapters.teams.app import TeamsAdapter

    if settings.teams.unauthenticated:
        log.warning("Teams runs unauthenticated (WELLCHECK_TEAMS_LOCAL=1): loopback only")
    return TeamsAdapter(responder, store, clock, settings.teams)


def _teams_sender(adapter: TeamsAdapter, store: Store) -> Sender:
    from adapters.teams.sender import TeamsSender

    return TeamsSender(adapter, store)


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
