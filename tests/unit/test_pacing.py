"""The pacer spaces sends, learns any limit from 429s, and probes back up rarely."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from core.services.pacing import Pacer, Spacing
from tests.fakes.platform_limits import (
    FixedSecond,
    Limiter,
    SlidingSecond,
    TokenBucket,
    VirtualLoop,
)


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
    assert clock.now == pytest.approx(0.4)  # first at once, then every 100 ms


async def test_a_burst_of_429s_adjusts_once_to_what_got_through() -> None:
    clock = ManualTime()
    pacer = Pacer(100.0, now=clock, sleep=clock.sleep)
    for _ in range(40):
        clock.now += 0.01
        pacer.succeeded()
    for _ in range(30):  # everything in flight comes back 429 together
        pacer.throttled()
    assert 38 <= pacer.rate <= 40


def _fan_out(limiter: Limiter, count: int, *, latency: float = 0.004) -> tuple[float, int]:
    """`count` sends by 32 workers through one pacer, as the delivery pass sends, against
    `limiter` in virtual time: (seconds taken, 429s)."""
    loop = VirtualLoop()

    async def run() -> tuple[float, int]:
        pacer = Pacer(10.0, now=loop.time)
        left, refused = [count], [0]

        async def worker() -> None:
            while left[0] > 0:
                left[0] -= 1
                while True:
                    await pacer.acquire()
                    await asyncio.sleep(latency / 2)
                    retry_after = limiter.offer(loop.time())
                    await asyncio.sleep(latency / 2)
                    if retry_after is None:
                        pacer.succeeded()
                        break
                    refused[0] += 1
                    pacer.throttled(retry_after)
                    await asyncio.sleep(retry_after)

        await asyncio.gather(*(worker() for _ in range(32)))
        return loop.time(), refused[0]

    try:
        return loop.run_until_complete(run())
    finally:
        loop.close()


LIMITERS: list[Callable[[int], Limiter]] = [SlidingSecond, FixedSecond, TokenBucket]


@pytest.mark.parametrize("make", LIMITERS, ids=lambda m: m.__name__)
@pytest.mark.parametrize(("limit", "count"), [(20, 10_000), (200, 10_000), (300, 10_000)])
def test_ten_thousand_sends_reach_90_percent_of_an_unknown_limit(
    make: Callable[[int], Limiter], limit: int, count: int
) -> None:
    taken, refused = _fan_out(make(limit), count)
    assert count / limit / taken >= 0.9  # the floor is count/limit seconds
    assert refused <= 0.02 * count


@pytest.mark.parametrize("make", LIMITERS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("limit", [5, 50])
def test_small_and_middling_limits_are_found_from_the_default_pace(
    make: Callable[[int], Limiter], limit: int
) -> None:
    count = 60 * limit
    taken, refused = _fan_out(make(limit), count, latency=0.03)
    assert count / limit / taken >= 0.9
    assert refused <= 0.02 * count


async def test_slow_start_reaches_300_a_second_within_a_second() -> None:
    clock = ManualTime()
    pacer = Pacer(10.0, now=clock, sleep=clock.sleep)
    rates = [pacer.rate]
    while clock.now < 1.0:
        await pacer.acquire()
        pacer.succeeded()
        if pacer.rate != rates[-1]:
            rates.append(pacer.rate)
    assert rates[:4] == [10.0, 20.0, 40.0, 80.0]  # doubling, never more at once
    assert pacer.rate >= 300


async def test_a_refusal_before_the_plateau_ends_cuts_deeper() -> None:
    clock = ManualTime()
    pacer = Pacer(100.0, now=clock, sleep=clock.sleep)
    for _ in range(100):
        clock.now += 0.01
        pacer.succeeded()
    pacer.throttled(1.0)
    first = pacer.rate
    assert first == pytest.approx(98.0)
    for _ in range(500):  # five seconds at the new pace, then refused again
        clock.now += 0.01
        pacer.succeeded()
    pacer.throttled(1.0)  # the count flattered the limit
    assert pacer.rate == pytest.approx(first * 0.93)


async def test_the_pace_climbs_only_after_the_plateau() -> None:
    clock = ManualTime()
    pacer = Pacer(50.0, now=clock, sleep=clock.sleep)
    pacer.throttled(1.0)  # nothing got through: half the pace
    assert pacer.rate == 25.0
    for _ in range(25 * 59):  # 59 s of sends at the pace
        await pacer.acquire()
        pacer.succeeded()
    assert pacer.rate == 25.0
    for _ in range(25 * 3):
        await pacer.acquire()
        pacer.succeeded()
    assert 25.0 < pacer.rate < 26.0


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


async def test_one_address_waits_its_turn_and_others_do_not() -> None:
    clock = ManualTime()
    spacing = Spacing(1.0, now=clock, sleep=clock.sleep)
    await spacing.wait("C1")
    await spacing.wait("C2")
    assert clock.now == 0.0
    await spacing.wait("C1")
    assert clock.now == 1.0
