"""Slack for scheduled delivery: send to an address, say plainly when it is gone or
throttled; and users' timezones from users.info."""

from __future__ import annotations

import time

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as slack_blocks
from adapters.slack.client import web_client
from core.domain.identity import UserRef
from core.domain.replies import Reply
from core.errors import PlatformError, RateLimited, RecipientGone

GONE = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "account_inactive",
        "is_archived",
        "user_disabled",
        "cannot_dm_bot",
        "not_in_channel",
        "team_access_not_granted",
        "invalid_channel",
    }
)
TIMEZONE_TTL_S = 3600.0


def delivery_client(token: str, base_url: str) -> AsyncWebClient:
    return web_client(token, base_url, scheduled=True)


def slack_error(exc: SlackClientError) -> PlatformError:
    if isinstance(exc, SlackApiError):
        response = exc.response
        error = str(response.get("error", ""))
        if response.status_code == 429 or error == "ratelimited":
            retry_after = float(
                response.headers.get("Retry-After", response.headers.get("retry-after", 1)) or 1
            )
            return RateLimited(retry_after)
        if error in GONE:
            return RecipientGone(f"Slack: {error}")
        return PlatformError(f"Slack: {error or response.status_code}")
    return PlatformError(f"Slack unreachable: {type(exc).__name__}")


class SlackSender:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client

    async def send(self, address: str, reply: Reply) -> None:
        try:
            await self._client.chat_postMessage(channel=address, **slack_blocks.message(reply))
        except SlackClientError as exc:
            raise slack_error(exc) from exc


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
