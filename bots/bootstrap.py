"""The one composition root: everything a running WellCheck is made of, wired once.

The server, every command of the CLI, the tests and the benchmarks build through here. Tests
and benchmarks pass fakes (`store=`, `senders=`, `clock=`, `timezones=`) instead of wiring by
hand. Adapters are imported only when configured, so `wellcheck lookup` never loads a chat
SDK or the database library.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bots.settings import Settings
from core.datafiles.loader import Bundle, load_bundle
from core.domain.identity import Platform
from core.errors import ConfigError, StoreUnavailable
from core.language.ranking import RankedSearch
from core.language.search import SearchIndex
from core.language.text import make_stemmer
from core.services.forget import Forgetter
from core.services.lookup import Lookup
from core.services.pacing import Pacer, Spacing
from core.services.ports import Clock, Sender, Store, TimezoneSource
from core.services.reminders import Reminders
from core.services.responder import Responder
from core.services.tip_delivery import DeliveryPass, Outlet
from core.services.usage import Usage

if TYPE_CHECKING:
    from adapters.slack.app import SlackAdapter
    from adapters.teams.app import TeamsAdapter

log = logging.getLogger(__name__)


@dataclass(frozen=True, repr=False)
class Services:
    """The in-memory part: the data, search and crisis detection, and a responder that
    keeps nothing (the console, `wellcheck lookup`). Pure CPU, no I/O."""

    bundle: Bundle
    lookup: Lookup
    responder: Responder


def keyword_index(bundle: Bundle) -> SearchIndex:
    """The directory's keyword index (what the learned ranking re-ranks)."""
    directory = bundle.directory
    return SearchIndex(
        directory.resources,
        directory.categories,
        bundle.synonyms,
        make_stemmer(),
        bundle.agency.region,
        bundle.detector.known_word_set,
    )


def build_services(bundle: Bundle, pick: Callable[[int], int] | None = None) -> Services:
    """Index the directory and wire lookup and a store-less responder."""
    directory = bundle.directory
    index = keyword_index(bundle)
    if bundle.ranker is None:
        lookup = Lookup(directory, index, bundle.detector)
    else:
        ranked = RankedSearch(index, directory.resources, bundle.ranker)
        lookup = Lookup(
            directory, ranked, bundle.detector, ranked.reads_as_plea, ranked.reads_as_nothing
        )
    return Services(bundle, lookup, Responder(directory, lookup, bundle.tips, pick))


def offline(settings: Settings, today: date | None = None) -> Services:
    """The data files checked and loaded, for commands that touch no database."""
    return build_services(load_bundle(settings.data_paths, today or date.today()))


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    bundle: Bundle
    store: Store
    responder: Responder  # the process's one responder, with reminders and counters
    delivery: DeliveryPass
    usage: Usage | None = None
    forgetter: Forgetter | None = None
    slack: SlackAdapter | None = None
    teams: TeamsAdapter | None = None
    active_subscriptions: int | None = None  # refreshed each minute for /metrics
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
    services = build_services(load_bundle(settings.data_paths, today or clock.now().date()), pick)
    closers: list[Callable[[], Awaitable[None]]] = []
    if store is None:
        from adapters.sql import connect_store

        store = await connect_store(settings.database_url)
        closers.append(store.close)
    bundle = services.bundle
    usage = await _usage(settings, store, clock)
    forgetter = Forgetter(store, store, usage)
    zones: dict[Platform, TimezoneSource] = {}
    outlets: dict[Platform, Outlet] = {}
    if settings.slack_enabled:
        closers.append(_slack_delivery(settings, zones, outlets))
    zones.update(timezones or {})
    reminders = Reminders(store, clock, bundle.agency.timezone, zones)
    responder = services.responder.with_store(reminders, usage, forgetter)
    delivery = DeliveryPass(
        store, outlets, clock, bundle.tips, bundle.directory, bundle.agency, usage
    )
    runtime = Runtime(settings, clock, bundle, store, responder, delivery, usage, forgetter)
    runtime._closers.extend(closers)
    if settings.slack_enabled:
        runtime.slack = _slack_adapter(settings, responder, store, clock)
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


# Each platform's limit per conversation: Slack about one message a second per channel,
# Teams a few a second per conversation (its documented per-thread limits).
PER_ADDRESS_S = {Platform.SLACK: 1.0, Platform.TEAMS: 0.5}


def _outlet(platform: Platform, sender: Sender, settings: Settings) -> Outlet:
    rate = settings.teams_send_rate if platform is Platform.TEAMS else settings.slack_send_rate
    return Outlet(sender, Pacer(rate), spacing=Spacing(PER_ADDRESS_S.get(platform, 0.0)))


def _slack_delivery(
    settings: Settings, zones: dict[Platform, TimezoneSource], outlets: dict[Platform, Outlet]
) -> Callable[[], Awaitable[None]]:
    """Slack's sender for tips and its timezone lookups; returns what closes the sender."""
    from adapters.slack.sender import SlackSender, SlackTimezones, delivery_client

    assert settings.slack_bot_token
    client = delivery_client(settings.slack_bot_token, settings.slack_api_url)
    zones[Platform.SLACK] = SlackTimezones(client)
    sender = SlackSender(client)
    outlets[Platform.SLACK] = _outlet(Platform.SLACK, sender, settings)
    return sender.close


def _slack_adapter(
    settings: Settings, responder: Responder, store: Store, clock: Clock
) -> SlackAdapter:
    from adapters.slack.app import SlackAdapter

    assert settings.slack_bot_token and settings.slack_signing_secret
    return SlackAdapter(
        responder,
        store,
        clock,
        token=settings.slack_bot_token,
        signing_secret=settings.slack_signing_secret,
        api_url=settings.slack_api_url,
    )


def _teams_adapter(
    settings: Settings, responder: Responder, store: Store, clock: Clock
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
