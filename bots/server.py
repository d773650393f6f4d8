"""The aiohttp application: one process serves Slack, Teams, health and metrics."""

from __future__ import annotations

from datetime import date

from aiohttp import web

from bots.settings import Settings
from core.bundle import build_services, load_bundle

SERVICES = web.AppKey("services", object)


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(settings: Settings, today: date | None = None) -> web.Application:
    """The composition root. Raises DataError when the data or agency file is invalid."""
    bundle = load_bundle(settings.data_paths, today or date.today())
    app = web.Application(client_max_size=1024 * 1024)
    app[SERVICES] = build_services(bundle)
    app.router.add_get("/healthz", healthz)
    return app
