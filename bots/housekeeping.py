"""Background upkeep while serving: prune what is only kept for a while."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

from core.errors import StoreError
from core.ports import Clock, Store

log = logging.getLogger(__name__)

SIGHTINGS_KEPT = timedelta(days=1)  # Slack retries within minutes; Teams within hours
INTERVAL_S = 3600.0


async def prune_once(store: Store, clock: Clock) -> int:
    removed = await store.forget_sightings(clock.now() - SIGHTINGS_KEPT)
    if removed:
        log.info("pruned %d answered event ids", removed)
    return removed


def housekeeping(
    store: Store, clock: Clock, interval_s: float = INTERVAL_S
) -> Callable[[Any], AsyncIterator[None]]:
    """An aiohttp cleanup context running `prune_once` now and every `interval_s`."""

    async def loop() -> None:
        while True:
            try:
                await prune_once(store, clock)
            except StoreError as exc:
                log.warning("housekeeping skipped: %s", exc)
            await asyncio.sleep(interval_s)

    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(loop())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
