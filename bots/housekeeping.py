"""Background upkeep while serving: prune what is only kept for a while."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

from core.errors import StoreError
from core.services.ports import Clock, Store
from core.services.usage import Usage

log = logging.getLogger(__name__)

SIGHTINGS_KEPT = timedelta(days=1)  # Slack retries within minutes; Teams within hours
DELIVERIES_KEPT = timedelta(days=30)  # long enough to answer "did my tip go out?"
ABANDON_AFTER = timedelta(hours=1)  # a claim still open this long belonged to a process that died
PRUNE_EVERY = 60  # minutes
INTERVAL_S = 60.0


async def prune_once(store: Store, clock: Clock) -> int:
    now = clock.now()
    removed = await store.forget_sightings(now - SIGHTINGS_KEPT)
    deliveries = await store.prune_deliveries(now - DELIVERIES_KEPT, now - ABANDON_AFTER, now)
    if removed or any(deliveries.values()):
        log.info("pruned %d answered event ids; deliveries %s", removed, deliveries)
    return removed


async def flush_usage(store: Store, usage: Usage | None) -> None:
    if usage is None:
        return
    counts, people = usage.drain()
    if not counts and not people:
        return
    try:
        await store.add_usage(counts, people)
    except StoreError:
        usage.restore(counts, people)
        raise


def housekeeping(
    store: Store,
    clock: Clock,
    usage: Usage | None = None,
    gauge: Callable[[int], None] | None = None,
) -> Callable[[Any], AsyncIterator[None]]:
    """An aiohttp cleanup context: each minute store the counters (and read the active
    subscriptions for /metrics); each hour prune. Counters are flushed at shutdown too."""

    async def tick(minute: int) -> None:
        await flush_usage(store, usage)
        if gauge is not None:
            gauge(await store.count_active_subscriptions())
        if minute % PRUNE_EVERY == 0:
            await prune_once(store, clock)

    async def loop() -> None:
        minute = 0
        while True:
            try:
                await tick(minute)
            except StoreError as exc:
                log.warning("housekeeping skipped: %s", exc)
            minute += 1
            await asyncio.sleep(INTERVAL_S)

    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(loop())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        with contextlib.suppress(StoreError):
            await flush_usage(store, usage)

    return context
