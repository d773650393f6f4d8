"""The delivery loop inside `wellcheck serve`: one pass at the top of every minute."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from core.delivery import DeliveryPass
from core.ports import Clock

log = logging.getLogger(__name__)


def seconds_to_next_minute(clock: Clock) -> float:
    now = clock.now()
    return 60.0 - now.second - now.microsecond / 1e6 + 0.5


def scheduler(delivery: DeliveryPass, clock: Clock) -> Callable[[Any], AsyncIterator[None]]:
    """An aiohttp cleanup context running the pass every minute until shutdown."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(seconds_to_next_minute(clock))
            try:
                await delivery.run()
            except Exception as exc:  # the next minute tries again
                log.error("delivery pass failed: %s", type(exc).__name__)

    async def context(_app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(loop())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
