"""Fan-out: N subscribers due at once, delivered through a loopback Slack that answers
429 past R requests per second; and the store alone at 100,000.

    .venv/bin/python bench/bench_fanout.py [--n 10000] [--rate 300] [--store-only 100000]

Reports delivery time against the floor N/R (target ≥ 90% of the limit), that each
subscriber got exactly one message, and peak memory as N grows.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import seed_due_subscriptions  # noqa: E402
from bench.limited_slack import LimitedSlack  # noqa: E402
from bots.bootstrap import bootstrap  # noqa: E402
from bots.settings import Settings  # noqa: E402
from core.domain.identity import Platform  # noqa: E402
from core.domain.replies import Reply  # noqa: E402

NOW = datetime(
    2026, 11, 26, 15, 0, 30, tzinfo=UTC
)  # 09:00:30 in Chicago (the data is read as of today)


class FixedClock:
    def now(self) -> datetime:
        return NOW


async def seed(store_url: str, n: int) -> None:
    await seed_due_subscriptions(store_url, n, NOW - timedelta(seconds=30), "America/Chicago")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def through_slack(n: int, rate: int, start_rate: float) -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/fanout.db"
    await seed(url, n)
    slack = LimitedSlack(rate)
    runner, port = await slack.start()
    settings = Settings(
        database_url=url,
        slack_bot_token="xoxb-bench",
        slack_signing_secret="bench",
        slack_api_url=f"http://127.0.0.1:{port}/api/",
        slack_send_rate=start_rate,
        metrics_addr="127.0.0.1:0",
    )
    runtime = await bootstrap(settings, clock=FixedClock(), teams=False, today=date.today())
    pacer = runtime.delivery.outlets[Platform.SLACK].pacer
    started = time.perf_counter()
    report = await runtime.delivery.run()
    elapsed = time.perf_counter() - started
    await runtime.close()
    await runner.cleanup()
    floor = n / rate
    once = len(slack.accepted) == n and set(slack.accepted.values()) == {1}
    if not once:
        doubled = sum(1 for c in slack.accepted.values() if c > 1)
        print(
            f"  not exactly once: {len(slack.accepted)} distinct channels, {doubled} got more than one"
        )
    print(
        f"N={n:,} through Slack limited to R={rate}/s (pacer starts at {start_rate:g}/s): "
        f"{elapsed:.1f} s against the floor {floor:.1f} s = {floor / elapsed:.0%} of the limit; "
        f"{report}; 429s {slack.refused}; exactly once: {once}; final pace {pacer.rate:.0f}/s; peak RSS {rss_mb():.0f} MB"
    )


class CountingSender:
    def __init__(self) -> None:
        self.count = 0

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        self.count += 1


async def store_only(n: int) -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/store.db"
    await seed(url, n)
    settings = Settings(database_url=url, slack_send_rate=1e9, metrics_addr="127.0.0.1:0")
    sender = CountingSender()
    runtime = await bootstrap(
        settings,
        clock=FixedClock(),
        senders={Platform.SLACK: sender},
        teams=False,
        today=date.today(),
    )
    gc.collect()
    tracemalloc.start()  # the pass's own allocations, not loading the data
    started = time.perf_counter()
    await runtime.delivery.run()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    await runtime.close()
    print(
        f"N={n:,} against the store alone: {elapsed:.1f} s ({n / elapsed:,.0f} claims+sends/s); "
        f"sent {sender.count:,}; Python heap peak during the pass {peak / 2**20:.1f} MB"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=300)
    parser.add_argument(
        "--start-rate", type=float, default=None, help="pacer's first guess (default 2R)"
    )
    parser.add_argument("--store-only", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    if args.n:
        await through_slack(args.n, args.rate, args.start_rate or args.rate * 2.0)
    for n in args.store_only:
        await store_only(n)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    asyncio.run(main())
