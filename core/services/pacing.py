"""Pace sends to what a platform accepts, learning its limit from 429s.

Sends are spaced at `rate` per second. A 429 tells us the platform's window is
full: the rate drops to just under what actually got through in the last
second, and the refused send waits out Retry-After. Quiet stretches let the
rate creep back up, so a raised limit is found again.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

PROBE_AFTER_S = 5.0

Now = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class Pacer:
    def __init__(
        self,
        rate: float,
        *,
        max_rate: float | None = None,
        min_rate: float = 0.5,
        now: Now = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.rate = rate
        self._max = max_rate or rate * 4
        self._min = min_rate
        self._now = now
        self._sleep = sleep
        self._next_slot = 0.0
        self._successes: deque[float] = deque()
        self._last_throttle = -1e9
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for this send's slot."""
        async with self._lock:
            now = self._now()
            slot = max(self._next_slot, now)
            self._next_slot = slot + 1.0 / self.rate
        if slot > now:
            await self._sleep(slot - now)

    def succeeded(self) -> None:
        now = self._now()
        self._successes.append(now)
        while self._successes and self._successes[0] < now - 1.0:
            self._successes.popleft()
        if now - self._last_throttle > PROBE_AFTER_S and self.rate < self._max:
            # gentle probing: about +5% per second at any rate
            self.rate = min(self._max, self.rate + 0.05)

    def throttled(self) -> None:
        """A 429: settle just under what got through in the last second.

        Sends in flight when the window filled all come back 429 together; only the
        first of such a burst adjusts the rate.
        """
        now = self._now()
        if now - self._last_throttle < 1.0:
            return
        recent = sum(1 for t in self._successes if t >= now - 1.0)
        estimate = recent * 0.97 if recent else self.rate * 0.5
        self.rate = max(self._min, min(self.rate * 0.97, estimate))
        self._last_throttle = now
