"""Usage counters per agency: each agency's view writes into the one set of buffers under
its own id, /metrics totals stay across agencies, and forget me reaches every agency."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bots.bootstrap_services import Services
from bots.housekeeping import flush_usage
from core.domain.identity import Platform, UserRef
from core.domain.messages import IncomingMessage, Place
from core.errors import StoreError
from core.services.forget import Forgetter
from core.services.reminders import Reminders
from core.services.usage import DELIVERIES, LOOKUPS, Counts, ScopedUsage, Usage, week_of
from tests.fakes.clock import FakeClock
from tests.fakes.memory_store import MemoryStore

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
WEEK = week_of(NOW)
OFFICER = UserRef(Platform.SLACK, "U1", "T1")
OTHER = UserRef(Platform.SLACK, "U2", "T1")


def _usage() -> Usage:
    return Usage("k" * 64, FakeClock(NOW))


def test_a_scoped_view_counts_under_its_agency_in_the_shared_buffers() -> None:
    usage = _usage()
    lakeside, hillcrest = usage.scoped("lakeside"), usage.scoped("hillcrest")
    lakeside.count(LOOKUPS, "peer-support", OFFICER)
    lakeside.count(LOOKUPS, "peer-support", OFFICER)
    hillcrest.count(LOOKUPS, "peer-support", OTHER)
    usage.count(DELIVERIES, "sent")
    counts, people = usage.drain()
    assert counts == {
        (WEEK, "lakeside", LOOKUPS, "peer-support"): 2,
        (WEEK, "hillcrest", LOOKUPS, "peer-support"): 1,
        (WEEK, "", DELIVERIES, "sent"): 1,
    }
    mine = usage.digest(WEEK, Platform.SLACK, "U1")
    assert people == {
        (WEEK, "lakeside", mine),
        (WEEK, "hillcrest", usage.digest(WEEK, Platform.SLACK, "U2")),
    }
    assert usage.totals == {(LOOKUPS, "peer-support"): 3, (DELIVERIES, "sent"): 1}
    assert usage.drain() == ({}, set())


def test_a_view_digests_as_the_whole_does_and_both_are_counts() -> None:
    usage = _usage()
    view = usage.scoped("lakeside")
    assert isinstance(view, ScopedUsage) and view.agency == "lakeside"
    assert view.digest(WEEK, Platform.TEAMS, "29:x") == usage.digest(WEEK, Platform.TEAMS, "29:x")
    both: list[Counts] = [usage, view]  # mypy holds both to the protocol
    assert len(both) == 2


def test_forget_from_one_agency_drops_the_person_in_every_agency() -> None:
    usage = _usage()
    usage.scoped("lakeside").count(LOOKUPS, "family", OFFICER)
    usage.scoped("hillcrest").count(LOOKUPS, "family", OFFICER)
    usage.count(LOOKUPS, "family", OFFICER)
    usage.scoped("hillcrest").count(LOOKUPS, "family", OTHER)
    usage.scoped("lakeside").forget(Platform.SLACK, "U1")
    counts, people = usage.drain()
    assert people == {(WEEK, "hillcrest", usage.digest(WEEK, Platform.SLACK, "U2"))}
    assert sum(counts.values()) == 4  # counts are not about anyone: they stay


async def test_restore_puts_back_what_a_down_store_refused() -> None:
    usage, store = _usage(), MemoryStore()
    usage.scoped("lakeside").count(LOOKUPS, "family", OFFICER)
    store.down = True
    with pytest.raises(StoreError):  # the counts wait for the next minute
        await flush_usage(store, usage)
    store.down = False
    await flush_usage(store, usage)
    assert await store.usage_rows(WEEK, "lakeside") == [
        (WEEK, LOOKUPS, "family", 1),
        (WEEK, "people", "distinct", 1),
    ]
    assert await store.usage_rows(WEEK, "hillcrest") == []


async def test_the_responder_counts_for_its_agency(services: Services) -> None:
    usage, store = _usage(), MemoryStore()
    view = usage.scoped("lakeside")
    reminders = Reminders(store, FakeClock(NOW), "America/Chicago")
    responder = services.responder.with_store(reminders, view, Forgetter(store, store, view))
    await responder.reply(IncomingMessage("alcohol", OFFICER, Place.DIRECT))
    counts, people = usage.drain()
    assert counts and {agency for _, agency, _, _ in counts} == {"lakeside"}
    assert {agency for _, agency, _ in people} == {"lakeside"}


async def test_forget_me_through_a_view_deletes_stored_marks_of_every_agency() -> None:
    usage, store = _usage(), MemoryStore()
    for agency in ("lakeside", "hillcrest", ""):
        usage.scoped(agency).count(LOOKUPS, "family", OFFICER)
    usage.scoped("hillcrest").count(LOOKUPS, "family", OTHER)
    await flush_usage(store, usage)
    view = usage.scoped("lakeside")
    removed = await Forgetter(store, store, view).forget(Platform.SLACK, "U1")
    assert removed["weekly activity marks"] == 3
    assert await store.usage_rows(WEEK) == [
        (WEEK, LOOKUPS, "family", 4),
        (WEEK, "people", "distinct", 1),
    ]
