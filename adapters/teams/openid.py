"""Bot Framework signing keys fetched without blocking the event loop.

botbuilder 4.17 refreshes OpenID metadata with blocking `requests.get` calls (no
timeout) from inside the event loop, on the first request and daily after. Here the
same cache entries are filled by an aiohttp fetcher with a timeout; JwtTokenExtractor
finds them under the same URLs and awaits them as before.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable
from typing import Any

import aiohttp
from botframework.connector.auth import AuthenticationConstants, GovernmentConstants
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

from adapters.teams.auth import HttpSource

REFRESH_EVERY_S = 24 * 3600.0
UNKNOWN_KEY_REFRESH_S = 3600.0
FETCH_TIMEOUT_S = 10.0


class SigningKey:
    """What JwtTokenExtractor reads from a metadata lookup."""

    def __init__(self, public_key: Any, endorsements: list[str]) -> None:
        self.public_key = public_key
        self.endorsements = endorsements


class AsyncOpenIdMetadata:
    def __init__(self, url: str, http: HttpSource) -> None:
        self.url = url
        self._http = http
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = -1e12
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_S)
        session = await self._http.session()
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


def install(urls: Iterable[str | None], http: HttpSource) -> None:
    """Put non-blocking metadata fetchers where botbuilder looks them up, by URL."""
    defaults = (
        AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
        GovernmentConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
        GovernmentConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
    )
    for url in {*defaults, *(u for u in urls if u)}:
        if not isinstance(JwtTokenExtractor.metadataCache.get(url), AsyncOpenIdMetadata):
            JwtTokenExtractor.metadataCache[url] = AsyncOpenIdMetadata(url, http)
