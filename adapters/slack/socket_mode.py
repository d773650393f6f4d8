"""Socket Mode, for local development without a public Request URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from adapters.slack.app import SlackAdapter


def socket_mode(
    slack: SlackAdapter, app_token: str
) -> Callable[[web.Application], AsyncIterator[None]]:
    """An aiohttp cleanup context that holds a Socket Mode connection open while serving."""

    async def connection(_app: web.Application) -> AsyncIterator[None]:
        handler = AsyncSocketModeHandler(slack.app, app_token)
        # slack_bolt leaves connect_async and close_async unannotated (they return None)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        yield
        await handler.close_async()  # type: ignore[no-untyped-call]

    return connection
