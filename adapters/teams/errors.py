"""Bot Connector failures mapped onto the core's errors, and the retries around a send."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from msrest.exceptions import ClientRequestError, HttpOperationError

from core.errors import PlatformError, RateLimited, RecipientGone

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRY_STATUSES = frozenset({429, 412, 502, 504})
GONE_STATUSES = frozenset({403, 404})
GONE_CODES = frozenset(
    {"ConversationNotFound", "MessageWritesBlocked", "BotNotInConversationRoster"}
)
MAX_ATTEMPTS = 4
MAX_BACKOFF_S = 30.0


def _status(exc: HttpOperationError) -> int:
    response = getattr(exc, "response", None)
    return int(getattr(response, "status_code", 0) or 0)


def _retry_after(exc: HttpOperationError) -> float | None:
    response = getattr(exc, "response", None)
    header = getattr(response, "headers", {}).get("Retry-After") if response is not None else None
    try:
        return float(header) if header is not None else None
    except ValueError:
        return None


def _error_code(exc: HttpOperationError) -> str:
    response = getattr(exc, "response", None)
    try:
        body = response.json() if response is not None else {}
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    return str(error.get("code", "")) if isinstance(error, dict) else ""


def platform_error(exc: Exception) -> PlatformError:
    """Map a connector failure onto the core's error family."""
    if isinstance(exc, HttpOperationError):
        status, code = _status(exc), _error_code(exc)
        if status in GONE_STATUSES or code in GONE_CODES:
            return RecipientGone(f"Teams conversation gone ({status} {code})".strip())
        if status == 429:
            return RateLimited(_retry_after(exc) or 1.0)
        return PlatformError(f"Teams connector answered {status} {code}".strip())
    if isinstance(exc, PlatformError):
        return exc
    return PlatformError(f"Teams connector unreachable: {type(exc).__name__}")


def undelivered(exc: Exception) -> bool:
    """The answer did not reach Teams (the connector refused it or could not be reached),
    mapped or not: a redelivery may still get it there."""
    return isinstance(exc, PlatformError | HttpOperationError | ClientRequestError)


async def with_retries(
    send: Callable[[], Awaitable[T]], sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
) -> T:
    """Retry 429/412/502/504 with jittered backoff (Retry-After wins); map other failures."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            return await send()
        except HttpOperationError as exc:
            if _status(exc) not in RETRY_STATUSES or attempt == MAX_ATTEMPTS - 1:
                raise platform_error(exc) from exc
            delay = _retry_after(exc)
            if delay is None:
                delay = min(MAX_BACKOFF_S, 0.5 * 2**attempt) * random.uniform(0.5, 1.5)
            log.info("Teams connector answered %d; retrying in %.1fs", _status(exc), delay)
            await sleep(min(delay, MAX_BACKOFF_S))
        except ClientRequestError as exc:
            raise platform_error(exc) from exc
    raise PlatformError("unreachable")  # pragma: no cover
