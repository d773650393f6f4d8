"""The aiohttp application: one process serves Slack, Teams and health; metrics are served
on a separate listener (WELLCHECK_METRICS_ADDR), never on the public port."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from datetime import date
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bots.bootstrap import Runtime, bootstrap
from bots.housekeeping import housekeeping
from bots.observability import Metrics, middleware
from bots.scheduler import scheduler
from bots.settings import Settings
from core.domain.identity import Platform
from core.errors import StoreError
from core.services.ports import Clock, Sender, Store, TimezoneSource

log = logging.getLogger(__name__)

RUNTIME = web.AppKey("runtime", Runtime)
METRICS = web.AppKey("metrics", Metrics)
METRICS_URL = web.AppKey("metrics_url", list)  # [url] once the metrics listener is up
# each page (agency id, "" for /directory) as (html, its CSP), once first rendered
DIRECTORY_HTML = web.AppKey("directory_html", dict)
MAX_BODY = 1024 * 1024  # 1 MiB: larger bodies get 413


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def directory(request: web.Request) -> web.Response:
    """The families' directory page, rendered on first request and kept until the agency
    files are read again. /directory/ID is one agency's page when several are served."""
    runtime = request.app[RUNTIME]
    agency = request.match_info.get("agency", "")
    kept = request.app[DIRECTORY_HTML]
    if agency not in kept:
        from adapters.web.directory_html import policy
        from bots.site import directory_html

        if agency:
            services = runtime.catalogue.agencies.get(agency)
            if services is None or not runtime.catalogue.multi:
                raise web.HTTPNotFound(text="no such agency here")
            bundle, lookup = services.bundle, services.lookup
        else:
            bundle, lookup = runtime.bundle, runtime.responder.lookup
        html = await asyncio.to_thread(directory_html, bundle, lookup)
        kept[agency] = (html, f"{policy(html)}; frame-ancestors 'none'")
    html, csp = kept[agency]
    response = web.Response(
        text=html,
        content_type="text/html",
        headers={
            "Content-Security-Policy": csp,  # the page's own, and no framing
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "public, max-age=300",
        },
    )
    response.enable_compression()  # gzip when the phone asks: 49 KB of HTML is ~10 KB
    return response


async def readyz(request: web.Request) -> web.Response:
    try:
        await request.app[RUNTIME].store.ping()
    except StoreError:
        return web.json_response({"status": "database unavailable"}, status=503)
    return web.json_response({"status": "ready"})


def _metrics_listener(addr: str) -> Any:
    """Serve GET /metrics on `addr` (host:port) for as long as the main app runs."""

    async def run(app: web.Application) -> AsyncIterator[None]:
        host, _, port = addr.rpartition(":")
        meter = app[METRICS]

        async def metrics(_request: web.Request) -> web.Response:
            return web.Response(body=meter.text(), headers={"Content-Type": CONTENT_TYPE_LATEST})

        listener = web.Application()
        listener.router.add_get("/metrics", metrics)
        runner = web.AppRunner(listener, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host.strip("[]") or "127.0.0.1", int(port or 0))
        try:
            await site.start()
        except OSError as exc:  # a busy port must not take the bot (and the crisis lines) down
            log.error("metrics listener not started on %s: %s", addr, exc.strerror or exc)
            await runner.cleanup()
            yield
            return
        sockets = getattr(site._server, "sockets", None) or []  # the bound port when 0 was asked
        bound = sockets[0].getsockname()[1] if sockets else int(port or 0)
        app[METRICS_URL].append(f"http://{host.strip('[]') or '127.0.0.1'}:{bound}/metrics")
        log.info("metrics on %s", app[METRICS_URL][0])
        try:
            yield
        finally:
            await runner.cleanup()

    return run


async def create_app(
    settings: Settings,
    *,
    deliver: bool = False,
    store: Store | None = None,
    senders: Mapping[Platform, Sender] | None = None,
    clock: Clock | None = None,
    timezones: Mapping[Platform, TimezoneSource] | None = None,
    today: date | None = None,
    teams: bool = True,
) -> web.Application:
    """The web application: what bots/bootstrap wires, mounted on routes.

    Raises ConfigError or DataError before serving anything. `teams=False` leaves
    /api/messages unmounted (no credentials on a public address); `deliver=True` runs the
    delivery pass every minute; the other keywords go to `bootstrap` (fakes for tests).
    """
    runtime = await bootstrap(
        settings,
        store=store,
        senders=senders,
        clock=clock,
        timezones=timezones,
        today=today,
        teams=teams,
    )
    meter = Metrics(runtime.usage, lambda: runtime.active_subscriptions)
    app = web.Application(client_max_size=MAX_BODY, middlewares=[middleware(meter)])
    app[RUNTIME] = runtime
    app[METRICS] = meter
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app[DIRECTORY_HTML] = {}
    app.router.add_get("/directory", directory)
    app.router.add_get("/directory/{agency}", directory)
    if runtime.reload is not None:
        from bots.reload import reload_on_sighup

        app.cleanup_ctx.append(reload_on_sighup(runtime.reload, app[DIRECTORY_HTML].clear))
    if runtime.slack is not None:
        app.router.add_post("/slack/events", runtime.slack.handle)
        if settings.slack_distribution:
            app.router.add_get("/slack/install", runtime.slack.handle_oauth)
            app.router.add_get("/slack/oauth_redirect", runtime.slack.handle_oauth)
        if settings.slack_app_token:
            from adapters.slack.socket_mode import socket_mode

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

    app[METRICS_URL] = []
    app.cleanup_ctx.append(_metrics_listener(settings.metrics_addr))

    async def close(_app: web.Application) -> None:
        await runtime.close()

    app.on_cleanup.append(close)
    return app
