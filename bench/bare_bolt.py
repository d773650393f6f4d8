"""The baseline for bench_slack: a bare bolt AsyncApp on aiohttp answering /support with static text.

python bench/bare_bolt.py PORT SLACK_API_URL SIGNING_SECRET
"""

from __future__ import annotations

import sys

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


def main() -> None:
    port, api_url, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    bolt = AsyncApp(
        client=AsyncWebClient(token="xoxb-bench", base_url=api_url), signing_secret=secret
    )

    @bolt.command("/support")
    async def support(ack):  # type: ignore[no-untyped-def]
        await ack(response_type="ephemeral", text="Call 988 any time.")

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
    web.run_app(app, host="127.0.0.1", port=port, print=lambda _m: None, access_log=None)


if __name__ == "__main__":
    main()
