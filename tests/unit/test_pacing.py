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


async def test_quiet_stretches_probe_upwards_slowly() -> None:
    clock = ManualTime()
    pacer = Pacer(50.0, max_rate=200.0, now=clock, sleep=clock.sleep)
    pacer.throttled()
    start = pacer.rate
    clock.now += 6
    for _ in range(50):  # one second of sends at the rate
        clock.now += 0.02
        pacer.succeeded()
    assert pacer.rate == pytest.approx(start + 50 * 0.05)  # +0.05 per send: about 5% a second
