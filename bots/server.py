"""The aiohttp application: one process serves Slack, Teams, health and metrics."""

from __future__ import annotations

import logging
from datetime import date

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bots.housekeeping import housekeeping
from bots.observability import Metrics, middleware
from bots.runtime import Runtime, build_runtime
from bots.scheduler import scheduler
from bots.settings import Settings
from core.errors import StoreError
from core.ports import Clock

log = logging.getLogger(__name__)

RUNTIME = web.AppKey("runtime", Runtime)
METRICS = web.AppKey("metrics", Metrics)
MAX_BODY = 1024 * 1024  # 1 MiB: larger bodies get 413


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    try:
        await request.app[RUNTIME].store.ping()
    except StoreError:
        return web.json_response({"status": "database unavailable"}, status=503)
    return web.json_response({"status": "ready"})


async def metrics(request: web.Request) -> web.Response:
    body = request.app[METRICS].text()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


async def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    today: date | None = None,
    teams: bool = True,
    deliver: bool = False,
) -> web.Application:
    """The composition root. Raises DataError for bad data files, StoreUnavailable for no database.

    `teams=False` leaves /api/messages unmounted (no credentials on a public address);
    `deliver=True` runs the delivery pass every minute.
    """
    runtime = await build_runtime(settings, clock=clock, today=today, teams=teams)
    meter = Metrics(runtime.usage, lambda: runtime.active_subscriptions)
    app = web.Application(client_max_size=MAX_BODY, middlewares=[middleware(meter)])
    app[RUNTIME] = runtime
    app[METRICS] = meter
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    if runtime.slack is not None:
        app.router.add_post("/slack/events", runtime.slack.handle)
        if settings.slack_app_token:
            from adapters.slack_socket import socket_mode

            app.cleanup_ctx.append(socket_mode(runtime.slack, settings.slack_app_token))
    else:
        log.info("Slack is off: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not both set")
    if runtime.teams is not None:
        app.router.add_post("/api/messages", runtime.teams.handle)
    app.cleanup_ctx.append(
        housekeeping(runtime.store, runtime.clock, runtime.usage, runtime.set_active)
    )
    if deliver:
        app.cleanup_ctx.append(scheduler(runtime.delivery, runtime.clock))

    async def close(_app: web.Application) -> None:
        await runtime.close()

    app.on_cleanup.append(close)
    return app
