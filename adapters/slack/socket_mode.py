"""Socket Mode, for local development without a public Request URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from adapters.slack.app import SlackAdapter


def socket_mode(slack: SlackAdapter, app_token: str) -> Callable[[Any], AsyncIterator[None]]:
    """An aiohttp cleanup context that holds a Socket Mode connection open while serving."""

    async def connection(_app: Any) -> AsyncIterator[None]:
        handler = AsyncSocketModeHandler(slack.app, app_token)
        await handler.connect_async()
        yield
        await handler.close_async()

    return connection
