"""The OAuth `state` of "Add to Slack", signed instead of stored: bolt's AsyncOAuthStateStore
keyed by SLACK_STATE_SECRET.

A state is `nonce.issued.signature`: a random nonce, the issue time (epoch seconds) and an
HMAC-SHA256 of both, url-safe. It is good for ten minutes. Nothing is stored, so a state can be
presented more than once within that time; bolt also checks it against the cookie it set in
the installer's browser, which is what ties a callback to the browser that began the flow.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from core.errors import ConfigError

log = logging.getLogger(__name__)

LIFETIME = timedelta(minutes=10)
CLOCK_SKEW = timedelta(seconds=60)  # replicas' clocks may differ a little
MIN_SECRET_LENGTH = 32
PURPOSE = b"wellcheck slack oauth state v1\x00"  # the secret signs nothing else alike


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SignedStateStore(AsyncOAuthStateStore):
    """Issues and checks signed OAuth states; `now` is the clock (injected by tests)."""

    def __init__(self, secret: str, now: Callable[[], datetime] = _utc_now) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ConfigError(
                f"SLACK_STATE_SECRET must be a random secret of at least {MIN_SECRET_LENGTH} "
                "characters (e.g. `openssl rand -hex 32`)"
            )
        self._secret = secret.encode()
        self._now = now

    @property
    def logger(self) -> logging.Logger:
        return log

    def _signature(self, nonce: str, issued: str) -> str:
        message = PURPOSE + f"{nonce}.{issued}".encode()
        digest = hmac.new(self._secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        nonce = secrets.token_urlsafe(16)  # url-safe base64: never a "."
        issued = str(int(self._now().timestamp()))
        return f"{nonce}.{issued}.{self._signature(nonce, issued)}"

    async def async_consume(self, state: str) -> bool:
        """True only for a state this secret signed, issued at most ten minutes ago."""
        parts = state.split(".")
        if len(parts) != 3 or not (parts[1].isascii() and parts[1].isdigit()):
            return False
        nonce, issued, signature = parts
        if not hmac.compare_digest(signature.encode(), self._signature(nonce, issued).encode()):
            return False
        age = self._now() - datetime.fromtimestamp(int(issued), UTC)
        return -CLOCK_SKEW <= age <= LIFETIME
