"""A Teams turn side by side: WellCheck against a bare botbuilder echo bot (issue 15).

    .venv/bin/python bench/bench_teams_turn.py [--messages N] [--rounds R] [--concurrency C]
                                               [--profile FILE]

Both servers are separate processes with Teams authentication on, pointed at the same
loopback Bot Connector (tests/fakes/bot_connector.py: OpenID keys, token endpoint, v3
API): `wellcheck serve` (SQLite) and bench/bare_botbuilder.py (stock CloudAdapter with
only the msrest retry-policy patch). Every round sends C concurrent personal
conversations N messages each to one server, then to the other, alternating, so machine
noise hits both alike. A round trip is POST /api/messages with a channel token until the
answer has reached the connector (both bots answer within the turn). CPU per message is
the server process's user+system time over its rounds.

Target (issue 15): WellCheck's p50 within 1.3x of the bare bot's in the same run.
`--profile FILE` runs WellCheck under cProfile and writes its stats to FILE at the end;
`--wellcheck-root DIR` serves WellCheck from another checkout (e.g. `git archive` of an
earlier commit) with this one's load generator, for before/after figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import free_port, pct, rss_mb  # noqa: E402
from bench.bench_slack import wait_healthy  # noqa: E402
from bench.bench_teams import activity, cpu_seconds  # noqa: E402
from tests.fakes.bot_connector import FakeConnector  # noqa: E402


async def load(
    url: str, connector: FakeConnector, messages: int, concurrency: int, run: str
) -> list[float]:
    latencies: list[float] = []
    token = connector.mint(lifetime=7200)  # one channel token, as Teams reuses them
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def conversation(c: int) -> None:
            for n in range(messages):
                body = json.dumps(activity(connector, c, n, run))
                start = time.perf_counter()
                async with session.post(
                    url + "/api/messages", data=body, headers=headers
                ) as response:
                    await response.read()
                    if response.status not in (200, 201):  # stock CloudAdapter answers 201
                        raise SystemExit(f"{url}: status {response.status}")
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(conversation(c) for c in range(concurrency)))
    return latencies


def start_servers(
    connector: FakeConnector, profile: str | None, wellcheck_root: Path
) -> dict[str, tuple[str, subprocess.Popen[bytes]]]:
    ours_port, bare_port = free_port(), free_port()
    env = {
        **os.environ,
        "WELLCHECK_DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/bench.db",
        "WELLCHECK_LOG_LEVEL": "WARNING",
        **connector.env(),
    }
    python = [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else [])]
    ours = subprocess.Popen(
        [*python, "-m", "bots", "serve", "--port", str(ours_port), "--no-scheduler"],
        cwd=wellcheck_root,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    bare = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "bench" / "bare_botbuilder.py"),
            str(bare_port),
            connector.url,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return {
        "wellcheck": (f"http://127.0.0.1:{ours_port}", ours),
        "bare botbuilder": (f"http://127.0.0.1:{bare_port}", bare),
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50, help="per conversation per round")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--profile", help="write WellCheck's cProfile stats to this file")
    parser.add_argument("--wellcheck-root", type=Path, default=ROOT, help="serve this checkout")
    args = parser.parse_args()
    connector = FakeConnector()
    connector.start()
    servers = start_servers(connector, args.profile, args.wellcheck_root.resolve())
    stamp = str(time.time_ns())  # activity ids unique per run: redeliveries are answered once
    try:
        for name, (url, proc) in servers.items():
            await wait_healthy(url, proc)
            await load(url, connector, 5, args.concurrency, f"{stamp}-warm-{name}")
        samples: dict[str, list[float]] = {name: [] for name in servers}
        cpu: dict[str, float] = dict.fromkeys(servers, 0.0)
        answers: dict[str, int] = dict.fromkeys(servers, 0)
        for r in range(args.rounds):
            order = list(servers.items())
            for name, (url, proc) in order if r % 2 == 0 else reversed(order):
                before, sent_before = cpu_seconds(proc.pid), len(connector.messages())
                samples[name] += await load(
                    url, connector, args.messages, args.concurrency, f"{stamp}-{r}-{name}"
                )
                cpu[name] += cpu_seconds(proc.pid) - before
                answers[name] += len(connector.messages()) - sent_before
        for name, lat in samples.items():
            print(
                f"{name:16s} p50 {pct(lat, 0.5):7.2f} ms  p99 {pct(lat, 0.99):7.2f} ms  "
                f"CPU {cpu[name] / len(lat) * 1e3:5.2f} ms/message  "
                f"({len(lat)} messages, {answers[name]} answers delivered, "
                f"RSS {rss_mb(servers[name][1].pid):.0f} MB)"
            )
        ours, bare = samples["wellcheck"], samples["bare botbuilder"]
        print(
            f"ratio p50 {pct(ours, 0.5) / pct(bare, 0.5):.2f}x (target <= 1.3)  "
            f"p99 {pct(ours, 0.99) / pct(bare, 0.99):.2f}x  "
            f"CPU {cpu['wellcheck'] / cpu['bare botbuilder']:.2f}x  "
            f"({args.concurrency} concurrent conversations, {args.rounds} rounds alternating)"
        )
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
    finally:
        for _url, proc in servers.values():
            proc.terminate()
            proc.wait(timeout=30)
        connector.stop()


if __name__ == "__main__":
    asyncio.run(main())
