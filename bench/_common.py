"""Helpers the benchmarks share: percentiles, resident memory, a free loopback port."""

from __future__ import annotations

import socket
from datetime import datetime
from pathlib import Path


def pct(samples: list[float], q: float) -> float:
    """The q-quantile of `samples` (seconds), in milliseconds."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1e3


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def seed_due_subscriptions(store_url: str, n: int, due: datetime, timezone: str) -> None:
    """N Slack subscriptions, daily at 09:00 in `timezone`, each next due at `due`: the
    fan-out benchmarks' load, written straight into the table in batches."""
    from adapters.sql import open_store, tables

    store = await open_store(store_url)
    rows = [
        {
            "platform": "slack",
            "user_id": f"U{i:06d}",
            "workspace": "T0",
            "address": f"D{i:06d}",
            "cadence": "daily",
            "weekday": None,
            "hour": 9,
            "minute": 0,
            "timezone": timezone,
            "active": True,
            "paused_until": None,
            "next_due_at": int(due.timestamp()),
            "tips_sent": 0,
            "created_at": 0,
        }
        for i in range(n)
    ]
    async with store.engine.begin() as conn:
        for start in range(0, n, 5000):
            await conn.execute(tables.subscriptions.insert(), rows[start : start + 5000])
    await store.close()
