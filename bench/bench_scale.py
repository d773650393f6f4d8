"""Delivery at scale: N tips due at once on Postgres, sent by 1, 2 or 4 replicas through
one loopback Slack whose limit the bot is not told.

    .venv/bin/python bench/bench_scale.py [--n 10000] [--limits 200 20] [--replicas 1 2 4]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--window fixed|sliding]

Each replica is its own process built by `bots.bootstrap` from the environment as
`wellcheck serve` is (default settings: the pacer starts at 10/s), and runs delivery
passes until one finds nothing due, the way its scheduler would, trying again a second
(not a minute) after finding another replica delivering. The loopback Slack accepts
`limit` chat.postMessage per second (a fixed wall-clock second by default) and answers
the rest 429 Retry-After: 1. Reported: the time from the replicas' start signal to the
last accepted message against the floor N/limit, the 429s provoked, and whether every
recipient got exactly one message.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import seed_due_subscriptions  # noqa: E402
from bench.limited_slack import LimitedSlack  # noqa: E402

REPLICA = """
import asyncio, os, sys, time
sys.path.insert(0, {root!r})
from bots.bootstrap import bootstrap
from bots.settings import Settings

async def main():
    runtime = await bootstrap(Settings.from_env(os.environ), teams=False)
    print("ready", flush=True)
    sys.stdin.readline()  # the start signal
    passes = busy = 0
    while True:
        report = await runtime.delivery.run()
        if report.busy:  # `wellcheck serve` would try again at the next minute
            busy += 1
            await asyncio.sleep(1.0)
            continue
        passes += 1
        if not report.counts:
            break
    print(f"passes {{passes}} (skipped while another ran: {{busy}})", flush=True)
    await runtime.close()

asyncio.run(main())
"""


async def seed(url: str, n: int) -> None:
    """N daily 09:00 subscriptions in UTC, each due a minute ago."""
    await seed_due_subscriptions(url, n, datetime.now(UTC) - timedelta(minutes=1), "UTC")


async def one_run(args: argparse.Namespace, limit: int, replicas: int) -> str:
    admin_url = args.postgres.replace("postgresql+asyncpg://", "postgresql://")
    name = f"wc_scale_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    slack = LimitedSlack(limit, args.window)
    runner, port = await slack.start()
    try:
        await seed(url, args.n)
        env = {
            "PATH": os.environ.get("PATH", ""),
            "WELLCHECK_DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": "bench",
            "SLACK_API_URL": f"http://127.0.0.1:{port}/api/",
            "WELLCHECK_METRICS_ADDR": "127.0.0.1:0",
            "WELLCHECK_LOG_LEVEL": "WARNING",
        }
        procs = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                REPLICA.format(root=str(ROOT)),
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=str(ROOT),
            )
            for _ in range(replicas)
        ]
        for proc in procs:
            assert proc.stdout is not None
            line = await proc.stdout.readline()
            assert line.strip() == b"ready", line
        started = time.monotonic()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(b"go\n")
            await proc.stdin.drain()
        outputs = [(await proc.communicate())[0].decode().strip() for proc in procs]
        elapsed = slack.last_accepted - started
        floor = args.n / limit
        once = len(slack.accepted) == args.n and set(slack.accepted.values()) == {1}
        share = slack.refused / max(1, sum(slack.accepted.values()))
        return (
            f"| {limit}/s | {replicas} | {elapsed:.1f} s | {floor:.1f} s | {floor / elapsed:.0%} "
            f"| {slack.refused} ({share:.2%}) | {'yes' if once else 'NO'} "
            f"| {'; '.join(outputs)} |"
        )
    finally:
        await runner.cleanup()
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name
        )
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await admin.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--limits", type=int, nargs="+", default=[200, 20])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--window", choices=["fixed", "sliding"], default="fixed")
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "WELLCHECK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    print(f"N = {args.n:,} tips due at once; loopback Slack limit per {args.window} second")
    print(
        "| limit | replicas | time | floor N/limit | share of limit | 429s | exactly once | replicas' passes |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for limit in args.limits:
        for replicas in args.replicas:
            print(await one_run(args, limit, replicas), flush=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    asyncio.run(main())
