"""Bot Framework authentication from TeamsConfig, reusing the connector clients botbuilder rebuilds."""

from __future__ import annotations

from typing import Any

from botbuilder.integration.aiohttp import (  # type: ignore[import-untyped]
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botframework.connector.auth import (  # type: ignore[import-untyped]
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
)

from adapters.teams import wire
from adapters.teams.config import TeamsConfig
from adapters.teams.tokens import CachedTokenCredentials, CachingCredentialFactory, HttpSource

CLIENT_CACHE_SIZE = 64
CONNECTOR_TIMEOUT_S = 10


def configuration(config: TeamsConfig) -> Any:
    """The attribute bag that ConfigurationBotFrameworkAuthentication reads."""

    class Configuration:
        APP_ID = config.app_id
        APP_PASSWORD = config.app_password
        APP_TYPE = config.app_type
        APP_TENANTID = config.tenant_id
        CHANNEL_SERVICE = config.channel_service
        OAUTH_URL = config.oauth_url
        TO_CHANNEL_FROM_BOT_LOGIN_URL = config.to_channel_from_bot_login_url
        TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = config.to_channel_from_bot_oauth_scope
        TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = config.to_bot_from_channel_token_issuer
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = config.to_bot_from_channel_openid_metadata_url
        TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = config.to_bot_from_emulator_openid_metadata_url
        VALIDATE_AUTHORITY = True

    return Configuration()


class _ReusedConnectors(ConnectorFactory):  # type: ignore[misc]
    """Connector clients reused across turns, per (app id, service URL, audience).

    Stock CloudAdapter builds a new ConnectorClient (msrest configuration, serializers,
    a requests session without keep-alive) for every turn. Each client writes outgoing
    activities with adapters/teams/wire.py instead of msrest's model walk.
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
            wire.install(client)
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
        self, activity: Any, auth_header: str | None
    ) -> AuthenticateRequestResult:
        """No header (None) is botbuilder's sign for an unauthenticated (local) request."""
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
    config: TeamsConfig, http: HttpSource
) -> tuple[ReusingAuthentication, ServiceClientCredentialsFactory]:
    """Bot Framework authentication from the settings; managed identity uses the stock factory."""
    bag = configuration(config)
    factory: ServiceClientCredentialsFactory
    if config.app_type.lower() == "userassignedmsi":
        factory = ConfigurationServiceClientCredentialFactory(bag)
    else:
        factory = CachingCredentialFactory(config, http)
    inner = ConfigurationBotFrameworkAuthentication(bag, credentials_factory=factory)
    return ReusingAuthentication(inner), factory
