"""Teams personal-chat round trip at 16 concurrent conversations, and memory.

    .venv/bin/python bench/bench_teams.py [--messages N] [--concurrency C]

`wellcheck serve` runs as its own process with Teams authentication on, pointed at
the loopback Bot Connector used by the tests (OpenID keys, token endpoint, v3 API).
A round trip is POST /api/messages with a freshly minted channel token until the
bot's answer has been delivered to the connector (the bot answers within the turn).
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
from tests.fakes.bot_connector import FakeConnector  # noqa: E402

QUERIES = [
    "alcohol",
    "can't sleep after nights",
    "divorce",
    "help",
    "tip",
    "I want to end it",
    "money for the family of a fallen officer",
    "categories",
    "radio codes",
    "resilience training",
]


def activity(connector: FakeConnector, conversation: int, n: int, run: str) -> dict:
    return {
        "type": "message",
        "id": f"{run}-{conversation}-{n}",
        "channelId": "msteams",
        "serviceUrl": connector.service_url,
        "timestamp": "2026-11-26T12:00:00.000Z",
        "from": {"id": f"29:officer-{conversation}", "aadObjectId": f"aad-{conversation}"},
        "conversation": {"conversationType": "personal", "id": f"a:conversation-{conversation}"},
        "recipient": {"id": "28:wellcheck", "name": "WellCheck"},
        "text": QUERIES[n % len(QUERIES)],
        "textFormat": "plain",
        "channelData": {"tenant": {"id": "bench-tenant"}},
    }


async def run_load(
    url: str, connector: FakeConnector, messages: int, concurrency: int
) -> list[float]:
    latencies: list[float] = []
    run = str(time.time_ns())  # activity ids unique per run: redeliveries are answered once
    token = connector.mint(lifetime=7200)  # one channel token, as Teams reuses them
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def conversation(c: int) -> None:
            for n in range(messages):
                body = json.dumps(activity(connector, c, n, run))
                headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
                start = time.perf_counter()
                async with session.post(
                    url + "/api/messages", data=body, headers=headers
                ) as response:
                    await response.read()
                    if response.status != 200:
                        raise SystemExit(f"status {response.status}")
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(conversation(c) for c in range(concurrency)))
    return latencies


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100, help="per conversation")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    connector = FakeConnector()
    connector.start()
    port = free_port()
    env = {
        **os.environ,
        "WELLCHECK_DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/bench.db",
        "WELLCHECK_LOG_LEVEL": "WARNING",
    }
    env.update(connector.env())
    server = subprocess.Popen(
        [sys.executable, "-m", "bots", "serve", "--port", str(port), "--no-scheduler"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.get(url + "/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("server did not start") from None
                    await asyncio.sleep(0.2)
        await run_load(url, connector, 5, args.concurrency)  # warm-up: keys, token, connections
        before = len(connector.messages())
        cpu_before = cpu_seconds(server.pid)
        latencies = await run_load(url, connector, args.messages, args.concurrency)
        cpu_per_message = (cpu_seconds(server.pid) - cpu_before) / len(latencies)
        delivered = len(connector.messages()) - before
        print(
            f"personal chat round trip: p50 {pct(latencies, 0.5):.2f} ms  p99 {pct(latencies, 0.99):.2f} ms  "
            f"({len(latencies)} messages, {args.concurrency} concurrent conversations, {delivered} answers delivered)"
        )
        print(
            f"server RSS after the run: {rss_mb(server.pid):.0f} MB; server CPU {cpu_per_message * 1e3:.1f} ms "
            f"per message; AAD tokens fetched: {connector.tokens_issued}"
        )
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
        connector.stop()


if __name__ == "__main__":
    asyncio.run(main())
