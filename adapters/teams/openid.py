"""Bot Framework signing keys, fetched with aiohttp and a timeout, never blocking the loop."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
from jwt.algorithms import RSAAlgorithm

REFRESH_EVERY_S = 24 * 3600.0
UNKNOWN_KEY_REFRESH_S = 3600.0
FETCH_TIMEOUT_S = 10.0


class SigningKey:
    """What JwtTokenExtractor reads from a metadata lookup."""

    def __init__(self, public_key: Any, endorsements: list[str]) -> None:
        self.public_key = public_key
        self.endorsements = endorsements


class AsyncOpenIdMetadata:
    """One OpenID metadata URL's signing keys, refreshed daily (hourly for an unknown key).

    botbuilder_fixes puts one per URL where JwtTokenExtractor looks its metadata up; the
    extractor awaits `get` as it awaits its own.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = -1e12
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        # a session per refresh (once a day): none outlives the event loop that opened it
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_S)
        async with aiohttp.ClientSession() as session:
            async with session.get(self.url, timeout=timeout) as response:
                response.raise_for_status()
                jwks_uri = (await response.json(content_type=None))["jwks_uri"]
            async with session.get(jwks_uri, timeout=timeout) as response:
                response.raise_for_status()
                keys = (await response.json(content_type=None))["keys"]
        self._keys = {key["kid"]: key for key in keys if "kid" in key}
        self._fetched_at = time.monotonic()

    async def get(self, key_id: str) -> SigningKey | None:
        async with self._lock:
            age = time.monotonic() - self._fetched_at
            if age > REFRESH_EVERY_S or (key_id not in self._keys and age > UNKNOWN_KEY_REFRESH_S):
                await self._refresh()
        key = self._keys.get(key_id)
        if key is None or not key.get("endorsements"):
            return None  # a key that endorses no channel signs nothing we accept
        return SigningKey(RSAAlgorithm.from_jwk(json.dumps(key)), list(key["endorsements"]))
