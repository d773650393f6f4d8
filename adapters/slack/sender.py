"""Slack for scheduled tips: sending them (gone or throttled said plainly) and users' timezones."""

from __future__ import annotations

import time

import aiohttp
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from adapters.slack.errors import FAILURES, platform_error
from core.domain.identity import UserRef
from core.domain.replies import Reply

TIMEZONE_TTL_S = 3600.0


def delivery_client(token: str, base_url: str) -> AsyncWebClient:
    return web_client(token, base_url, scheduled=True)


class SlackSender:
    """Scheduled tips: every failure is mapped, so 429s reach the pacer and gone is recorded.

    Sends share one HTTP session with keep-alive (slack_sdk opens a connection, and a TLS
    handshake, per call otherwise: CPU that 10,000 tips at the platform's limit notice);
    `close` ends it."""

    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._session: aiohttp.ClientSession | None = None

    async def send(self, address: str, reply: Reply) -> None:
        if self._client.session is None:
            timeout = aiohttp.ClientTimeout(
                total=self._client.timeout
            )  # slack_sdk's is per session
            self._session = self._client.session = aiohttp.ClientSession(timeout=timeout)
        try:
            await self._client.chat_postMessage(channel=address, **slack_blocks.message(reply))
        except FAILURES as exc:
            raise platform_error(exc) from exc

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._client.session = self._session = None


class SlackTimezones:
    """users.info `tz`, remembered for an hour per user (needs the users:read scope)."""

    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._cache: dict[str, tuple[float, str | None]] = {}

    async def timezone_of(self, user: UserRef) -> str | None:
        hit = self._cache.get(user.id)
        if hit is not None and time.monotonic() - hit[0] < TIMEZONE_TTL_S:
            return hit[1]
        try:
            answer = await self._client.users_info(user=user.id)
            zone = (answer.get("user") or {}).get("tz")
        except SlackClientError:
            return None
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[user.id] = (time.monotonic(), zone)
        return str(zone) if zone else None
