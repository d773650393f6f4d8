"""Bot Framework authentication for the Teams adapter, with cached outbound tokens.

botbuilder's stock credential factory builds a new MSAL client for every connector
and fetches an AAD token synchronously, on the event loop, on every send. Here one
credential object per (authority, scope) lives for the process, and its token is
fetched with aiohttp and refreshed before it expires.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication

from core.errors import PlatformError

log = logging.getLogger(__name__)

REFRESH_MARGIN_S = 300  # refresh a token five minutes before it expires
TOKEN_TIMEOUT_S = 10


# Bot Connector hosts: public cloud, GCC, GCC High, DoD (and the Bot Framework's own).
MICROSOFT_SERVICE_HOSTS = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
    "botframework.com",
    "botframework.azure.us",
)


@dataclass(frozen=True)
class TeamsAuthSettings:
    """MICROSOFT_* settings, named as botbuilder's configuration expects them."""

    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    tenant_id: str = ""
    channel_service: str | None = None
    oauth_url: str | None = None
    to_channel_from_bot_login_url: str | None = None
    to_channel_from_bot_oauth_scope: str | None = None
    to_bot_from_channel_token_issuer: str | None = None
    to_bot_from_channel_openid_metadata_url: str | None = None
    to_bot_from_emulator_openid_metadata_url: str | None = None
    local: bool = False  # WELLCHECK_TEAMS_LOCAL=1, never with an app id
    extra_service_hosts: tuple[str, ...] = ()

    @property
    def authentication_enabled(self) -> bool:
        return bool(self.app_id)

    def service_url_allowed(self, service_url: str) -> bool:
        """Where the bot may send its token: Microsoft's Bot Connector hosts (https), and the
        hosts WELLCHECK_TEAMS_EXTRA_SERVICE_HOSTS adds (tests, new Microsoft clouds)."""
        try:
            url = urlsplit(service_url)
        except ValueError:
            return False
        host = (url.hostname or "").lower()
        if host in self.extra_service_hosts:
            return url.scheme in ("https", "http")
        return url.scheme == "https" and any(
            host == allowed or host.endswith("." + allowed) for allowed in MICROSOFT_SERVICE_HOSTS
        )

    def configuration(self) -> Any:
        """The attribute bag that ConfigurationBotFrameworkAuthentication reads."""

        class Configuration:
            APP_ID = self.app_id
            APP_PASSWORD = self.app_password
            APP_TYPE = self.app_type
            APP_TENANTID = self.tenant_id
            CHANNEL_SERVICE = self.channel_service
            OAUTH_URL = self.oauth_url
            TO_CHANNEL_FROM_BOT_LOGIN_URL = self.to_channel_from_bot_login_url
            TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = self.to_channel_from_bot_oauth_scope
            TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = self.to_bot_from_channel_token_issuer
            TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = self.to_bot_from_channel_openid_metadata_url
            TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = self.to_bot_from_emulator_openid_metadata_url
            VALIDATE_AUTHORITY = True

        return Configuration()


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
                raise PlatformError("could not obtain a Bot Framework token") from exc
            token = answer.get("access_token") if isinstance(answer, dict) else None
            if not token:
                error = answer.get("error", "unknown") if isinstance(answer, dict) else "unknown"
                raise PlatformError(f"Bot Framework token refused: {error}")
            self._token = str(token)
            self._expires_at = time.monotonic() + float(answer.get("expires_in", 3600))
            self.fetches += 1

    def get_access_token(self, force_refresh: bool = False) -> str:
        """Called synchronously by msrest when signing a request: only ever reads the cache."""
        if self._token is None:
            raise PermissionError("no Bot Framework token has been fetched yet")
        return self._token


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


class CachingCredentialFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Hands out one long-lived credential per (authority, scope), its token refreshed."""

    def __init__(self, settings: TeamsAuthSettings, http: HttpSource) -> None:
        self._settings = settings
        self._http = http
        self._cache: dict[tuple[str, str], CachedTokenCredentials] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(app_id) and app_id == self._settings.app_id

    async def is_authentication_disabled(self) -> bool:
        return not self._settings.app_id

    def _token_url(self, login_endpoint: str) -> str:
        authority = login_endpoint.rstrip("/")
        if self._settings.app_type.lower() == "singletenant" and self._settings.tenant_id:
            authority = authority.rsplit("/", 1)[0] + "/" + self._settings.tenant_id
        return authority + "/oauth2/v2.0/token"

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        if await self.is_authentication_disabled():
            return MicrosoftAppCredentials.empty()
        if not await self.is_valid_app_id(app_id):
            raise PermissionError("invalid app id")
        token_url = self._token_url(login_endpoint)
        key = (token_url, oauth_scope)
        credentials = self._cache.get(key)
        if credentials is None:
            credentials = CachedTokenCredentials(
                app_id, self._settings.app_password, token_url, oauth_scope, self._http
            )
            self._cache[key] = credentials
        await credentials.refresh()
        return credentials

    @property
    def token_fetches(self) -> int:
        return sum(c.fetches for c in self._cache.values())


CLIENT_CACHE_SIZE = 64
CONNECTOR_TIMEOUT_S = 10


class _ReusedConnectors(ConnectorFactory):  # type: ignore[misc]
    """Connector clients reused across turns, per (app id, service URL, audience).

    Stock CloudAdapter builds a new ConnectorClient (msrest configuration, serializers,
    a requests session without keep-alive) for every turn.
    """

    def __init__(
        self, inner: ConnectorFactory, app_id: str, cache: dict[tuple[str, str, str], Any]
    ) -> None:
        self._inner = inner
        self._app_id = app_id
        self._cache = cache

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        key = (self._app_id, service_url, audience or "")
        client = self._cache.get(key)
        if client is None:
            if len(self._cache) >= CLIENT_CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            client = await self._inner.create(service_url, audience)
            client.config.connection.timeout = CONNECTOR_TIMEOUT_S  # msrest waits 100 s by default
            self._cache[key] = client
        credentials = client.config.credentials
        if isinstance(credentials, CachedTokenCredentials):
            await credentials.refresh()
        return client


class ReusingAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """Delegates to botbuilder's authentication; reuses the clients it would rebuild per turn."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._connectors: dict[tuple[str, str, str], Any] = {}
        self._token_clients: dict[str, Any] = {}

    @staticmethod
    def _app_id(identity: Any) -> str:
        claims = getattr(identity, "claims", None) or {}
        return str(claims.get("aud") or claims.get("appid") or claims.get("azp") or "")

    async def authenticate_request(
        self, activity: Any, auth_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _ReusedConnectors(
                result.connector_factory, self._app_id(result.claims_identity), self._connectors
            )
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> Any:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        inner = self._inner.create_connector_factory(claims_identity)
        return _ReusedConnectors(inner, self._app_id(claims_identity), self._connectors)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> Any:
        key = self._app_id(claims_identity)
        client = self._token_clients.get(key)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._token_clients[key] = client
        return client

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


def authentication(
    settings: TeamsAuthSettings, http: HttpSource
) -> tuple[ReusingAuthentication, ServiceClientCredentialsFactory]:
    """Bot Framework authentication from the settings; managed identity uses the stock factory."""
    configuration = settings.configuration()
    factory: ServiceClientCredentialsFactory
    if settings.app_type.lower() == "userassignedmsi":
        factory = ConfigurationServiceClientCredentialFactory(configuration)
    else:
        factory = CachingCredentialFactory(settings, http)
    inner = ConfigurationBotFrameworkAuthentication(configuration, credentials_factory=factory)
    return ReusingAuthentication(inner), factory
