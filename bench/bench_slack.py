"""`/support` round trip at 16 concurrent requests: WellCheck against a bare bolt app.

    .venv/bin/python bench/bench_slack.py [--requests N] [--rounds R]

Both servers run as separate processes on loopback with a loopback Slack Web API
(bolt calls auth.test once). Rounds alternate between the two so that machine
noise hits both alike. Targets (issue 3): p50 ≤ 1.3× the bare app's, p99 ≤ 1.5×;
WellCheck's resident memory after the run ≤ 120 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import free_port, pct, rss_mb  # noqa: E402

SECRET = "bench-signing-secret"
QUERIES = [
    "alcohol",
    "can't sleep after nights",
    "divorce",
    "money for the family of a fallen officer",
    "resilience training",
    "I want to end it",
    "",
    "help",
    "text a counselor",
    "radio codes",
]


async def fake_slack_api(port: int) -> web.AppRunner:
    async def api(request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": True, "user_id": "U0BOT", "bot_id": "B0BOT", "team_id": "T0WC"}
        )

    app = web.Application()
    app.router.add_post("/api/{method}", api)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


def signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slash_body(text: str, n: int) -> str:
    return urlencode(
        {
            "token": "t",
            "team_id": "T0WC",
            "team_domain": "metropd",
            "channel_id": "C0SQUAD",
            "channel_name": "squad-room",
            "user_id": f"U{n % 500:04d}",
            "user_name": "officer",
            "command": "/support",
            "text": text,
            "api_app_id": "A0WC",
            "response_url": "http://127.0.0.1:9/hooks",
            "trigger_id": "1.2.3",
        }
    )


async def wait_healthy(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}")
            try:
                async with session.get(url + "/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("server did not start")


async def load(url: str, requests: int, concurrency: int) -> list[float]:
    latencies: list[float] = []
    counter = iter(range(requests))
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            for n in counter:
                body = slash_body(QUERIES[n % len(QUERIES)], n)
                start = time.perf_counter()
                async with session.post(
                    url + "/slack/events", data=body, headers=signed(body)
                ) as response:
                    await response.read()
                    if response.status != 200:
                        raise SystemExit(f"status {response.status}")
                latencies.append(time.perf_counter() - start)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000, help="per server per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    api_port, ours_port, bare_port = free_port(), free_port(), free_port()
    api = await fake_slack_api(api_port)
    api_url = f"http://127.0.0.1:{api_port}/api/"
    tmp = tempfile.mkdtemp()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "WELLCHECK_DATABASE_URL": f"sqlite:///{tmp}/bench.db",
        "WELLCHECK_LOG_LEVEL": "WARNING",
    }
    ours = subprocess.Popen(
        [sys.executable, "-m", "bots", "serve", "--port", str(ours_port), "--no-scheduler"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    bare = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "bare_bolt.py"), str(bare_port), api_url, SECRET],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    servers = {
        "wellcheck": (f"http://127.0.0.1:{ours_port}", ours),
        "bare bolt": (f"http://127.0.0.1:{bare_port}", bare),
    }
    try:
        for url, proc in servers.values():
            await wait_healthy(url, proc)
            await load(url, 200, args.concurrency)  # warm-up
        samples: dict[str, list[float]] = {name: [] for name in servers}
        for _ in range(args.rounds):
            for name, (url, _proc) in servers.items():
                samples[name] += await load(url, args.requests, args.concurrency)
        for name, lat in samples.items():
            print(
                f"{name:10s} p50 {pct(lat, 0.5):7.2f} ms  p99 {pct(lat, 0.99):7.2f} ms  "
                f"({len(lat)} requests, {args.concurrency} concurrent)  RSS {rss_mb(servers[name][1].pid):.0f} MB"
            )
        ratio50 = pct(samples["wellcheck"], 0.5) / pct(samples["bare bolt"], 0.5)
        ratio99 = pct(samples["wellcheck"], 0.99) / pct(samples["bare bolt"], 0.99)
        print(f"ratio p50 {ratio50:.2f}x (target ≤ 1.3)  p99 {ratio99:.2f}x (target ≤ 1.5)")
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
    finally:
        for _url, proc in servers.values():
            proc.terminate()
            proc.wait(timeout=20)
        await api.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
