"""The pacer spaces sends, learns the limit from 429s, and probes back up gently."""

from __future__ import annotations

import pytest

from core.services.pacing import Pacer


class ManualTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_sends_are_spaced_at_the_rate() -> None:
    clock = ManualTime()
    pacer = Pacer(10.0, now=clock, sleep=clock.sleep)
    for _ in range(5):
        await pacer.acquire()
    assert clock.now == 0.4  # first at once, then every 100 ms


async def test_a_burst_of_429s_adjusts_once_to_what_got_through() -> None:
    clock = ManualTime()
    pacer = Pacer(100.0, now=clock, sleep=clock.sleep)
    for _ in range(40):
        clock.now += 0.01
        pacer.succeeded()
    for _ in range(30):  # everything in flight comes back 429 together
        pacer.throttled()
    assert 38 <= pacer.rate <= 40


async def _send_against(limit: int, count: int, start: float = 10.0) -> tuple[float, int]:
    """`count` sends through a pacer against a platform that accepts `limit` a second (a
    sliding window) and answers the rest 429 with Retry-After: 1, as the delivery pass
    does: (seconds taken, 429s)."""
    clock = ManualTime()
    pacer = Pacer(start, now=clock, sleep=clock.sleep)
    window: list[float] = []
    sent = refused = 0
    while sent < count:
        await pacer.acquire()
        window = [t for t in window if t > clock.now - 1.0]
        if len(window) >= limit:
            refused += 1
            pacer.throttled(1.0)
            await clock.sleep(1.0)
            continue
        window.append(clock.now)
        sent += 1
        pacer.succeeded()
        clock.now += 0.0001
    return clock.now, refused


@pytest.mark.parametrize("limit", [5, 20, 50, 200, 300])
async def test_any_limit_from_5_to_300_is_found_from_the_default_pace(limit: int) -> None:
    count = 30 * limit  # thirty seconds' worth at the limit
    taken, refused = await _send_against(limit, count)
    assert count / limit / taken >= 0.7  # at least 70% of the limit, ramp-up included
    assert refused <= 8


async def test_slow_start_doubles_each_second_that_kept_up() -> None:
    clock = ManualTime()
    pacer = Pacer(10.0, now=clock, sleep=clock.sleep)
    rates = []
    for _ in range(3):
        for _ in range(int(pacer.rate)):
            await pacer.acquire()
            pacer.succeeded()
        await pacer.acquire()
        pacer.succeeded()
        rates.append(pacer.rate)
    assert rates == [20.0, 40.0, 80.0]


async def test_no_demand_teaches_nothing() -> None:
    clock = ManualTime()
    pacer = Pacer(10.0, now=clock, sleep=clock.sleep)
    for _ in range(10):  # one send every two seconds: far under the pace
        clock.now += 2.0
        pacer.succeeded()
    assert pacer.rate == 10.0


async def test_retry_after_holds_every_send() -> None:
    clock = ManualTime()
    pacer = Pacer(100.0, now=clock, sleep=clock.sleep)
    await pacer.acquire()
    pacer.throttled(2.5)
    await pacer.acquire()  # another send, not the refused one
    assert clock.now >= 2.5
