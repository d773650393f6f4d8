"""The one place Slack Web API clients are built (SLACK_API_URL as base, bounded timeout)."""

from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.jitter import RandomJitter
from slack_sdk.web.async_client import AsyncWebClient

API_TIMEOUT_S = 10


def web_client(token: str | None, base_url: str, *, scheduled: bool = False) -> AsyncWebClient:
    """Replies: 429s wait out Retry-After, 5xx and dropped connections back off with jitter.

    Scheduled sends (`scheduled=True`) are never retried here: 429s are handed back,
    because the pacer must see them; a 5xx or a dropped connection may mean Slack already
    posted the message, and a doubled reminder is worse than a missed one; what certainly
    was not sent is released for a later pass (core.services.tip_delivery).
    """
    backoff = BackoffRetryIntervalCalculator(backoff_factor=0.5, jitter=RandomJitter())
    handlers: list[AsyncRetryHandler] = []
    if not scheduled:
        handlers += [
            AsyncServerErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
            AsyncConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        ]
    return AsyncWebClient(
        token=token,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        timeout=API_TIMEOUT_S,
        retry_handlers=handlers,
    )
