"""The bot's outbound AAD tokens: one credential per authority and scope, fetched with aiohttp."""

from __future__ import annotations

import asyncio
import time
from typing import cast

import aiohttp
from botframework.connector.auth import (  # type: ignore[import-untyped]
    AppCredentials,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication

from adapters.teams.config import TeamsConfig
from core.errors import NotSent

REFRESH_MARGIN_S = 300  # refresh a token five minutes before it expires
TOKEN_TIMEOUT_S = 10


class HttpSource:
    """One aiohttp session for token requests, opened on first use."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


class CachedTokenCredentials(AppCredentials):  # type: ignore[misc]
    """Client-credentials token for one authority and scope, fetched asynchronously."""

    def __init__(
        self, app_id: str, password: str, token_url: str, scope: str, http: HttpSource
    ) -> None:
        super().__init__(app_id=app_id, oauth_scope=scope)
        self.microsoft_app_password = password
        self.token_url = token_url
        self._http = http
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self.fetches = 0

    def _fresh(self) -> bool:
        return self._token is not None and time.monotonic() < self._expires_at - REFRESH_MARGIN_S

    async def refresh(self) -> None:
        if self._fresh():
            return
        async with self._lock:
            if self._fresh():
                return
            scope = (
                self.oauth_scope
                if self.oauth_scope.endswith("/.default")
                else f"{self.oauth_scope}/.default"
            )
            form = {
                "grant_type": "client_credentials",
                "client_id": self.microsoft_app_id,
                "client_secret": self.microsoft_app_password,
                "scope": scope,
            }
            try:
                session = await self._http.session()
                async with session.post(
                    self.token_url, data=form, timeout=aiohttp.ClientTimeout(total=TOKEN_TIMEOUT_S)
                ) as response:
                    answer = await response.json(content_type=None)
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                raise NotSent("could not obtain a Bot Framework token") from exc
            token = answer.get("access_token") if isinstance(answer, dict) else None
            if not token:
                error = answer.get("error", "unknown") if isinstance(answer, dict) else "unknown"
                raise NotSent(f"Bot Framework token refused: {error}")
            self._token = str(token)
            self._expires_at = time.monotonic() + float(answer.get("expires_in", 3600))
            self.fetches += 1

    def get_access_token(self, force_refresh: bool = False) -> str:
        """Called synchronously by msrest when signing a request: only ever reads the cache."""
        if self._token is None:
            raise PermissionError("no Bot Framework token has been fetched yet")
        return self._token


class CachingCredentialFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Hands out one long-lived credential per (authority, scope), its token refreshed.

    botbuilder's stock factory builds a new MSAL client for every connector and fetches
    an AAD token synchronously, on the event loop, on every send.
    """

    def __init__(self, config: TeamsConfig, http: HttpSource) -> None:
        self._config = config
        self._http = http
        self._cache: dict[tuple[str, str], CachedTokenCredentials] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(app_id) and app_id == self._config.app_id

    async def is_authentication_disabled(self) -> bool:
        return not self._config.app_id

    def _token_url(self, login_endpoint: str) -> str:
        authority = login_endpoint.rstrip("/")
        if self._config.app_type.lower() == "singletenant" and self._config.tenant_id:
            authority = authority.rsplit("/", 1)[0] + "/" + self._config.tenant_id
        return authority + "/oauth2/v2.0/token"

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        if await self.is_authentication_disabled():
            return cast(Authentication, MicrosoftAppCredentials.empty())
        if not await self.is_valid_app_id(app_id):
            raise PermissionError("invalid app id")
        token_url = self._token_url(login_endpoint)
        key = (token_url, oauth_scope)
        credentials = self._cache.get(key)
        if credentials is None:
            credentials = CachedTokenCredentials(
                app_id, self._config.app_password, token_url, oauth_scope, self._http
            )
            self._cache[key] = credentials
        await credentials.refresh()
        return credentials

    @property
    def token_fetches(self) -> int:
        return sum(c.fetches for c in self._cache.values())
