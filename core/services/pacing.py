"""Pace sends to what a platform accepts, finding its limit without being told it.

Nobody knows their workspace's limit in advance (Slack publishes tiers, not numbers), so
the pacer finds it, like TCP's congestion control:

- **Slow start.** Until the first refusal (429), every tenth of a second in which the
  sends kept up with the pace and none was refused doubles it: from 10/s, 300/s is half a
  second away. The overshoot costs a few 429s, once.
- **Around the limit.** A refusal sets the pace just under what actually got through in
  the last second (98%; half the pace when nothing did). A second refusal before the pace
  has started climbing means that count flattered the limit (a fixed window lets a second
  and a half's sends through in one second): the pace drops by 7%. After a quiet plateau
  the pace climbs by 1% a second until refused again (additive increase, multiplicative
  decrease). A probe that finds the same limit doubles the next plateau (a minute up to four
  minutes); one that finds it moved starts over at 30 s. Each probe costs one Retry-After
  of silence, so steady limits are probed rarely and changed ones are found again.
- **Retry-After, exactly.** A refusal that names a wait holds every send until it is over,
  not only the refused one.

Waiting sends queue in order and each takes its slot at the pace current when the one
before it left, so a change of pace applies to the very next send. Sends in flight when
the window filled all come back 429 together: only the first of such a burst (within a
second) moves the pace.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

INTERVAL_S = 0.1  # how often the pace is reconsidered
WINDOW_S = 1.0  # what "got through lately" counts over
KEPT_UP = 0.8  # an interval counts only if the sends reached this share of the pace
UNDER = 0.98  # after a refusal: this share of what got through
REPEAT = 0.93  # a refusal again before climbing: the pace times this
CLIMB = 0.01  # per second, as a share of the pace, once the plateau is over
PLATEAU_S = 60.0  # the first wait after a refusal before climbing
MAX_PLATEAU_S = 240.0  # probes that keep finding the same limit wait at most this long
SAME_LIMIT = 0.05  # a probe refused within 5% of the last limit found it unchanged
CATCH_UP_S = 0.01  # a late wake-up may catch up this much: 1%, inside UNDER's margin
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
        self._last_throttle: float | None = None  # None: still in slow start
        self._limit_seen = 0  # what got through in the second before the last refusal
        self._plateau = PLATEAU_S
        self._interval_start: float | None = None
        self._interval_sends = 0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for this send's slot: in line, spaced at the pace, after any Retry-After."""
        async with self._lock:
            while (wait := self._next_slot - self._now()) > 0:
                await self._sleep(wait)
            # a late wake-up is made up on the next slots, a long idle spell is not
            self._next_slot = max(self._next_slot, self._now() - CATCH_UP_S) + 1.0 / self.rate

    def succeeded(self) -> None:
        now = self._now()
        self._successes.append(now)
        while self._successes and self._successes[0] < now - WINDOW_S:
            self._successes.popleft()
        if self._interval_start is None:
            self._interval_start = now
        self._interval_sends += 1
        elapsed = now - self._interval_start
        if elapsed < INTERVAL_S * 0.999:  # (slots add up to a hair under the interval)
            return
        kept_up = self._interval_sends >= KEPT_UP * self.rate * elapsed
        quiet = self._last_throttle is None or self._last_throttle < self._interval_start
        self._interval_start, self._interval_sends = now, 0
        if kept_up and quiet:
            self.rate = min(self._max, self._raised(now, elapsed))

    def _raised(self, now: float, elapsed: float) -> float:
        if self._last_throttle is None:
            return self.rate * 2
        if now - self._last_throttle >= self._plateau:
            return self.rate * (1 + CLIMB * elapsed)
        return self.rate

    def throttled(self, retry_after: float | None = None) -> None:
        """A refusal: hold every send until `retry_after` seconds have passed, and set the
        pace under the limit it reveals."""
        now = self._now()
        if retry_after is not None and retry_after > 0:
            self._next_slot = max(self._next_slot, now + retry_after)
        last = self._last_throttle
        if last is not None and now - last < WINDOW_S:
            return  # the rest of a burst that was already in flight
        recent = sum(1 for t in self._successes if t >= now - WINDOW_S)
        estimate = recent * UNDER / WINDOW_S if recent else self.rate * 0.5
        probing = last is not None and now - last >= self._plateau
        if last is not None and not probing:
            self.rate = max(self._min, min(self.rate * REPEAT, estimate))
        else:
            if probing:
                unchanged = abs(recent - self._limit_seen) <= SAME_LIMIT * self._limit_seen
                self._plateau = min(MAX_PLATEAU_S, self._plateau * 2) if unchanged else PLATEAU_S
            self._limit_seen = recent
            self.rate = max(self._min, min(self.rate * UNDER, estimate))
        self._last_throttle = now
        self._interval_start, self._interval_sends = now, 0


class Spacing:
    """At most one send per `seconds` to any one address: Slack holds each channel to about
    one message a second, Teams each conversation to a few."""

    def __init__(self, seconds: float, *, now: Now = time.monotonic, sleep: Sleep = asyncio.sleep):
        self._seconds = seconds
        self._now = now
        self._sleep = sleep
        self._next: dict[str, float] = {}

    async def wait(self, address: str) -> None:
        if self._seconds <= 0:
            return
        now = self._now()
        if len(self._next) > 10_000:  # forget addresses whose turn came long ago
            self._next = {a: t for a, t in self._next.items() if t > now}
        slot = max(self._next.get(address, now), now)
        self._next[address] = slot + self._seconds
        if slot > now:
            await self._sleep(slot - now)
