"""A loopback Slack Web API that accepts `limit` chat.postMessage a second and answers the
rest 429 `Retry-After: 1`, counting each channel's posts: the fan-out benchmarks' platform,
whose limit the bot is never told."""

from __future__ import annotations

import time
from collections import Counter, deque

from aiohttp import web


class LimitedSlack:
    """`window` "fixed" counts per wall-clock second, "sliding" over the last second."""

    def __init__(self, limit: int, window: str = "fixed") -> None:
        self.limit = limit
        self.sliding = window == "sliding"
        self.second = 0
        self.in_second = 0
        self.recent: deque[float] = deque()
        self.accepted: Counter[str] = Counter()
        self.refused = 0
        self.last_accepted = 0.0

    def _full(self, now: float) -> bool:
        if self.sliding:
            while self.recent and self.recent[0] <= now - 1.0:
                self.recent.popleft()
            return len(self.recent) >= self.limit
        if int(now) != self.second:
            self.second, self.in_second = int(now), 0
        return self.in_second >= self.limit

    async def api(self, request: web.Request) -> web.Response:
        body = (
            await request.json()
            if request.content_type == "application/json"
            else await request.post()
        )
        now = time.monotonic()
        if self._full(now):
            self.refused += 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        self.in_second += 1
        self.recent.append(now)
        self.accepted[str(body.get("channel"))] += 1
        self.last_accepted = now
        return web.json_response({"ok": True, "ts": "1.1", "channel": body.get("channel")})

    async def start(self) -> tuple[web.AppRunner, int]:
        """Serve on a free loopback port: (the runner to clean up, the port)."""
        app = web.Application()
        app.router.add_post("/api/chat.postMessage", self.api)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        return runner, runner.addresses[0][1]
