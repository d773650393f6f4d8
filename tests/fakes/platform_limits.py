"""Virtual time and the rate limits a chat platform might enforce, for pacing tests.

A `VirtualLoop` runs asyncio with a clock that jumps to the next timer instead of waiting
for it, so a minute of sends at 300/s is simulated in a fraction of a second. The limiters
are three ways a platform may count: a sliding second, a fixed (wall-clock) second, and a
token bucket that allows a second's burst.
"""

from __future__ import annotations

import asyncio
import math
import selectors
from collections import deque
from typing import Any, Protocol


class _JumpingSelector(selectors.DefaultSelector):
    def __init__(self) -> None:
        super().__init__()
        self.loop: VirtualLoop | None = None

    def select(self, timeout: float | None = None) -> list[Any]:
        if timeout is None:
            raise RuntimeError("deadlock: nothing scheduled and nothing to wait for")
        assert self.loop is not None
        self.loop.virtual_now += max(timeout, 0.0)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        selector = _JumpingSelector()
        super().__init__(selector)
        selector.loop = self
        self.virtual_now = 0.0

    def time(self) -> float:
        return self.virtual_now


class Limiter(Protocol):
    def offer(self, at: float) -> float | None:
        """None when the send is accepted, else the Retry-After in seconds."""


class SlidingSecond:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._accepted: deque[float] = deque()

    def offer(self, at: float) -> float | None:
        while self._accepted and self._accepted[0] <= at - 1.0:
            self._accepted.popleft()
        if len(self._accepted) >= self.limit:
            return 1.0
        self._accepted.append(at)
        return None


class FixedSecond:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._second = -1
        self._count = 0

    def offer(self, at: float) -> float | None:
        second = math.floor(at)
        if second != self._second:
            self._second, self._count = second, 0
        if self._count >= self.limit:
            return 1.0
        self._count += 1
        return None


class TokenBucket:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._tokens = float(limit)
        self._at = 0.0

    def offer(self, at: float) -> float | None:
        self._tokens = min(self.limit, self._tokens + (at - self._at) * self.limit)
        self._at = at
        if self._tokens < 1:
            return 1.0
        self._tokens -= 1
        return None
