"""Bot Connector failures mapped onto the core's errors, and the retries around a send."""

from __future__ import annotations

import asyncio
import logging
import random
import socket
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp
import requests
import urllib3
from msrest.exceptions import ClientRequestError, HttpOperationError

from core.errors import NotSent, PlatformError, RateLimited, RecipientGone

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRY_STATUSES = frozenset({429, 412, 502, 504})
# Scheduled tips: a 429 goes back to the pacer, and a 502/504 may have been delivered
# (at most once); only 412, which the connector answers before taking the activity.
SCHEDULED_RETRY_STATUSES = frozenset({412})
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
    """Map a connector failure onto the core's error family.

    Refused below 500 (other than gone or 429) is NotSent: the connector did not accept
    it. No connection at all (refused, DNS, connect timeout, anywhere in the exception's
    chain) is NotSent too. A 5xx, or a failure after the request went out (a read
    timeout, a reset), is a plain PlatformError: maybe sent."""
    if isinstance(exc, HttpOperationError):
        status, code = _status(exc), _error_code(exc)
        if status in GONE_STATUSES or code in GONE_CODES:
            return RecipientGone(f"Teams conversation gone ({status} {code})".strip())
        if status == 429:
            return RateLimited(_retry_after(exc) or 1.0)
        if 400 <= status < 500:
            return NotSent(f"Teams connector refused it: {status} {code}".strip())
        return PlatformError(f"Teams connector answered {status} {code}".strip())
    if isinstance(exc, PlatformError):
        return exc
    if _never_connected(exc):
        return NotSent(f"Teams connector unreachable: {type(exc).__name__}")
    return PlatformError(f"Teams connector unreachable: {type(exc).__name__}")


# No connection was made: the request cannot have reached the connector.
_NOT_CONNECTED: tuple[type[BaseException], ...] = (
    urllib3.exceptions.ConnectTimeoutError,  # and NewConnectionError: refused, DNS
    requests.exceptions.ConnectTimeout,
    aiohttp.ClientConnectorError,  # refused, DNS, TLS
    aiohttp.ConnectionTimeoutError,
    ConnectionRefusedError,
    socket.gaierror,  # DNS
)


def _never_connected(exc: BaseException) -> bool:
    """Whether a no-connection error is anywhere in the chain (msrest wraps requests,
    which wraps urllib3, which keeps the cause in `reason`)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, _NOT_CONNECTED):
            return True
        todo += [item.__cause__, item.__context__, getattr(item, "inner_exception", None)]
        todo += [getattr(item, "reason", None), *item.args]
    return False


def undelivered(exc: Exception) -> bool:
    """The answer did not reach Teams (the connector refused it or could not be reached),
    mapped or not: a redelivery may still get it there."""
    return isinstance(exc, PlatformError | HttpOperationError | ClientRequestError)


async def with_retries(
    send: Callable[[], Awaitable[T]],
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    statuses: frozenset[int] = RETRY_STATUSES,
) -> T:
    """Retry `statuses` (429/412/502/504 unless told) with jittered backoff (Retry-After
    wins); map other failures."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            return await send()
        except HttpOperationError as exc:
            if _status(exc) not in statuses or attempt == MAX_ATTEMPTS - 1:
                raise platform_error(exc) from exc
            delay = _retry_after(exc)
            if delay is None:
                delay = min(MAX_BACKOFF_S, 0.5 * 2**attempt) * random.uniform(0.5, 1.5)
            log.info("Teams connector answered %d; retrying in %.1fs", _status(exc), delay)
            await sleep(min(delay, MAX_BACKOFF_S))
        except ClientRequestError as exc:
            raise platform_error(exc) from exc
    raise PlatformError("unreachable")  # pragma: no cover
