"""Slack for scheduled tips: sending them (gone or throttled said plainly) and users' timezones."""

from __future__ import annotations

import time
from typing import Protocol

import aiohttp
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from adapters.slack.errors import FAILURES, platform_error
from core.domain.identity import UserRef
from core.domain.replies import Reply
from core.errors import NotSent, RecipientGone, WellCheckError

TIMEZONE_TTL_S = 3600.0


def delivery_client(token: str | None, base_url: str) -> AsyncWebClient:
    return web_client(token, base_url, scheduled=True)


class BotTokens(Protocol):
    async def token_for(self, team_id: str, enterprise_id: str = "") -> str | None:
        """The workspace's bot token; None when the app is not installed there."""
        ...


class FixedToken:
    """Single-workspace mode: SLACK_BOT_TOKEN for everything."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def token_for(self, team_id: str, enterprise_id: str = "") -> str | None:
        return self._token


class SlackSender:
    """Scheduled tips: every failure is mapped, so 429s reach the pacer and gone is recorded.

    Each workspace's tips go with its own bot token (one token in single-workspace mode).
    Sends share one HTTP session with keep-alive (slack_sdk opens a connection, and a TLS
    handshake, per call otherwise: CPU that 10,000 tips at the platform's limit notice);
    `close` ends it."""

    def __init__(self, tokens: BotTokens, base_url: str, timeout: float | None = None) -> None:
        self._tokens = tokens
        self._base_url = base_url
        self._timeout = timeout
        self._clients: dict[str, AsyncWebClient] = {}
        self._session: aiohttp.ClientSession | None = None

    async def _client(self, workspace: str, enterprise: str) -> AsyncWebClient:
        try:
            token = await self._tokens.token_for(workspace, enterprise)
        except WellCheckError as exc:  # the store or the key: nothing was sent
            raise NotSent(f"the workspace's token could not be read: {type(exc).__name__}") from exc
        if token is None:
            raise RecipientGone("WellCheck is no longer installed in the workspace")
        client = self._clients.get(token)
        if client is None:
            if len(self._clients) > 10_000:  # rotated tokens: keep the map small
                self._clients.clear()
            client = self._clients[token] = delivery_client(token, self._base_url)
            if self._timeout is not None:
                client.timeout = int(self._timeout)
        if self._session is None:
            timeout = aiohttp.ClientTimeout(total=client.timeout)  # slack_sdk's is per session
            self._session = aiohttp.ClientSession(timeout=timeout)
        client.session = self._session
        return client

    async def send(
        self, address: str, reply: Reply, workspace: str = "", enterprise: str = ""
    ) -> None:
        client = await self._client(workspace, enterprise)
        try:
            await client.chat_postMessage(channel=address, **slack_blocks.message(reply))
        except FAILURES as exc:
            raise platform_error(exc) from exc

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        for client in self._clients.values():
            client.session = None


class SlackTimezones:
    """users.info `tz` with the user's workspace's token, remembered for an hour per user
    (needs the users:read scope)."""

    def __init__(self, tokens: BotTokens, base_url: str) -> None:
        self._tokens = tokens
        self._base_url = base_url
        self._cache: dict[str, tuple[float, str | None]] = {}

    async def timezone_of(self, user: UserRef) -> str | None:
        hit = self._cache.get(user.id)
        if hit is not None and time.monotonic() - hit[0] < TIMEZONE_TTL_S:
            return hit[1]
        try:
            token = await self._tokens.token_for(user.workspace, user.enterprise)
            if token is None:
                return None
            answer = await delivery_client(token, self._base_url).users_info(user=user.id)
            zone = (answer.get("user") or {}).get("tz")
        except SlackClientError:
            return None
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[user.id] = (time.monotonic(), zone)
        return str(zone) if zone else None
