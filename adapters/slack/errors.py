"""The one place Slack Web API failures become the core's errors (PlatformError and kin)."""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

from core.errors import NotSent, PlatformError, RateLimited, RecipientGone

# What a Web API call can raise: Slack's own errors, and what slack_sdk lets through from
# aiohttp unwrapped (a refused or dropped connection, the client timeout).
FAILURES: tuple[type[Exception], ...] = (SlackClientError, aiohttp.ClientError, TimeoutError)

# `error` codes meaning the address can no longer be written to: stop sending there.
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


# No connection was made, so no request reached Slack: certainly not sent.
NOT_CONNECTED: tuple[type[Exception], ...] = (
    aiohttp.ClientConnectorError,  # refused, DNS, TLS handshake, proxy
    aiohttp.ConnectionTimeoutError,  # the connect itself timed out
    aiohttp.InvalidURL,
)


def platform_error(exc: BaseException) -> PlatformError:
    """Map a failed Web API call onto the core's errors; the caller raises it `from exc`.

    Slack answered `ok: false`: a 429 or `ratelimited` is RateLimited (Retry-After, else
    1 s), an address that is gone (GONE) is RecipientGone, and any other refusal below
    500 is NotSent (Slack says it posted nothing). A 5xx, or no answer after the request
    went out (a timeout, a reset, a dropped connection) is a plain PlatformError: maybe
    sent. No connection at all (NOT_CONNECTED) is NotSent. Each names Slack's error code
    or only the exception's type.

    The callers differ in what they do before mapping, each for a reason it documents:
    `SlackSender.send` (scheduled tips) maps every failure, so the pacer sees 429s and a
    gone recipient is recorded; `Replies.post` (answers) first retries any `ok: false`
    as plain text, since a crisis answer must degrade rather than fail.
    """
    if isinstance(exc, SlackApiError):
        response = exc.response
        error = str(response.get("error", ""))
        if response.status_code == 429 or error == "ratelimited":
            return RateLimited(_retry_after(response.headers))
        if error in GONE:
            return RecipientGone(f"Slack: {error}")
        if response.status_code >= 500:
            return PlatformError(f"Slack: {error or response.status_code}")
        return NotSent(f"Slack: {error or response.status_code}")
    if isinstance(exc, NOT_CONNECTED):
        return NotSent(f"Slack unreachable: {type(exc).__name__}")
    return PlatformError(f"Slack unreachable: {type(exc).__name__}")


def reason(exc: BaseException) -> str:
    """What may be logged about a failed call: Slack's error code, else the exception's type."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error", "error"))
    return type(exc).__name__


def _retry_after(headers: Mapping[str, str]) -> float:
    """Retry-After in seconds; 1 when it is missing, empty or not a number."""
    raw = headers.get("Retry-After", headers.get("retry-after")) or 1
    try:
        return float(raw)
    except ValueError:
        return 1.0
