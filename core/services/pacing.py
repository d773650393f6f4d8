"""Pace sends to what a platform accepts, finding its limit without being told it.

Nobody knows their workspace's limit in advance (Slack publishes tiers, not numbers), so
the pacer finds it, like TCP's congestion control:

- **Slow start.** Until the first refusal (429), every second in which the sends kept up
  with the pace and none was refused doubles it: from 10/s, 300/s is five seconds away.
- **Around the limit.** A refusal drops the pace to just under what actually got through in
  the last second (multiplicative decrease; half when nothing did), and marks where slow
  start ends. After that the pace climbs by a twentieth a second (additive increase), and
  doubles again only below the mark, so a raised limit is found again.
- **Retry-After, exactly.** A refusal that names a wait holds every send until it is over,
  not only the refused one.

Sends in flight when the window filled all come back 429 together: only the first of such a
burst (within a second) moves the pace.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

INTERVAL_S = 1.0  # how often the pace is reconsidered
CLIMB = 0.01  # the climb per quiet interval once settled, as a share of the pace
SETTLE_S = 5.0  # after a refusal, hold the pace this long before climbing again
KEPT_UP = 0.8  # an interval counts only if the sends reached this share of the pace
DEFAULT_MAX_RATE = 1000.0  # far above any chat platform's limit: a bound, not a guess

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
        self._max = max_rate or DEFAULT_MAX_RATE
        self._min = min_rate
        self._now = now
        self._sleep = sleep
        self._next_slot = 0.0
        self._successes: deque[float] = deque()
        self._last_throttle = -1e9
        self._threshold = self._max  # slow start below this pace, additive above it
        self._interval_start: float | None = None
        self._interval_sends = 0
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
        while self._successes and self._successes[0] < now - INTERVAL_S:
            self._successes.popleft()
        if self._interval_start is None:
            self._interval_start = now
        self._interval_sends += 1
        elapsed = now - self._interval_start
        if elapsed < INTERVAL_S * 0.999:  # (0.1 s slots add up to a hair under a second)
            return
        kept_up = self._interval_sends >= KEPT_UP * self.rate * elapsed
        quiet = self._last_throttle < self._interval_start
        self._interval_start, self._interval_sends = now, 0
        if not (kept_up and quiet) or self.rate >= self._max:
            return  # no demand to learn from, or a refusal in this interval
        if self.rate < self._threshold:
            self.rate = min(self._max, self._threshold, self.rate * 2)
        elif now - self._last_throttle >= SETTLE_S:
            self.rate = min(self._max, self.rate * (1 + CLIMB))

    def throttled(self, retry_after: float | None = None) -> None:
        """A refusal: settle just under what got through in the last second, and hold every
        send until `retry_after` seconds have passed."""
        now = self._now()
        if retry_after is not None and retry_after > 0:
            self._next_slot = max(self._next_slot, now + retry_after)
        if now - self._last_throttle < INTERVAL_S:
            return
        recent = sum(1 for t in self._successes if t >= now - INTERVAL_S)
        estimate = recent * 0.97 if recent else self.rate * 0.5
        self.rate = max(self._min, min(self.rate * 0.97, estimate))
        self._threshold = self.rate
        self._last_throttle = now
        self._interval_start, self._interval_sends = now, 0
