"""The aiohttp application: one process serves Slack, Teams, health and metrics."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from aiohttp import web

from bots.housekeeping import housekeeping
from bots.settings import Settings
from core.bundle import Services, build_services, load_bundle
from core.ports import Clock, Store, SystemClock
from core.sqlstore import open_store

log = logging.getLogger(__name__)

SERVICES = web.AppKey("services", Services)
STORE = web.AppKey("store", Store)
TEAMS = web.AppKey("teams", object)


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def create_app(
    settings: Settings, *, clock: Clock | None = None, today: date | None = None, teams: bool = True
) -> web.Application:
    """The composition root. Raises DataError for bad data files, StoreUnavailable for no database.

    `teams=False` leaves /api/messages unmounted (no credentials on a public address).
    """
    clock = clock or SystemClock()
    services = build_services(load_bundle(settings.data_paths, today or clock.now().date()))
    store = await open_store(settings.database_url)
    app = web.Application(client_max_size=1024 * 1024)
    app[SERVICES] = services
    app[STORE] = store
    app.router.add_get("/healthz", healthz)
    if settings.slack_enabled:
        _mount_slack(app, settings, services, store, clock)
    else:
        log.info("Slack is off: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not both set")

    if teams:
        _mount_teams(app, settings, services, store, clock)
    app.cleanup_ctx.append(housekeeping(store, clock))

    async def close_store(_app: web.Application) -> None:
        await store.close()

    app.on_cleanup.append(close_store)
    return app


def _mount_slack(
    app: web.Application, settings: Settings, services: Services, store: Store, clock: Clock
) -> None:
    from adapters.slack import SlackAdapter

    assert settings.slack_bot_token and settings.slack_signing_secret
    slack = SlackAdapter(
        services.conversation,
        store,
        clock,
        token=settings.slack_bot_token,
        signing_secret=settings.slack_signing_secret,
        api_url=settings.slack_api_url,
    )
    app.router.add_post("/slack/events", slack.handle)
    if settings.slack_app_token:
        from adapters.slack_socket import socket_mode

        app.cleanup_ctx.append(socket_mode(slack, settings.slack_app_token))


def _mount_teams(
    app: web.Application, settings: Settings, services: Services, store: Store, clock: Clock
) -> None:
    from adapters.teams import TeamsAdapter

    auth = teams_auth_settings(settings)
    if not auth.authentication_enabled:
        log.warning("Teams runs unauthenticated (no MICROSOFT_APP_ID): loopback clients only")
    adapter = TeamsAdapter(services.conversation, store, clock, auth)
    app[TEAMS] = adapter
    app.router.add_post("/api/messages", adapter.handle)

    async def close_teams(_app: web.Application) -> None:
        await adapter.close()

    app.on_cleanup.append(close_teams)


def teams_auth_settings(settings: Settings) -> Any:
    """The MICROSOFT_* settings as the Teams adapter's authentication expects them."""
    from adapters.teams_auth import TeamsAuthSettings

    return TeamsAuthSettings(
        app_id=settings.microsoft_app_id or "",
        app_password=settings.microsoft_app_password or "",
        app_type=settings.microsoft_app_type,
        tenant_id=settings.microsoft_app_tenant_id or "",
        channel_service=settings.microsoft_channel_service,
        oauth_url=settings.microsoft_oauth_url,
        to_channel_from_bot_login_url=settings.microsoft_to_channel_from_bot_login_url,
        to_channel_from_bot_oauth_scope=settings.microsoft_to_channel_from_bot_oauth_scope,
        to_bot_from_channel_token_issuer=settings.microsoft_to_bot_from_channel_token_issuer,
        to_bot_from_channel_openid_metadata_url=settings.microsoft_to_bot_from_channel_openid_metadata_url,
        to_bot_from_emulator_openid_metadata_url=settings.microsoft_to_bot_from_emulator_openid_metadata_url,
    )
