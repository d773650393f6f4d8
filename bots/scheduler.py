"""The delivery loop inside `wellcheck serve`: one pass at the top of every minute."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from core.services.ports import Clock
from core.services.tip_delivery import DeliveryPass

log = logging.getLogger(__name__)


def seconds_to_next_minute(clock: Clock) -> float:
    now = clock.now()
    return 60.0 - now.second - now.microsecond / 1e6 + 0.5


SHUTDOWN_GRACE_S = 60.0


def scheduler(delivery: DeliveryPass, clock: Clock) -> Callable[[Any], AsyncIterator[None]]:
    """An aiohttp cleanup context running the pass at start and every minute until shutdown.

    On shutdown (SIGTERM) a pass under way stops claiming and finishes the sends it
    has claimed, so nothing is lost or doubled; then the loop ends.
    """
    stop = asyncio.Event()

    async def loop() -> None:
        while not stop.is_set():  # a pass at start-up (after downtime), then every minute
            try:
                await delivery.run(stop=stop)
            except Exception as exc:  # the next minute tries again
                log.error("delivery pass failed: %s", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), seconds_to_next_minute(clock))

    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(loop())
        yield
        stop.set()
        try:
            await asyncio.wait_for(task, SHUTDOWN_GRACE_S)
        except TimeoutError:
            log.error("delivery pass did not finish within %ss of shutdown", SHUTDOWN_GRACE_S)

    return context
